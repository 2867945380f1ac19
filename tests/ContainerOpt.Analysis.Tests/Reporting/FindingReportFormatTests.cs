using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Analysis.Reporting;

namespace ContainerOpt.Analysis.Tests.Reporting;

/// <summary>
/// Every format's exact output on the fixed findings of <see cref="ReportSamples.Files"/> (Expected/sample.*): what a
/// change to a writer changes is seen in the diff of these files.
/// </summary>
[TestClass]
public sealed class FindingReportFormatTests
{
    [TestMethod]
    [DataRow("tty", "sample.tty.txt")]
    [DataRow("msbuild", "sample.msbuild.txt")]
    [DataRow("json", "sample.json")]
    [DataRow("checkstyle", "sample.checkstyle.xml")]
    [DataRow("codeclimate", "sample.codeclimate.txt")]
    [DataRow("gitlab_codeclimate", "sample.gitlab.json")]
    [DataRow("gnu", "sample.gnu.txt")]
    [DataRow("codacy", "sample.codacy.txt")]
    [DataRow("sonarqube", "sample.sonarqube.json")]
    [DataRow("sarif", "sample.sarif")]
    [DataRow("github", "sample.github.txt")]
    public void Each_format_writes_exactly_its_expected_output(string format, string expectedFile)
    {
        string actual = ReportSamples.Write(FindingReportFormats.Find(format)!, ReportSamples.Files());
        Assert.AreEqual(Expected(expectedFile), actual);
    }

    [TestMethod]
    public void Tty_in_colour_colours_the_severity_and_dims_the_code()
    {
        string actual = ReportSamples.Write(FindingReportFormats.Tty, ShowingStyle(ReportSamples.Files()), new ReportOptions { Color = true });
        Assert.AreEqual(Expected("sample.tty-color.txt"), actual);
    }

    [TestMethod]
    public void Tty_shows_control_characters_of_a_message_instead_of_sending_them_to_the_terminal()
    {
        var files = new[]
        {
            new FileFindings("Dockerfile", new[]
            {
                new Core.Diagnostics.Finding(Core.Diagnostics.DiagnosticCatalog.ForCode("COPT2006")!, Core.Diagnostics.DiagnosticSeverity.Warning,
                    "Image '\u001b[31mevil' has no tag.", "Dockerfile", ReportSamples.Span(1, 6, 1, 10), default),
            }),
        };
        Assert.AreEqual("Dockerfile\n  1:6  warning  COPT2006  Image '\\u001b[31mevil' has no tag. (DL3006)\n\n",
            ReportSamples.Write(FindingReportFormats.Tty, files, new ReportOptions()));
    }

    [TestMethod]
    public void The_same_findings_give_the_same_bytes()
    {
        foreach (var format in FindingReportFormats.All)
        {
            Assert.AreEqual(ReportSamples.Write(format, ReportSamples.Analysed()), ReportSamples.Write(format, ReportSamples.Analysed()), format.Name);
        }
    }

    [TestMethod]
    public void The_registry_has_hadolints_names_and_ours_each_once()
    {
        CollectionAssert.AreEqual(
            new[] { "tty", "msbuild", "json", "checkstyle", "codeclimate", "gitlab_codeclimate", "gnu", "codacy", "sonarqube", "sarif", "github" },
            FindingReportFormats.All.Select(f => f.Name).ToArray());
        Assert.AreEqual("tty, msbuild, text, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif, github", FindingReportFormats.Names);
        Assert.AreSame(FindingReportFormats.MSBuild, FindingReportFormats.Find("TEXT"));
        Assert.AreSame(FindingReportFormats.GitLabCodeQuality, FindingReportFormats.Find("gitlab_codeclimate"));
        Assert.IsNull(FindingReportFormats.Find("junit"));
        Assert.AreSame(FindingReportFormats.Tty, FindingReportFormats.Default(outputIsTerminal: true));
        Assert.AreSame(FindingReportFormats.MSBuild, FindingReportFormats.Default(outputIsTerminal: false));
    }

    [TestMethod]
    [DataRow("/home/me/my dir/Dockerfile", "file:///home/me/my%20dir/Dockerfile")]
    [DataRow(@"C:\src\My App\Dockerfile", "file:///C:/src/My%20App/Dockerfile")]
    [DataRow("my dir, v2: x/Dockerfile", "my%20dir,%20v2%3A%20x/Dockerfile")]
    [DataRow("./src/Dockerfile", "./src/Dockerfile")]
    [DataRow("a:b/Dockerfile", "a%3Ab/Dockerfile")]
    [DataRow("src/Dockerfile#1%", "src/Dockerfile%231%25")]
    [DataRow("src/Dökerfile", "src/D%C3%B6kerfile")]
    public void Sarif_uris_are_valid_uri_references_of_the_path(string path, string uri)
    {
        var files = new[]
        {
            new FileFindings(path, new[] { new Core.Diagnostics.Finding(Core.Diagnostics.DiagnosticCatalog.FileNotFound, Core.Diagnostics.DiagnosticSeverity.Error, "m", path, ReportSamples.Span(1, 1, 1, 2), default) }),
        };
        var sarif = System.Text.Json.JsonDocument.Parse(ReportSamples.Write(FindingReportFormats.Sarif, files)).RootElement;
        string written = sarif.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation")
            .GetProperty("artifactLocation").GetProperty("uri").GetString()!;
        Assert.AreEqual(uri, written);
        Assert.IsTrue(System.Uri.TryCreate(uri, UriKind.RelativeOrAbsolute, out _), uri);
    }

    internal static string Expected(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reporting", "Expected", name));
    [TestMethod]
    public void A_format_that_does_not_say_it_writes_fingerprints_writes_the_same_bytes_without_them()
    {
        // The CLI skips the fingerprints for such a format (DockerfileAnalyzer.Fingerprints): this pins that no format relies on them unannounced.
        const string path = "src/api v2/Dockerfile";
        var input = new AnalysisInput(SourceText.From(ReportSamples.RealDockerfile, path)) { Options = new AnalysisOptions { Mode = AnalysisMode.All } };
        var with = new[] { new FileFindings(path, new DockerfileAnalyzer().Analyze(input).Findings) };
        var without = new[] { new FileFindings(path, new DockerfileAnalyzer { Fingerprints = false }.Analyze(input).Findings) };
        Assert.IsTrue(with[0].Findings.Count >= 5 && with[0].Findings.All(f => f.Fingerprint is not null));
        Assert.IsTrue(without[0].Findings.All(f => f.Fingerprint is null));
        CollectionAssert.AreEqual(with[0].Findings.Select(f => f.ToCanonicalString() + f.Severity).ToArray(),
            without[0].Findings.Select(f => f.ToCanonicalString() + f.Severity).ToArray());
        var writers = FindingReportFormats.All.Where(f => f.WritesFingerprints).Select(f => f.Name).ToArray();
        CollectionAssert.AreEquivalent(new[] { "sarif", "codeclimate", "gitlab_codeclimate" }, writers);
        foreach (var format in FindingReportFormats.All)
        {
            var options = new ReportOptions { ToolVersion = "1.0.0" };
            string a = ReportSamples.Write(format, ShowingStyle(with), options), b = ReportSamples.Write(format, ShowingStyle(without), options);
            if (format.WritesFingerprints)
            {
                Assert.AreNotEqual(a, b, format.Name);
            }
            else
            {
                Assert.AreEqual(a, b, format.Name);
            }
        }
    }

    private static FileFindings[] ShowingStyle(IEnumerable<FileFindings> files) => files.Select(f => f with { ShowsStyle = true }).ToArray();
}
