using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ContainerOpt.Images.Builders;

/// <summary>Stops a process and everything it started (the docker client starts plugins; a build must not outlive its timeout).</summary>
internal static class ProcessTree
{
    public static void Kill(Process process)
    {
        try
        {
            if (process.HasExited) return;
#if NET
            process.Kill(entireProcessTree: true);
#else
            KillDescendants(process.Id);
            process.Kill();
#endif
        }
        catch (InvalidOperationException)
        {
            // Exited in between.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Exiting already (access denied while it terminates).
        }
    }

#if !NET
    private static void KillDescendants(int rootId)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            // taskkill walks the tree on Windows, where .NET Framework's Kill stops only the process itself.
            var start = new ProcessStartInfo("taskkill", "/T /F /PID " + rootId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                UseShellExecute = false,
                CreateNoWindow = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var taskkill = Process.Start(start);
            taskkill?.WaitForExit(10_000);
            return;
        }

        foreach (int child in ChildrenFromProc(rootId))
        {
            KillDescendants(child);
            try
            {
                using var process = Process.GetProcessById(child);
                process.Kill();
            }
            catch (ArgumentException)
            {
                // Gone already.
            }
            catch (InvalidOperationException)
            {
            }
        }
    }

    /// <summary>Children of a process from /proc/*/stat (Linux); empty elsewhere.</summary>
    private static IEnumerable<int> ChildrenFromProc(int parentId)
    {
        var children = new List<int>();
        if (!Directory.Exists("/proc")) return children;
        foreach (string directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out int pid)) continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(directory, "stat"));
                // Fields after the command name, which is in parentheses and may hold spaces.
                int close = stat.LastIndexOf(')');
                string[] fields = stat.Substring(close + 2).Split(' ');
                if (fields.Length > 1 && int.TryParse(fields[1], out int ppid) && ppid == parentId)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return children;
    }
#endif
}
