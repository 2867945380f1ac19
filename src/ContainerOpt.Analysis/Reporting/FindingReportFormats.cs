namespace ContainerOpt.Analysis.Reporting;

/// <summary>Every finding report format by name: the one list the CLI's <c>--format</c> is checked against.</summary>
public static class FindingReportFormats
{
    public static readonly FindingReportFormat Tty = new TtyReport();
    public static readonly FindingReportFormat MSBuild = new MSBuildReport();
    public static readonly FindingReportFormat Json = new JsonReport();
    public static readonly FindingReportFormat Checkstyle = new CheckstyleReport();
    public static readonly FindingReportFormat CodeClimate = new CodeClimateReport();
    public static readonly FindingReportFormat GitLabCodeQuality = new GitLabCodeQualityReport();
    public static readonly FindingReportFormat Gnu = new GnuReport();
    public static readonly FindingReportFormat Codacy = new CodacyReport();
    public static readonly FindingReportFormat SonarQube = new SonarQubeReport();
    public static readonly FindingReportFormat Sarif = new SarifReport();
    public static readonly FindingReportFormat GitHub = new GitHubReport();

    /// <summary>Every format, in the order the usage lists them.</summary>
    public static IReadOnlyList<FindingReportFormat> All { get; } = new[]
    {
        Tty, MSBuild, Json, Checkstyle, CodeClimate, GitLabCodeQuality, Gnu, Codacy, SonarQube, Sarif, GitHub,
    };

    /// <summary>The format a name or alias stands for (case-insensitive), or null.</summary>
    public static FindingReportFormat? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)
            || f.Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>Without <c>--format</c>: <c>tty</c> on a terminal, else <c>msbuild</c> (what CI logs and editors parse).</summary>
    public static FindingReportFormat Default(bool outputIsTerminal) => outputIsTerminal ? Tty : MSBuild;

    /// <summary>Every accepted name, aliases included, for a usage error: <c>tty, msbuild, text, json, …</c>.</summary>
    public static string Names => string.Join(", ", All.SelectMany(f => new[] { f.Name }.Concat(f.Aliases)));
}
