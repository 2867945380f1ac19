namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>
/// A ShellCheck executable the caller found (<see cref="Requests.AnalysisRequestLoader"/> resolves it on PATH,
/// <see cref="ShellCheckLocator"/>): where it is and which version. Given in
/// <see cref="Configuration.AnalysisOptions.ShellCheck"/>, it makes the engine run ShellCheck on the RUN
/// scripts after the rules; its path and version are part of the analysis' cache key.
/// </summary>
public sealed class ShellCheckTool
{
    /// <summary>The oldest ShellCheck with <c>--format=json1</c> and <c>--norc</c> (0.7.0, 2019).</summary>
    public static readonly Version MinimumVersion = new(0, 7, 0);

    /// <summary>The first ShellCheck that knows BusyBox's ash (<c>shell=busybox</c>, 0.10.0); older ones check ash as dash.</summary>
    public static readonly Version BusyboxVersion = new(0, 10, 0);

    public ShellCheckTool(string path, Version version)
    {
        Path = path;
        Version = version;
    }

    /// <summary>The executable's full path.</summary>
    public string Path { get; }

    /// <summary>What <c>shellcheck --version</c> said.</summary>
    public Version Version { get; }

    /// <summary>How long one shellcheck process may run before it is stopped and a COPT0016 warning says so.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most scripts one shellcheck process checks (each written to its own file): keeps the command line
    /// short on Windows for files with thousands of RUNs. 1: a process per script.
    /// </summary>
    public int ScriptsPerProcess { get; set; } = 500;

    /// <summary>
    /// How many shellcheck processes check one Dockerfile's scripts side by side (the batches are split evenly,
    /// at least two scripts each); default: one per core. 1: every batch in turn (one process for a usual file).
    /// </summary>
    public int MaxParallelProcesses { get; set; } = Environment.ProcessorCount;

    public override string ToString() => $"ShellCheck {Version} ({Path})";
}
