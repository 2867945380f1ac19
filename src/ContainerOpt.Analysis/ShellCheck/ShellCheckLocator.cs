using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>
/// Finds <c>shellcheck</c> on PATH and asks it its version (<c>shellcheck --version</c>, once per executable
/// and process: an MSBuild node or the CLI asks once, however many Dockerfiles it analyses).
/// </summary>
public static class ShellCheckLocator
{
    private static readonly Regex VersionLine = new(@"^version:\s*v?([0-9]+(\.[0-9]+){1,3})", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    private static readonly ConcurrentDictionary<string, Located> Probed = new(StringComparer.Ordinal);

    /// <summary>
    /// The ShellCheck on <paramref name="searchPath"/> (a PATH value; null: this process's PATH), or null when
    /// there is none (<paramref name="problem"/> null: silent) or it does not work (<paramref name="problem"/>:
    /// the executable and why). <paramref name="note"/> tells, for a verbose log, what was found or not.
    /// </summary>
    public static ShellCheckTool? Locate(string? searchPath, out string note, out (string Path, string Reason)? problem)
    {
        problem = null;
        string? path = FindOnPath(searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "");
        if (path is null)
        {
            note = "shellcheck was not found on PATH: RUN scripts are not checked by ShellCheck (install it, e.g. 'apt-get install shellcheck', to add its findings).";
            return null;
        }
        var located = Probe(path);
        if (located.Version is null)
        {
            problem = (path, located.Problem ?? "it does not work.");
            note = $"shellcheck at '{path}' does not work: {located.Problem}";
            return null;
        }
        note = $"ShellCheck {located.Version} ({path}) checks the RUN scripts.";
        // A new instance per call: callers may tune its timeout without touching another analysis'.
        return new ShellCheckTool(path, located.Version);
    }

    /// <summary>The first <c>shellcheck</c> (on Windows <c>shellcheck.exe</c> and the PATHEXT forms) in the PATH's folders.</summary>
    public static string? FindOnPath(string searchPath)
    {
        bool windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        var names = windows
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(ext => "shellcheck" + ext.ToLowerInvariant()).ToArray()
            : new[] { "shellcheck" };
        foreach (var entry in searchPath.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries))
        {
            string folder = entry.Trim().Trim('"');
            if (folder.Length == 0)
            {
                continue;
            }
            foreach (var name in names)
            {
                try
                {
                    string candidate = Path.Combine(folder, name);
                    if (File.Exists(candidate))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
                catch (Exception e) when (e is ArgumentException or NotSupportedException or IOException or UnauthorizedAccessException)
                {
                    // A malformed PATH entry is skipped, as a shell skips it.
                }
            }
        }
        return null;
    }

    private static Located Probe(string path)
    {
        string key;
        try
        {
            var info = new FileInfo(path);
            key = path + "|" + info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|"
                + info.LastWriteTimeUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            key = path;
        }
        return Probed.GetOrAdd(key, _ => AskVersion(path));
    }

    private static Located AskVersion(string path)
    {
        var result = ShellCheckProcess.Run(path, new[] { "--version" }, null, TimeSpan.FromSeconds(15));
        if (result.StartError is not null)
        {
            return new Located(null, result.StartError);
        }
        if (result.TimedOut)
        {
            return new Located(null, "'shellcheck --version' did not answer within 15 s.");
        }
        var m = VersionLine.Match(result.StandardOutput);
        if (result.ExitCode != 0 || !m.Success || !Version.TryParse(m.Groups[1].Value, out var version))
        {
            return new Located(null, $"'shellcheck --version' exited with code {result.ExitCode} without a version: {result.Tail()}");
        }
        if (version < ShellCheckTool.MinimumVersion)
        {
            return new Located(null, $"ShellCheck {version} is too old; ContainerOpt needs {ShellCheckTool.MinimumVersion} or later (its JSON output).");
        }
        return new Located(version, null);
    }

    private sealed class Located
    {
        public Located(Version? version, string? problem)
        {
            Version = version;
            Problem = problem;
        }

        public Version? Version { get; }
        public string? Problem { get; }
    }
}
