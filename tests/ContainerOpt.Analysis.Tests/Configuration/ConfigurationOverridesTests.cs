using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Configuration;

/// <summary>
/// The command line's settings over the configuration files' (hadolint's merge): lists add, single values replace, a
/// severity given on the command line wins whatever name the files gave the rule.
/// </summary>
[TestClass]
public sealed class ConfigurationOverridesTests
{
    private static AnalysisOptions FromHadolintFile(string yaml)
    {
        var options = new AnalysisOptions();
        Assert.AreEqual(0, HadolintConfigReader.Read(yaml, "/repo/.hadolint.yaml", options).Count);
        return options;
    }

    [TestMethod]
    public void Lists_add_and_single_values_replace()
    {
        var options = FromHadolintFile("""
            ignored: [DL3008]
            trustedRegistries: [docker.io]
            label-schema: { maintainer: text, version: text }
            strict-labels: false
            failure-threshold: warning
            no-fail: false
            """);
        var overrides = new ConfigurationOverrides
        {
            StrictLabels = true,
            NoFail = true,
            DisableIgnorePragma = true,
            FailureThreshold = DiagnosticSeverity.Error,
        };
        overrides.Ignored.Add("COPT2006");
        overrides.TrustedRegistries.Add("DOCKER.IO");
        overrides.TrustedRegistries.Add("mcr.microsoft.com");
        overrides.LabelSchema.Add(new("version", "semver"));
        overrides.LabelSchema.Add(new("license", "spdx"));
        overrides.ApplyTo(options);

        CollectionAssert.AreEquivalent(new[] { "DL3008", "COPT2006" }, options.Ignored.ToList());
        CollectionAssert.AreEqual(new[] { "docker.io", "mcr.microsoft.com" }, options.TrustedRegistries.ToList(), "the same registry in another case is not added twice");
        CollectionAssert.AreEquivalent(new Dictionary<string, string> { ["maintainer"] = "text", ["version"] = "semver", ["license"] = "spdx" }.ToList(), options.LabelSchema.ToList());
        Assert.IsTrue(options.StrictLabels);
        Assert.IsTrue(options.NoFail);
        Assert.IsTrue(options.DisableIgnorePragma);
        Assert.AreEqual(DiagnosticSeverity.Error, options.FailureThreshold);
    }

    [TestMethod]
    public void Unset_values_leave_the_files_alone()
    {
        var options = FromHadolintFile("strict-labels: true\nfailure-threshold: info\nno-fail: true\ndisable-ignore-pragma: true\n");
        new ConfigurationOverrides().ApplyTo(options);
        Assert.IsTrue(options.StrictLabels);
        Assert.IsTrue(options.NoFail);
        Assert.IsTrue(options.DisableIgnorePragma);
        Assert.AreEqual(DiagnosticSeverity.Info, options.FailureThreshold);
    }

    [TestMethod]
    public void A_severity_on_the_command_line_wins_under_any_name_and_the_last_one_given_wins()
    {
        var source = SourceText.From("FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n", "/repo/Dockerfile");
        DiagnosticSeverity PinSeverity(AnalysisOptions options) =>
            new DockerfileAnalyzer().Analyze(new AnalysisInput(source) { Options = options }).Findings.Single(f => f.Code == "COPT2008").Severity;

        // The file names the rule twice (DL3008, then its short name): its last word is error.
        var fromFile = FromHadolintFile("override:\n  info: [DL3008]\n  error: [apt-get-pin-versions]\n");
        Assert.AreEqual(DiagnosticSeverity.Error, PinSeverity(fromFile));

        var overrides = new ConfigurationOverrides();
        overrides.Severities.Add(new("DL3008", DiagnosticSeverity.Info));
        overrides.Severities.Add(new("COPT2008", DiagnosticSeverity.Warning));
        overrides.ApplyTo(fromFile);
        Assert.AreEqual(DiagnosticSeverity.Warning, PinSeverity(fromFile), "the command line's last word");
        CollectionAssert.AreEqual(new[] { "apt-get-pin-versions", "DL3008", "COPT2008" }, fromFile.Severities.Keys.ToList());

        var again = new ConfigurationOverrides();
        again.Severities.Add(new("apt-get-pin-versions", DiagnosticSeverity.Style));
        again.Severities.Add(new("DL3008", DiagnosticSeverity.Error));
        again.Severities.Add(new("apt-get-pin-versions", DiagnosticSeverity.Info));
        again.ApplyTo(fromFile);
        Assert.AreEqual(DiagnosticSeverity.Info, PinSeverity(fromFile), "a key given twice keeps its last place");
    }

    [TestMethod]
    public void An_ignored_rule_stays_ignored_whatever_severity_is_given()
    {
        var source = SourceText.From("FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n", "/repo/Dockerfile");
        var options = FromHadolintFile("ignored: [DL3008]\n");
        var overrides = new ConfigurationOverrides();
        overrides.Severities.Add(new("DL3008", DiagnosticSeverity.Error));
        overrides.ApplyTo(options);
        Assert.IsFalse(new DockerfileAnalyzer().Analyze(new AnalysisInput(source) { Options = options }).Findings.Any(f => f.Code == "COPT2008"));
    }

    [TestMethod]
    [DataRow("maintainer:text", "maintainer", "text", null)]
    [DataRow("org.opencontainers.image.source:URL", "org.opencontainers.image.source", "url", null)]
    [DataRow("maintainer", "maintainer", "text", null)]
    [DataRow("maintainer:", "maintainer", "text", null)]
    [DataRow("version:semvar", null, null, "unknown label format 'semvar' in 'version:semvar'; use one of text, url, rfc3339, spdx, hash, semver, email. Did you mean 'semver'?")]
    [DataRow(":url", null, null, "':url' names no label; use LABEL:FORMAT, as maintainer:text.")]
    public void Label_requirements_read_as_hadolint_reads_them(string text, string? label, string? type, string? problem)
    {
        bool ok = ConfigurationOverrides.TryParseLabelRequirement(text, out var parsedLabel, out var parsedType, out var parsedProblem);
        Assert.AreEqual(problem is null, ok);
        Assert.AreEqual(problem, parsedProblem);
        if (ok)
        {
            Assert.AreEqual(label, parsedLabel);
            Assert.AreEqual(type, parsedType);
        }
    }

    [TestMethod]
    [DataRow("error", DiagnosticSeverity.Error)]
    [DataRow("Warning", DiagnosticSeverity.Warning)]
    [DataRow("info", DiagnosticSeverity.Info)]
    [DataRow("style", DiagnosticSeverity.Style)]
    [DataRow("ignore", DiagnosticSeverity.None)]
    [DataRow(" none ", DiagnosticSeverity.None)]
    public void Failure_thresholds_read_as_hadolint_reads_them(string text, DiagnosticSeverity expected)
    {
        Assert.IsTrue(HadolintConfigReader.TryParseFailureThreshold(text, out var threshold));
        Assert.AreEqual(expected, threshold);
        Assert.IsFalse(HadolintConfigReader.TryParseFailureThreshold("warn", out _));
    }

    [TestMethod]
    public void Rule_keys_are_any_of_a_rules_names()
    {
        foreach (var key in new[] { "COPT2008", "apt-get-pin-versions", "DL3008", "dl3008", "StageNameCasing", "SC2086" })
        {
            Assert.IsTrue(RuleKeys.NamesARule(key), key);
        }
        Assert.IsFalse(RuleKeys.NamesARule("DL3O08"));
        Assert.AreEqual("DL3008", RuleKeys.Nearest("DL3O08"));
        Assert.IsFalse(RuleKeys.NamesARule(""));
    }
}
