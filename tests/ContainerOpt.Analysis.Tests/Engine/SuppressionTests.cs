using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

[TestClass]
public sealed class SuppressionTests
{
    private const string TwoRuns = "FROM debian:12\nRUN apt-get install -y curl\nRUN apt-get install -y wget\n";

    [TestMethod]
    public void Without_pragmas_every_finding_is_reported() =>
        CollectionAssert.AreEqual(new[] { "COPT2008@2", "COPT2008@3" }, EngineRun.Codes(EngineRun.Analyze(TwoRuns)));

    [TestMethod]
    public void Hadolint_ignore_applies_to_the_next_instruction_only() =>
        CollectionAssert.AreEqual(new[] { "COPT2008@4" }, EngineRun.Codes(EngineRun.Analyze(
            "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\nRUN apt-get install -y wget\n")));

    [TestMethod]
    public void An_ignore_covers_every_line_of_a_continued_instruction() =>
        CollectionAssert.AreEqual(new[] { "COPT2008@6" }, EngineRun.Codes(EngineRun.Analyze(
            "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get update \\\n && apt-get install -y \\\n    curl\nRUN apt-get install -y wget\n")));

    [TestMethod]
    public void Containeropt_ignore_takes_codes_and_names_for_the_next_instruction() =>
        CollectionAssert.AreEqual(new[] { "COPT2008@3", "COPT1100@4", "COPT2008@5" }, EngineRun.Codes(EngineRun.Analyze(
            "# containeropt ignore=COPT2008,stage-name-casing\nFROM debian:12 AS Build\nRUN apt-get install -y curl\nFROM debian:12 AS Final\nRUN apt-get install -y wget\n")));

    [TestMethod]
    public void A_pragma_may_list_rules_with_spaces_and_end_with_a_reason() =>
        CollectionAssert.AreEqual(new[] { "COPT2008@4" }, EngineRun.Codes(EngineRun.Analyze(
            "FROM debian:12\n# hadolint ignore=SC2086, DL3008 # pinned by the base image\nRUN apt-get install -y curl\nRUN apt-get install -y wget\n")));

    [TestMethod]
    public void A_pragma_for_another_rule_does_not_suppress() =>
        CollectionAssert.AreEqual(new[] { "COPT2008@3" }, EngineRun.Codes(EngineRun.Analyze(
            "FROM debian:12\n# hadolint ignore=DL3009\nRUN apt-get install -y curl\n")));

    [TestMethod]
    public void Global_ignore_applies_to_the_whole_file_wherever_it_stands()
    {
        CollectionAssert.AreEqual(Array.Empty<string>(), EngineRun.Codes(EngineRun.Analyze(
            "FROM debian:12\nRUN apt-get install -y curl\n# hadolint global ignore=DL3008\nRUN apt-get install -y wget\n")));
        CollectionAssert.AreEqual(new[] { "COPT2008@4" }, EngineRun.Codes(EngineRun.Analyze(
            "# containeropt global ignore=StageNameCasing\nFROM debian:12 AS Build\nFROM debian:12 AS Final\nRUN apt-get install -y wget\n")));
    }

    [TestMethod]
    public void Check_skip_suppresses_buildkit_checks_only()
    {
        var findings = EngineRun.Analyze("# check=skip=StageNameCasing,DL3008\nFROM debian:12 AS Build\nRUN apt-get install -y curl\n");
        CollectionAssert.AreEqual(new[] { "COPT2008@3" }, EngineRun.Codes(findings), "check=skip names BuildKit checks; DL3008 is none");
        CollectionAssert.AreEqual(new[] { "COPT2008@3" }, EngineRun.Codes(EngineRun.Analyze("# check=skip=all\nFROM debian:12 AS Build\nRUN apt-get install -y curl\n")));
    }

    [TestMethod]
    public void Check_error_true_makes_buildkit_check_warnings_errors()
    {
        var findings = EngineRun.Analyze("# check=error=true\nFROM debian:12 AS Build\nRUN apt-get install -y curl\n");
        Assert.AreEqual(DiagnosticSeverity.Error, findings.Single(f => f.Code == "COPT1100").Severity);
        // Not a BuildKit check: untouched by check=error (and a suggestion in the recommended mode).
        Assert.AreEqual(DiagnosticSeverity.Style, findings.Single(f => f.Code == "COPT2008").Severity);
    }

    [TestMethod]
    public void Check_error_true_makes_the_style_checks_a_mode_keeps_as_suggestions_errors_too()
    {
        // BuildKit fails `docker build` on every check it reports under error=true: FromAsCasing, MaintainerDeprecated and
        // LegacyKeyValueFormat included, which the recommended and minimum modes keep as suggestions.
        const string file = "FROM debian:12 as build\nMAINTAINER me\nENV A 1\nCMD [\"true\"]\n";
        var analyzer = new DockerfileAnalyzer();
        IReadOnlyList<Finding> Analyze(string text, AnalysisOptions options) =>
            analyzer.Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = options }).Findings;
        foreach (var mode in new[] { AnalysisMode.Recommended, AnalysisMode.Minimum })
        {
            var options = new AnalysisOptions { Mode = mode };
            var before = Analyze(file, options);
            CollectionAssert.AreEqual(new[] { DiagnosticSeverity.Style, DiagnosticSeverity.Style, DiagnosticSeverity.Style },
                new[] { "COPT1101", "COPT1107", "COPT1112" }.Select(c => before.Single(f => f.Code == c).Severity).ToArray(), mode.ToString());
            var after = Analyze("# check=error=true\n" + file, options);
            CollectionAssert.AreEqual(new[] { "COPT1101@2:Error", "COPT1107@3:Error", "COPT1112@4:Error" },
                after.Where(f => f.Code is "COPT1101" or "COPT1107" or "COPT1112").Select(f => $"{f.Code}@{f.Location.Start.Line}:{f.Severity}").ToArray(), mode.ToString());
            // A check the file skips stays unreported.
            Assert.IsFalse(Analyze("# check=error=true;skip=MaintainerDeprecated\n" + file, options).Any(f => f.Code == "COPT1107"), mode.ToString());
        }
    }

    [TestMethod]
    public void Check_experimental_switches_on_an_off_by_default_rule()
    {
        const string file = "FROM debian:12\nWORKDIR /app\n";
        CollectionAssert.AreEqual(Array.Empty<string>(), EngineRun.Codes(EngineRun.Analyze(file)));
        CollectionAssert.AreEqual(new[] { "COPT9901@3" }, EngineRun.Codes(EngineRun.Analyze("# check=experimental=TestWorkdirCheck\n" + file)));
        CollectionAssert.AreEqual(new[] { "COPT9901@3" }, EngineRun.Codes(EngineRun.Analyze("# check=experimental=all\n" + file)));
    }

    [TestMethod]
    public void The_buildkit_check_build_arg_replaces_the_check_directive()
    {
        var options = new AnalysisOptions();
        options.BuildArgs["BUILDKIT_DOCKERFILE_CHECK"] = "skip=StageNameCasing";
        CollectionAssert.AreEqual(Array.Empty<string>(), EngineRun.Codes(EngineRun.Analyze("# check=error=true\nFROM debian:12 AS Build\n", options)));
    }

    [TestMethod]
    public void Disable_ignore_pragma_makes_ignore_comments_void_but_keeps_check_directives()
    {
        var options = new AnalysisOptions { DisableIgnorePragma = true };
        var findings = EngineRun.Analyze(
            "# check=skip=StageNameCasing\n# containeropt global ignore=COPT2008\nFROM debian:12 AS Build\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n", options);
        CollectionAssert.AreEqual(new[] { "COPT2008@5" }, EngineRun.Codes(findings));
    }
}
