using System.Diagnostics;
using System.Text;

namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>What one <c>dotnet</c> process did.</summary>
internal sealed class DotnetResult
{
    public DotnetResult(IReadOnlyList<string> arguments, string workingDirectory, int exitCode, string stdout, string stderr, TimeSpan elapsed)
    {
        Arguments = arguments;
        WorkingDirectory = workingDirectory;
        ExitCode = exitCode;
        Stdout = stdout;
        Stderr = stderr;
        Elapsed = elapsed;
    }

    public IReadOnlyList<string> Arguments { get; }
    public string WorkingDirectory { get; }
    public int ExitCode { get; }
    public string Stdout { get; }
    public string Stderr { get; }
    public TimeSpan Elapsed { get; }

    /// <summary>Stdout then stderr: MSBuild writes diagnostics to stdout, the host its own failures to stderr.</summary>
    public string Output => Stderr.Length == 0 ? Stdout : Stdout + "\n" + Stderr;

    /// <summary>The canonical diagnostics MSBuild printed while building (the final summary, which repeats them, left out).</summary>
    public IReadOnlyList<MSBuildDiagnostic> Diagnostics => MSBuildDiagnostic.ParseBuildOutput(Stdout);

    public IReadOnlyList<MSBuildDiagnostic> ContainerOptDiagnostics => Diagnostics.Where(d => d.Code.StartsWith("COPT", StringComparison.Ordinal)).ToList();

    /// <summary>A readable account for assertion messages: the command and everything it printed.</summary>
    public string Describe() =>
        $"dotnet {string.Join(" ", Arguments.Select(Quote))} (in {WorkingDirectory}) exited {ExitCode} after {Elapsed.TotalSeconds:F1} s\n" +
        $"--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";

    private static string Quote(string a) => a.Length > 0 && a.IndexOfAny(new[] { ' ', '"', '\'', ';' }) < 0 ? a : "'" + a + "'";
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a child process: arguments as a list (never a shell string),
/// captured output, a timeout that kills the whole process tree, and an environment that keeps
/// the CLI quiet, English and free of reused MSBuild nodes (which would keep the task assembly of
/// an earlier package version loaded).
/// </summary>
internal static class DotnetRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    public static string DotnetPath { get; } = LocateDotnet();

    /// <summary>Told of every finished process (the run keeps a log of what ran and how long it took).</summary>
    public static Action<DotnetResult>? Journal { get; set; }

    public static DotnetResult Run(string workingDirectory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? timeout = null)
    {
        var args = arguments.ToList();
        var psi = new ProcessStartInfo(DotnetPath)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        psi.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
        psi.Environment["DOTNET_GENERATE_ASPNET_CERTIFICATE"] = "false";
        // The test host's own MSBuild-related variables must not leak into the builds under test.
        foreach (var inherited in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH", "VSTEST_HOST_DEBUG" })
        {
            psi.Environment.Remove(inherited);
        }
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    psi.Environment.Remove(key);
                }
                else
                {
                    psi.Environment[key] = value;
                }
            }
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.Append(e.Data).Append('\n'); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit((int)limit.TotalMilliseconds))
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It ended between the timeout and the kill.
            }
            process.WaitForExit();
            var partial = new DotnetResult(args, workingDirectory, -1, stdout.ToString(), stderr.ToString(), watch.Elapsed);
            throw new TimeoutException($"timed out after {limit.TotalSeconds:F0} s: {partial.Describe()}");
        }
        process.WaitForExit(); // flushes the asynchronous readers
        watch.Stop();
        string o, e2;
        lock (stdout) { o = stdout.ToString(); }
        lock (stderr) { e2 = stderr.ToString(); }
        var result = new DotnetResult(args, workingDirectory, process.ExitCode, o, e2, watch.Elapsed);
        Journal?.Invoke(result);
        return result;
    }

    private static string LocateDotnet()
    {
        // The test host runs under the same dotnet that `dotnet test` used.
        var fromEnv = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(fromEnv))
        {
            return fromEnv;
        }
        var main = Environment.ProcessPath;
        if (main is not null && Path.GetFileNameWithoutExtension(main).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return main;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in new[] { "dotnet", "dotnet.exe" })
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }
        return "dotnet";
    }
}
