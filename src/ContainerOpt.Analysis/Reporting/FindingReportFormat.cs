namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// One output format of findings (<c>containeropt lint --format NAME</c>; MSBuild's <c>ContainerOptErrorLog</c> is the SARIF one).
/// Writers stream to the writer they are given, print the files in the order given and the findings in their order, and
/// depend on nothing else: the same findings and options give the same bytes.
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

    public abstract void Write(TextWriter output, IReadOnlyList<FileFindings> files, ReportOptions options);

    public override string ToString() => Name;
}
