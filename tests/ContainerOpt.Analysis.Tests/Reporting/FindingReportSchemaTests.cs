using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Schema;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Diagnostics;
using NJsonSchema;

namespace ContainerOpt.Analysis.Tests.Reporting;

/// <summary>
/// Every format read as its consumer reads it: against the consumer's schema (SARIF 2.1.0, GitLab's Code Quality issue,
/// the Code Climate engine issue, SonarQube's generic import, Codacy's result line, Checkstyle's XML: Schemas/README.md
/// says where each comes from), or with the consumer's parsing rules (GitHub's workflow commands, GNU's message form). Each on
/// the fixed findings (paths with spaces, commas and colons; a message with a line break and '%') and on a real analysis.
/// </summary>
[TestClass]
public sealed class FindingReportSchemaTests
{
    public static IEnumerable<object[]> Inputs() => new[] { new object[] { "fixed" }, new object[] { "analysed" }, new object[] { "analysed with fixes" } };

    private static IReadOnlyList<FileFindings> Input(string which) => which switch
    {
        "fixed" => ReportSamples.Files(),
        "analysed with fixes" => ReportSamples.AnalysedWithFixes(),
        _ => ReportSamples.Analysed(),
    };

    [TestMethod]
    public void Sarif_carries_a_findings_fix_as_replacements_of_regions()
    {
        var files = ReportSamples.AnalysedWithFixes("Dockerfile", "FROM alpine:3.20\nMAINTAINER me@example.com\n", AnalysisMode.Recommended);
        var results = JsonDocument.Parse(ReportSamples.Write(FindingReportFormats.Sarif, files)).RootElement.GetProperty("runs")[0].GetProperty("results");
        var maintainer = results.EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "COPT1107");
        var fix = maintainer.GetProperty("fixes").EnumerateArray().Single();
        Assert.AreEqual("Replace MAINTAINER with the authors label", fix.GetProperty("description").GetProperty("text").GetString());
        var change = fix.GetProperty("artifactChanges").EnumerateArray().Single();
        Assert.AreEqual("Dockerfile", change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        var replacement = change.GetProperty("replacements").EnumerateArray().Single();
        var region = replacement.GetProperty("deletedRegion");
        CollectionAssert.AreEqual(new[] { 2, 1, 2, 26 }, new[] { "startLine", "startColumn", "endLine", "endColumn" }.Select(n => region.GetProperty(n).GetInt32()).ToArray());
        Assert.AreEqual("LABEL org.opencontainers.image.authors=\"me@example.com\"", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        // Without the fix engine (another format asked), no result has fixes.
        var plain = JsonDocument.Parse(ReportSamples.Write(FindingReportFormats.Sarif, ReportSamples.Analysed("Dockerfile", "FROM alpine:3.20\nMAINTAINER me@example.com\n", AnalysisMode.Recommended)));
        Assert.IsFalse(plain.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Any(r => r.TryGetProperty("fixes", out _)));
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public async Task Sarif_is_valid_SARIF_2_1_0(string which)
    {
        string sarif = ReportSamples.Write(FindingReportFormats.Sarif, Input(which));
        var schema = await Schema("sarif-schema-2.1.0.json");
        var errors = schema.Validate(sarif);
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors.Select(e => e.ToString())));
    }

    [TestMethod]
    public async Task Sarif_schema_rejects_what_it_should()
    {
        // The validator is really reading the schema: a result without a message, and a region at line 0, fail.
        var schema = await Schema("sarif-schema-2.1.0.json");
        Assert.AreNotEqual(0, schema.Validate("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"ruleId\":\"A\"}]}]}").Count);
        Assert.AreNotEqual(0, schema.Validate("{\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"x\"}},\"results\":[{\"message\":{\"text\":\"m\"},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":\"a\"},\"region\":{\"startLine\":0}}}]}]}]}").Count);
    }

    [TestMethod]
    public void Sarif_has_what_GitHub_code_scanning_uses()
    {
        var run = JsonDocument.Parse(ReportSamples.Write(FindingReportFormats.Sarif, ReportSamples.Analysed())).RootElement.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.AreEqual("ContainerOpt", driver.GetProperty("name").GetString());
        Assert.AreEqual("1.2.3-beta.4", driver.GetProperty("version").GetString());
        Assert.AreEqual("1.2.3-beta.4", driver.GetProperty("semanticVersion").GetString());
        Assert.AreEqual("https://github.com/containeropt/containeropt", driver.GetProperty("informationUri").GetString());
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        Assert.IsTrue(rules.Count >= 4);
        foreach (var rule in rules)
        {
            string id = rule.GetProperty("id").GetString()!;
            var descriptor = DiagnosticCatalog.ForCode(id)!;
            Assert.AreEqual(descriptor.Title, rule.GetProperty("shortDescription").GetProperty("text").GetString());
            Assert.AreEqual(RuleHelp.FullDescription(descriptor), rule.GetProperty("fullDescription").GetProperty("text").GetString());
            StringAssert.StartsWith(rule.GetProperty("help").GetProperty("markdown").GetString(), $"# {id} {descriptor.Name}\n");
            StringAssert.StartsWith(rule.GetProperty("help").GetProperty("text").GetString(), $"{id} {descriptor.Name}\n");
            Assert.AreEqual(descriptor.HelpUri, rule.GetProperty("helpUri").GetString());
            Assert.AreEqual(descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : descriptor.DefaultSeverity == DiagnosticSeverity.Warning ? "warning" : "note",
                rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
            var tags = rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.AreEqual(descriptor.Category, tags[0]);
            bool security = rule.GetProperty("properties").TryGetProperty("security-severity", out var score);
            Assert.AreEqual(DiagnosticCatalog.IsSecurity(descriptor), security, id);
            Assert.AreEqual(security, tags.Contains("security"), id);
        }
        // The fixed Dockerfile's USER root is a security finding: COPT2002 with its score.
        var lastUserRoot = rules.Single(r => r.GetProperty("id").GetString() == "COPT2002");
        Assert.AreEqual("6.0", lastUserRoot.GetProperty("properties").GetProperty("security-severity").GetString());

        var invocation = run.GetProperty("invocations")[0];
        Assert.IsTrue(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.AreEqual("containeropt lint 'my dir, v2: x/Dockerfile'", invocation.GetProperty("commandLine").GetString());
        Assert.IsFalse(invocation.TryGetProperty("startTimeUtc", out _), "no times: the same findings give the same bytes");

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.AreEqual(ReportSamples.Analysed()[0].Findings.Count, results.Count);
        foreach (var result in results)
        {
            string fingerprint = result.GetProperty("partialFingerprints").GetProperty("containeropt/v1").GetString()!;
            Assert.IsTrue(Regex.IsMatch(fingerprint, "^[0-9a-f]{16}$"), fingerprint);
            Assert.AreEqual("src/api%20v2/Dockerfile", result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
            var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
            Assert.IsTrue(region.GetProperty("startColumn").GetInt32() >= 1);
            Assert.IsTrue(region.GetProperty("endColumn").GetInt32() > region.GetProperty("startColumn").GetInt32());
        }
        Assert.AreEqual(results.Count, results.Select(r => r.GetProperty("partialFingerprints").GetProperty("containeropt/v1").GetString()).Distinct().Count());
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public async Task GitLab_Code_Quality_issues_pass_GitLabs_schema_and_have_unique_fingerprints(string which)
    {
        var files = Input(which);
        string report = ReportSamples.Write(FindingReportFormats.GitLabCodeQuality, files);
        var schema = await Schema("gitlab-codeclimate.json");
        var issues = JsonDocument.Parse(report).RootElement.EnumerateArray().ToList();
        Assert.AreEqual(files.Sum(f => f.Findings.Count), issues.Count);
        foreach (var issue in issues)
        {
            var errors = schema.Validate(issue.GetRawText());
            Assert.AreEqual(0, errors.Count, issue.GetRawText() + "\n" + string.Join("\n", errors));
            // What the brief of GitLab's format names, each present and of GitLab's values.
            Assert.IsTrue(issue.GetProperty("check_name").GetString()!.StartsWith("COPT", StringComparison.Ordinal));
            CollectionAssert.Contains(new[] { "info", "minor", "major", "critical", "blocker" }, issue.GetProperty("severity").GetString());
            Assert.IsTrue(issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
            Assert.IsFalse(issue.GetProperty("description").GetString()!.Contains('\n'));
        }
        // GitLab keeps one issue per fingerprint: none may be lost.
        Assert.AreEqual(issues.Count, issues.Select(i => i.GetProperty("fingerprint").GetString()).Distinct().Count());
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public async Task Code_Climate_issues_are_NUL_terminated_and_pass_the_engine_specification(string which)
    {
        var files = Input(which);
        string report = ReportSamples.Write(FindingReportFormats.CodeClimate, files);
        Assert.IsTrue(report.EndsWith('\0'));
        var documents = report.Split('\0');
        Assert.AreEqual("", documents[^1]);
        Assert.AreEqual(files.Sum(f => f.Findings.Count), documents.Length - 1);
        var schema = await Schema("codeclimate-issue.json");
        foreach (var document in documents[..^1])
        {
            var errors = schema.Validate(document);
            Assert.AreEqual(0, errors.Count, document + "\n" + string.Join("\n", errors));
        }
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public async Task Codacy_lines_each_pass_Codacys_result_shape(string which)
    {
        var files = Input(which);
        string report = ReportSamples.Write(FindingReportFormats.Codacy, files);
        var lines = report.Split('\n');
        Assert.AreEqual("", lines[^1]);
        Assert.AreEqual(files.Sum(f => f.Findings.Count), lines.Length - 1);
        var schema = await Schema("codacy-result.json");
        foreach (var line in lines[..^1])
        {
            var errors = schema.Validate(line);
            Assert.AreEqual(0, errors.Count, line + "\n" + string.Join("\n", errors));
        }
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public async Task SonarQube_report_passes_the_generic_import_format_and_every_issue_has_its_rule(string which)
    {
        string report = ReportSamples.Write(FindingReportFormats.SonarQube, Input(which));
        var errors = (await Schema("sonarqube-generic-issues.json")).Validate(report);
        Assert.AreEqual(0, errors.Count, string.Join("\n", errors));
        var root = JsonDocument.Parse(report).RootElement;
        var rules = root.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToHashSet();
        foreach (var issue in root.GetProperty("issues").EnumerateArray())
        {
            Assert.IsTrue(rules.Contains(issue.GetProperty("ruleId").GetString()), issue.GetRawText());
        }
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public void Checkstyle_passes_the_checkstyle_schema_and_keeps_the_message(string which)
    {
        var files = Input(which);
        string report = ReportSamples.Write(FindingReportFormats.Checkstyle, files);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Reporting", "Schemas", "checkstyle.xsd"));
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        var problems = new List<string>();
        settings.ValidationEventHandler += (_, e) => problems.Add(e.Message);
        var document = new XmlDocument();
        using (var reader = XmlReader.Create(new StringReader(report), settings))
        {
            document.Load(reader);
        }
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        var errors = document.SelectNodes("/checkstyle/file/error")!.Cast<XmlElement>().ToList();
        var findings = files.SelectMany(f => f.Findings).ToList();
        Assert.AreEqual(findings.Count, errors.Count);
        for (int i = 0; i < errors.Count; i++)
        {
            // An XML reader gives back the message exactly, line break included.
            Assert.AreEqual(findings[i].Message, errors[i].GetAttribute("message"));
            Assert.AreEqual(findings[i].Code, errors[i].GetAttribute("source"));
        }
        CollectionAssert.AreEqual(files.Select(f => f.Path).ToArray(), document.SelectNodes("/checkstyle/file")!.Cast<XmlElement>().Select(e => e.GetAttribute("name")).ToArray());
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public void GitHub_commands_read_back_as_the_runner_reads_them(string which)
    {
        var files = Input(which);
        var lines = ReportSamples.Write(FindingReportFormats.GitHub, files).Split('\n');
        Assert.AreEqual("", lines[^1]);
        var findings = files.SelectMany(f => f.Findings.Select(finding => (File: f.Path, Finding: finding))).ToList();
        Assert.AreEqual(findings.Count, lines.Length - 1);
        for (int i = 0; i < findings.Count; i++)
        {
            var (file, f) = findings[i];
            var command = RunnerCommand.Parse(lines[i]);
            Assert.IsNotNull(command, lines[i]);
            Assert.AreEqual(f.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "notice" }, command.Name);
            Assert.AreEqual(f.Message, command.Data);
            Assert.AreEqual(file.Replace('\\', '/'), command.Properties["file"]);
            Assert.AreEqual(f.Code + " " + f.Descriptor.Name, command.Properties["title"]);
            if (f.Location.Start.Line >= 1)
            {
                Assert.AreEqual(f.Location.Start.Line.ToString(), command.Properties["line"]);
                Assert.AreEqual(f.Location.End.Line.ToString(), command.Properties["endLine"]);
                bool oneLine = f.Location.Start.Line == f.Location.End.Line;
                // GitHub takes columns only for a span on one line.
                Assert.AreEqual(oneLine, command.Properties.ContainsKey("col"), lines[i]);
                if (oneLine)
                {
                    Assert.AreEqual(f.Location.Start.Column.ToString(), command.Properties["col"]);
                    Assert.AreEqual(f.Location.End.Column.ToString(), command.Properties["endColumn"]);
                }
            }
            else
            {
                Assert.IsFalse(command.Properties.ContainsKey("line"));
            }
        }
    }

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public void Gnu_lines_have_the_GNU_form_program_file_line_column_message(string which)
    {
        var files = Input(which);
        var lines = ReportSamples.Write(FindingReportFormats.Gnu, files).Split('\n');
        var findings = files.SelectMany(f => f.Findings.Select(finding => (File: f.Path, Finding: finding))).ToList();
        Assert.AreEqual(findings.Count, lines.Length - 1);
        // GNU Coding Standards, "Formatting Error Messages": program:sourcefile:lineno:column: message, one line each.
        var form = new Regex(@"^containeropt:(?<file>[^\n]+?)(:(?<line>\d+):(?<column>\d+))?: (?<code>COPT\d{4}) (?<severity>error|warning|info|style): (?<message>[^\n]*)$");
        for (int i = 0; i < findings.Count; i++)
        {
            var match = form.Match(lines[i]);
            Assert.IsTrue(match.Success, lines[i]);
            var (file, f) = findings[i];
            Assert.AreEqual(file, match.Groups["file"].Value);
            Assert.AreEqual(f.Code, match.Groups["code"].Value);
            Assert.AreEqual(f.Location.Start.Line >= 1, match.Groups["line"].Success);
            if (f.Location.Start.Line >= 1)
            {
                Assert.AreEqual(f.Location.Start.Line.ToString(), match.Groups["line"].Value);
                Assert.AreEqual(f.Location.Start.Column.ToString(), match.Groups["column"].Value);
            }
            Assert.AreEqual(f.Message.Replace('\n', ' '), match.Groups["message"].Value);
        }
    }

    private static async Task<JsonSchema> Schema(string name) =>
        await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Reporting", "Schemas", name));

    /// <summary>
    /// A workflow command read as the GitHub Actions runner reads one (actions/runner, ActionCommand.TryParseV2): "::", the
    /// command's name up to a space, properties split on ',' then on the first '=', each value unescaped (%0D %0A %3A %2C,
    /// then %25), "::", the data unescaped (%0D %0A, then %25). Written here after the runner's rules.
    /// </summary>
    private sealed record RunnerCommand(string Name, Dictionary<string, string> Properties, string Data)
    {
        public static RunnerCommand? Parse(string line)
        {
            string message = line.TrimStart();
            if (!message.StartsWith("::", StringComparison.Ordinal)) return null;
            int end = message.IndexOf("::", 2, StringComparison.Ordinal);
            if (end < 0) return null;
            string info = message.Substring(2, end - 2);
            int space = info.IndexOf(' ');
            string name = space < 0 ? info : info.Substring(0, space);
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (space > 0)
            {
                foreach (var property in info.Substring(space + 1).Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var pair = property.Split('=', 2, StringSplitOptions.RemoveEmptyEntries);
                    if (pair.Length == 2)
                    {
                        properties[pair[0]] = pair[1].Replace("%0D", "\r").Replace("%0A", "\n").Replace("%3A", ":").Replace("%2C", ",").Replace("%25", "%");
                    }
                }
            }
            string data = message.Substring(end + 2).Replace("%0D", "\r").Replace("%0A", "\n").Replace("%25", "%");
            return new RunnerCommand(name, properties, data);
        }
    }
}
