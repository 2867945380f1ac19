namespace ContainerOpt.Analysis.Reporting;

/// <summary>What a report says beyond the findings: the tool's version, how it ran, and how a person sees it.</summary>
public sealed class ReportOptions
{
    /// <summary>ContainerOpt's version (SemVer 2.0): SARIF's <c>tool.driver.version</c> and <c>semanticVersion</c>.</summary>
    public string ToolVersion { get; init; } = "0.0.0";

    /// <summary>
    /// The command line as SARIF's <c>invocations[0].commandLine</c> records it; null leaves it out (MSBuild, whose command
    /// line is the build's, with whatever properties and secrets it was given). The caller decides what is safe to show.
    /// </summary>
    public string? CommandLine { get; init; }

    /// <summary>
    /// False when the run could not do all it was asked (an unreadable file, an invalid configuration): SARIF's
    /// <c>executionSuccessful</c>. Only the end of a run knows it: formats that read it read all files first
    /// (<see cref="FindingReportFormat.ReadsAllFilesFirst"/>).
    /// </summary>
    public bool ExecutionSuccessful { get; init; } = true;

    /// <summary>ANSI colours in the <c>tty</c> format (the CLI decides: a terminal, no NO_COLOR, no --no-color).</summary>
    public bool Color { get; init; }
}
