using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Reporting;

/// <summary>The findings every format is tested on.</summary>
internal static class ReportSamples
{
    public static readonly ReportOptions Options = new() { ToolVersion = "1.2.3-beta.4", CommandLine = "containeropt lint 'my dir, v2: x/Dockerfile'" };

    /// <summary>
    /// Fixed findings: one of each severity, in a folder whose name has a space, a comma and a colon; a message with a line
    /// break and '%' (what the line formats must escape); a span over two lines; a finding with an additional location; a
    /// security rule; a whole-file finding (line 0) in a configuration file; a file without findings. Two fingerprints are
    /// given, the others come from <see cref="FindingFingerprints.Of"/>.
    /// </summary>
    public static IReadOnlyList<FileFindings> Files()
    {
        const string dockerfile = "my dir, v2: x/Dockerfile";
        return new[]
        {
            new FileFindings(dockerfile, new[]
            {
                Make(DiagnosticCatalog.ForCode("COPT1100")!, DiagnosticSeverity.Warning, "Stage name 'Build' should be lowercase: name it 'build'.", dockerfile, Span(1, 21, 1, 26), fingerprint: "00000000000000aa"),
                Make(DiagnosticCatalog.ForCode("COPT2018")!, DiagnosticSeverity.Style, "Pin the version of 'curl' in apk add.", dockerfile, Span(2, 13, 2, 17)),
                Make(DiagnosticCatalog.ForCode("COPT2011")!, DiagnosticSeverity.Error, "EXPOSE '80000' is 100% out of range:\nUNIX ports range from 0 to 65535.", dockerfile, Span(3, 8, 3, 13), fingerprint: "00000000000000bb"),
                Make(DiagnosticCatalog.ForCode("COPT2002")!, DiagnosticSeverity.Warning, "The last USER of stage 'build' is 'root'.", dockerfile, Span(4, 6, 4, 10)),
                Make(DiagnosticCatalog.ForCode("COPT2001")!, DiagnosticSeverity.Info, "Remove 'top' from the RUN.", dockerfile, Span(5, 5, 5, 8)),
                Make(DiagnosticCatalog.ForCode("COPT3004")!, DiagnosticSeverity.Warning, "'apk add' leaves its cache in this layer; the same in the RUN on line 9.", dockerfile, Span(7, 5, 8, 15),
                    additional: new[] { Span(9, 5, 9, 8) }),
            }),
            new FileFindings("my dir, v2: x/.hadolint.yaml", new[]
            {
                Make(DiagnosticCatalog.InvalidConfiguration, DiagnosticSeverity.Warning, "Invalid configuration in 'my dir, v2: x/.hadolint.yaml': unknown setting 'foo'; it is ignored.", "my dir, v2: x/.hadolint.yaml", Span(0, 0, 0, 0)),
            }),
            new FileFindings("clean/Dockerfile", Array.Empty<Finding>()),
        };
    }

    /// <summary>A fixed Dockerfile analysed for real (recommended mode, no ShellCheck): findings of every severity but style, and a security rule.</summary>
    public const string RealDockerfile = "FROM alpine:3.20 AS Build\nRUN apk add curl\nEXPOSE 80000\nUSER root\nRUN top -b -n 1\nCOPY . /app\n";

    public static IReadOnlyList<FileFindings> Analysed(string path = "src/api v2/Dockerfile", string text = RealDockerfile, AnalysisMode mode = AnalysisMode.All)
    {
        var input = new AnalysisInput(SourceText.From(text, path)) { Options = new AnalysisOptions { Mode = mode } };
        return new[] { new FileFindings(path, new DockerfileAnalyzer().Analyze(input).Findings) };
    }

    /// <summary>As <see cref="Analysed"/>, each finding with its fix (what SARIF's fixes are written from).</summary>
    public static IReadOnlyList<FileFindings> AnalysedWithFixes(string path = "src/api v2/Dockerfile", string text = RealDockerfile, AnalysisMode mode = AnalysisMode.All)
    {
        var input = new AnalysisInput(SourceText.From(text, path)) { Options = new AnalysisOptions { Mode = mode } };
        return new[] { new FileFindings(path, new DockerfileAnalyzer().AnalyzeWithFixes(input).Findings) };
    }

    public static string Write(FindingReportFormat format, IReadOnlyList<FileFindings> files, ReportOptions? options = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        format.Write(output, files, options ?? Options);
        return output.ToString();
    }

    public static LinePositionSpan Span(int line, int column, int endLine, int endColumn) =>
        new(new LinePosition(line, column), new LinePosition(endLine, endColumn));

    private static Finding Make(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string message, string file, LinePositionSpan span,
        IReadOnlyList<LinePositionSpan>? additional = null, string? fingerprint = null) =>
        new(descriptor, severity, message, file, span, default, additionalLocations: additional, fingerprint: fingerprint);
}
