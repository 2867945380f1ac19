using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Configuration;

[TestClass]
public sealed class ContainerOptConfigReaderTests
{
    private static (AnalysisOptions Options, IReadOnlyList<Finding> Problems) Read(string text, string fileName = "/repo/containeropt.yaml")
    {
        var options = new AnalysisOptions();
        var problems = ContainerOptConfigReader.Read(text, fileName, options);
        return (options, problems);
    }

    [TestMethod]
    public void Every_key_is_read_from_yaml()
    {
        var (options, problems) = Read("""
            rules:
              COPT2008: error
              DL3051: none
              apt-get-pin-versions: info
              StageNameCasing: false
              COPT2050: true
            enableAllRules: true
            trustedRegistries: [mcr.microsoft.com, docker.io]
            labelSchema:
              org.opencontainers.image.version: semver
              maintainer: email
            strictLabels: true
            disableIgnorePragma: true
            buildArgs:
              DOTNET_VERSION: "8.0"
              EMPTY:
            """);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        Assert.AreEqual(DiagnosticSeverity.Error, options.Severities["COPT2008"]);
        Assert.AreEqual(DiagnosticSeverity.None, options.Severities["DL3051"]);
        Assert.AreEqual(DiagnosticSeverity.Info, options.Severities["apt-get-pin-versions"]);
        Assert.AreEqual(DiagnosticSeverity.None, options.Severities["StageNameCasing"]);
        Assert.AreEqual(DiagnosticSeverity.Info, options.Severities["COPT2050"], "true: on at the rule's default severity");
        Assert.IsTrue(options.EnableAllRules);
        CollectionAssert.AreEqual(new[] { "mcr.microsoft.com", "docker.io" }, options.TrustedRegistries.ToArray());
        Assert.AreEqual("semver", options.LabelSchema["org.opencontainers.image.version"]);
        Assert.IsTrue(options.StrictLabels);
        Assert.IsTrue(options.DisableIgnorePragma);
        Assert.AreEqual("8.0", options.BuildArgs["DOTNET_VERSION"]);
        Assert.AreEqual("", options.BuildArgs["EMPTY"]);
    }

    [TestMethod]
    public void Json_reads_the_same()
    {
        var (options, problems) = Read("{\n\t\"rules\": { \"COPT2008\": \"error\", \"DL3051\": \"none\" },\n\t\"enableAllRules\": false,\n\t\"labelSchema\": { \"license\": \"spdx\" },\n\t\"buildArgs\": { \"V\": \"1\" }\n}\n", "containeropt.json");
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        Assert.AreEqual(DiagnosticSeverity.Error, options.Severities["COPT2008"]);
        Assert.AreEqual(DiagnosticSeverity.None, options.Severities["DL3051"]);
        Assert.AreEqual("spdx", options.LabelSchema["license"]);
        Assert.AreEqual("1", options.BuildArgs["V"]);
    }

    [TestMethod]
    public void An_unknown_severity_is_an_error_at_the_value()
    {
        var (options, problems) = Read("rules:\n  COPT2008: eror\n");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual(DiagnosticSeverity.Error, problems[0].Severity);
        Assert.AreEqual("(2,13,2,17)", problems[0].Location.ToString());
        Assert.AreEqual("Invalid configuration in '/repo/containeropt.yaml': unknown severity 'eror' for rule 'COPT2008'; use error, warning, info, style or none. Did you mean 'error'?", problems[0].Message);
        Assert.AreEqual(0, options.Severities.Count);
    }

    [TestMethod]
    public void An_unknown_rule_key_warns_at_the_key_with_the_nearest_name()
    {
        var (options, problems) = Read("rules:\n  apt-get-pin-version: error\n");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual(DiagnosticSeverity.Warning, problems[0].Severity);
        Assert.AreEqual("(2,3,2,22)", problems[0].Location.ToString());
        StringAssert.Contains(problems[0].Message, "no rule is named 'apt-get-pin-version'; the setting has no effect. Did you mean 'apt-get-pin-versions'?");
        Assert.AreEqual(DiagnosticSeverity.Error, options.Severities["apt-get-pin-version"]);
    }

    [TestMethod]
    public void An_unknown_key_warns_with_the_nearest_key()
    {
        var (options, problems) = Read("enableAllRule: true\nstrict-labels: true\n");
        Assert.AreEqual(2, problems.Count);
        Assert.IsTrue(problems.All(p => p.Severity == DiagnosticSeverity.Warning));
        StringAssert.Contains(problems[0].Message, "unknown setting 'enableAllRule'; it is ignored. Did you mean 'enableAllRules'?");
        StringAssert.Contains(problems[1].Message, "Did you mean 'strictLabels'?");
        Assert.IsFalse(options.EnableAllRules);
    }

    [TestMethod]
    public void Wrong_types_are_errors()
    {
        var (_, problems) = Read("rules: [COPT2008]\nenableAllRules: 1\nbuildArgs: [A=1]\nlabelSchema:\n  a: [text]\ntrustedRegistries: {a: b}\n");
        Assert.AreEqual(5, problems.Count, string.Join("\n", problems));
        Assert.IsTrue(problems.All(p => p.Severity == DiagnosticSeverity.Error));
        StringAssert.Contains(problems[0].Message, "'rules' must be a mapping of rule keys to severities");
        StringAssert.Contains(problems[1].Message, "'enableAllRules' must be true or false, not '1'.");
        StringAssert.Contains(problems[2].Message, "'buildArgs' must be a mapping");
        StringAssert.Contains(problems[3].Message, "'labelSchema.a' must be a label type, not a list.");
        StringAssert.Contains(problems[4].Message, "'trustedRegistries' must be a list of registry names, not a mapping.");
    }

    [TestMethod]
    public void A_rule_severity_that_is_a_list_is_an_error_and_a_bad_build_arg_name_too()
    {
        var (options, problems) = Read("rules:\n  COPT2008: [error]\nbuildArgs:\n  \"A B\": x\n  OK: [1]\n");
        Assert.AreEqual(3, problems.Count, string.Join("\n", problems));
        StringAssert.Contains(problems[0].Message, "'rules.COPT2008' must be a severity (error, warning, info, none), not a list.");
        StringAssert.Contains(problems[1].Message, "'A B' is not a build argument name.");
        StringAssert.Contains(problems[2].Message, "'buildArgs.OK' must be a text value, not a list.");
        Assert.AreEqual(0, options.BuildArgs.Count);
    }

    [TestMethod]
    public void Broken_json_is_an_error_not_a_crash()
    {
        var (_, problems) = Read("{ \"rules\": { \"COPT2008\": \"error\" }", "containeropt.json");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual("containeropt.json", problems[0].FilePath);
        StringAssert.Contains(problems[0].Message, "not valid YAML");
    }

    [TestMethod]
    public void Readers_add_to_options_already_set()
    {
        var options = new AnalysisOptions();
        HadolintConfigReader.Read("ignored: [DL3008]\nlabel-schema: {a: text}\n", ".hadolint.yaml", options);
        ContainerOptConfigReader.Read("rules: {COPT1100: error}\nlabelSchema: {b: url}\n", "containeropt.yaml", options);
        Assert.IsTrue(options.Ignored.Contains("DL3008"));
        Assert.AreEqual(DiagnosticSeverity.Error, options.Severities["COPT1100"]);
        CollectionAssert.AreEquivalent(new[] { "a", "b" }, options.LabelSchema.Keys.ToArray());
    }
}
