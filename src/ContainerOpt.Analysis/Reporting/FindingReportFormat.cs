namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// One output format of findings (<c>containeropt lint --format NAME</c>; MSBuild's <c>ContainerOptErrorLog</c> is the SARIF one).
/// Writers stream to the writer they are given, print the files in the order given and the findings in their order, and
/// depend on nothing else: the same findings and options give the same bytes. The files are enumerated once, and may be
/// produced while the report is written (the CLI hands each Dockerfile on as soon as it and those before it are linted,
/// so a file's findings need not live until the end of the run); a format that needs them all before its first byte says
/// so (<see cref="ReadsAllFilesFirst"/>).
/// </summary>
public abstract class FindingReportFormat
{
    /// <summary>The name <c>--format</c> takes (hadolint's, where hadolint has the format).</summary>
    public abstract string Name { get; }

    /// <summary>Other names <c>--format</c> accepts for it.</summary>
    public virtual IReadOnlyList<string> Aliases => Array.Empty<string>();

    /// <summary>What the format is for, in a few words (the CLI's usage lists them).</summary>
    public abstract string Description { get; }

    /// <summary>True for the formats a person reads (the CLI prints the run's summary line after them, on standard error).</summary>
    public virtual bool IsForPeople => false;

    /// <summary>
    /// True for the formats that write each finding's fingerprint (<see cref="Finding.Fingerprint"/>): the analysis need
    /// not compute them for the others (<see cref="Engine.DockerfileAnalyzer.Fingerprints"/>).
    /// </summary>
    public virtual bool WritesFingerprints => false;

    /// <summary>
    /// True for the formats that need every file before they write (SARIF's and SonarQube's rule tables come first, and
    /// SARIF says whether the run succeeded): the CLI gives them the whole run, and options that only the end of the run
    /// knows (<see cref="ReportOptions.ExecutionSuccessful"/>).
    /// </summary>
    public virtual bool ReadsAllFilesFirst => false;

    public abstract void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options);

    public override string ToString() => Name;
}
