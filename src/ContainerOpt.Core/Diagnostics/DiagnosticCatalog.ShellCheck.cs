namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- ShellCheck: an external checker the engine runs on every RUN script when shellcheck is on PATH
    //      (src/ContainerOpt.Analysis/ShellCheck). Not a rule: running a process is I/O, which rules never do.

    /// <summary>
    /// COPT2200, reported by src/ContainerOpt.Analysis/ShellCheck/ShellCheckRunner.cs: one descriptor for every
    /// ShellCheck finding. Each finding carries its own SC code as its equivalent (<c>SC2086</c>), so
    /// configuration, pragmas and modes name SC codes like any rule; its severity and tier come from
    /// ShellCheck's level and the code (<see cref="Finding.Tier"/>), not from this descriptor.
    /// </summary>
    public static readonly DiagnosticDescriptor ShellCheck = new(
        "COPT2200",
        "shellcheck",
        "ShellCheck finding in a RUN script",
        "{0}: {1} ({2})",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Practice);

    /// <summary>COPT0016: ShellCheck was found but could not check the file (it failed, timed out or is too old).</summary>
    public static readonly DiagnosticDescriptor ShellCheckFailed = new(
        "COPT0016",
        "shellcheck-failed",
        "ShellCheck could not check the RUN scripts",
        "ShellCheck ('{0}') could not check the RUN scripts of this Dockerfile: {1}",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.Tool);
}
