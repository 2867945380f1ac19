using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Engine;

[TestClass]
public sealed class OptionsTests
{
    private const string File = "FROM debian:12 AS Build\nRUN apt-get install -y curl\nWORKDIR /app\n";

    [TestMethod]
    public void Ignored_takes_codes_names_and_equivalents()
    {
        foreach (var key in new[] { "COPT2008", "apt-get-pin-versions", "DL3008", "dl3008" })
        {
            var options = new AnalysisOptions();
            options.Ignored.Add(key);
            CollectionAssert.AreEqual(new[] { "COPT1100@1" }, EngineRun.Codes(EngineRun.Analyze(File, options)), key);
        }
    }

    [TestMethod]
    public void Severities_change_a_rule_or_switch_it_off()
    {
        var options = new AnalysisOptions();
        options.Severities["DL3008"] = DiagnosticSeverity.Error;
        options.Severities["StageNameCasing"] = DiagnosticSeverity.None;
        var findings = EngineRun.Analyze(File, options);
        CollectionAssert.AreEqual(new[] { "COPT2008@2" }, EngineRun.Codes(findings));
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void A_severity_override_switches_on_an_off_by_default_rule()
    {
        foreach (var key in new[] { "test-workdir", "COPT9901", "TestWorkdirCheck" })
        {
            var options = new AnalysisOptions();
            options.Severities[key] = DiagnosticSeverity.Info;
            var findings = EngineRun.Analyze(File, options);
            CollectionAssert.AreEqual(new[] { "COPT1100@1", "COPT2008@2", "COPT9901@3" }, EngineRun.Codes(findings), key);
            Assert.AreEqual(DiagnosticSeverity.Info, findings[2].Severity);
        }
    }

    [TestMethod]
    public void A_none_severity_does_not_switch_on_an_off_by_default_rule()
    {
        var options = new AnalysisOptions { EnableAllRules = true };
        options.Severities["COPT9901"] = DiagnosticSeverity.None;
        CollectionAssert.AreEqual(new[] { "COPT1100@1", "COPT2008@2" }, EngineRun.Codes(EngineRun.Analyze(File, options)));
    }

    [TestMethod]
    public void Enable_all_rules_switches_on_off_by_default_rules()
    {
        var options = new AnalysisOptions { EnableAllRules = true };
        CollectionAssert.AreEqual(new[] { "COPT1100@1", "COPT2008@2", "COPT9901@3" }, EngineRun.Codes(EngineRun.Analyze(File, options)));
    }

    [TestMethod]
    public void A_hadolint_file_drives_the_analysis()
    {
        var options = new AnalysisOptions();
        var problems = HadolintConfigReader.Read("ignored: [StageNameCasing]\noverride:\n  error: [DL3008]\n", ".hadolint.yaml", options);
        Assert.AreEqual(0, problems.Count);
        var findings = EngineRun.Analyze(File, options);
        CollectionAssert.AreEqual(new[] { "COPT2008@2" }, EngineRun.Codes(findings));
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void A_containeropt_file_drives_the_analysis()
    {
        var options = new AnalysisOptions();
        var problems = ContainerOptConfigReader.Read("rules:\n  COPT2008: info\n  stage-name-casing: none\n", "containeropt.yaml", options);
        Assert.AreEqual(0, problems.Count);
        var findings = EngineRun.Analyze(File, options);
        CollectionAssert.AreEqual(new[] { "COPT2008@2" }, EngineRun.Codes(findings));
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
    }

    [TestMethod]
    public void Hadolint_disable_ignore_pragma_from_the_file_reaches_the_engine()
    {
        var options = new AnalysisOptions();
        HadolintConfigReader.Read("disable-ignore-pragma: true\n", ".hadolint.yaml", options);
        CollectionAssert.AreEqual(new[] { "COPT2008@3" }, EngineRun.Codes(EngineRun.Analyze(
            "FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n", options)));
    }
}
