using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Tests.Configuration;

[TestClass]
public sealed class HadolintConfigReaderTests
{
    private static (AnalysisOptions Options, IReadOnlyList<Finding> Problems) Read(string yaml)
    {
        var options = new AnalysisOptions();
        var problems = HadolintConfigReader.Read(yaml, "/repo/.hadolint.yaml", options);
        return (options, problems);
    }

    [TestMethod]
    public void The_documented_full_schema_is_read()
    {
        var (options, problems) = Read("""
            failure-threshold: warning
            format: json
            ignored:
              - DL3008
              - SC2086
            label-schema:
              author: text
              contact: email
              created: rfc3339
              version: semver
              documentation: url
              git-revision: hash
              license: spdx
            no-color: true
            no-fail: true
            override:
              error:
                - DL3048
              warning:
                - stage-name-casing
              info:
                - COPT2051
              style:
                - DL3049
            strict-labels: true
            disable-ignore-pragma: true
            trustedRegistries:
              - docker.io
              - my-company.com:5000
              - "*.gcr.io"
            """);
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems));
        Assert.AreEqual(DiagnosticSeverity.Warning, options.FailureThreshold);
        CollectionAssert.AreEquivalent(new[] { "DL3008", "SC2086" }, options.Ignored.ToArray());
        Assert.AreEqual(7, options.LabelSchema.Count);
        Assert.AreEqual("email", options.LabelSchema["contact"]);
        Assert.AreEqual("spdx", options.LabelSchema["license"]);
        Assert.IsTrue(options.NoFail);
        Assert.IsTrue(options.StrictLabels);
        Assert.IsTrue(options.DisableIgnorePragma);
        Assert.AreEqual(DiagnosticSeverity.Error, options.Severities["DL3048"]);
        Assert.AreEqual(DiagnosticSeverity.Warning, options.Severities["stage-name-casing"]);
        Assert.AreEqual(DiagnosticSeverity.Info, options.Severities["COPT2051"]);
        Assert.AreEqual(DiagnosticSeverity.Style, options.Severities["DL3049"], "style is hadolint's lowest level, ContainerOpt's suggestion");
        CollectionAssert.AreEqual(new[] { "docker.io", "my-company.com:5000", "*.gcr.io" }, options.TrustedRegistries.ToArray());
    }

    [TestMethod]
    public void Trusted_registries_may_be_a_single_string_and_do_not_repeat()
    {
        var options = new AnalysisOptions();
        options.TrustedRegistries.Add("docker.io");
        var problems = HadolintConfigReader.Read("trustedRegistries: docker.io\n", "h.yaml", options);
        Assert.AreEqual(0, problems.Count);
        CollectionAssert.AreEqual(new[] { "docker.io" }, options.TrustedRegistries.ToArray());
    }

    [TestMethod]
    public void Threshold_names_map_to_severities()
    {
        Assert.AreEqual(DiagnosticSeverity.Style, Read("failure-threshold: style").Options.FailureThreshold);
        Assert.AreEqual(DiagnosticSeverity.None, Read("failure-threshold: ignore").Options.FailureThreshold);
        Assert.AreEqual(DiagnosticSeverity.None, Read("failure-threshold: none").Options.FailureThreshold);
        Assert.AreEqual(DiagnosticSeverity.Error, Read("failure-threshold: Error").Options.FailureThreshold);
    }

    [TestMethod]
    public void An_unknown_key_is_a_warning_at_the_key_with_the_nearest_name()
    {
        var (options, problems) = Read("ignore:\n  - DL3008\nstrict-labels: true\n");
        Assert.AreEqual(1, problems.Count);
        var p = problems[0];
        Assert.AreEqual("COPT0005", p.Code);
        Assert.AreEqual(DiagnosticSeverity.Warning, p.Severity);
        Assert.AreEqual("/repo/.hadolint.yaml", p.FilePath);
        Assert.AreEqual("(1,1,1,7)", p.Location.ToString());
        Assert.AreEqual("Invalid configuration in '/repo/.hadolint.yaml': unknown setting 'ignore'; it is ignored. Did you mean 'ignored'?", p.Message);
        Assert.IsTrue(options.StrictLabels, "the other settings still apply");
        Assert.AreEqual(0, options.Ignored.Count);
    }

    [TestMethod]
    public void An_unknown_rule_key_is_a_warning_naming_it_and_the_nearest_rule()
    {
        var (options, problems) = Read("ignored:\n  - DL3008\n  - DL3O08\n");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual(DiagnosticSeverity.Warning, problems[0].Severity);
        Assert.AreEqual("(3,5,3,11)", problems[0].Location.ToString());
        StringAssert.Contains(problems[0].Message, "no rule is named 'DL3O08'; the setting has no effect. Did you mean 'DL3008'?");
        Assert.IsTrue(options.Ignored.Contains("DL3008"));
    }

    [TestMethod]
    public void Rule_names_and_buildkit_checks_are_known_rule_keys() =>
        Assert.AreEqual(0, Read("ignored: [apt-get-pin-versions, StageNameCasing, copt1100, dl3008]\n").Problems.Count);

    [TestMethod]
    public void An_unknown_override_level_is_an_error_at_the_level()
    {
        var (options, problems) = Read("override:\n  errors:\n    - DL3008\n");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual(DiagnosticSeverity.Error, problems[0].Severity);
        Assert.AreEqual(2, problems[0].Location.Start.Line);
        Assert.AreEqual(3, problems[0].Location.Start.Column);
        StringAssert.Contains(problems[0].Message, "unknown severity 'errors' in 'override'; use error, warning, info or style. Did you mean 'error'?");
        Assert.AreEqual(0, options.Severities.Count);
    }

    [TestMethod]
    public void A_rule_in_two_override_lists_warns_and_the_later_applies()
    {
        var (options, problems) = Read("override:\n  error: [DL3008]\n  info: [DL3008]\n");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual(DiagnosticSeverity.Warning, problems[0].Severity);
        Assert.AreEqual(DiagnosticSeverity.Info, options.Severities["DL3008"]);
    }

    [TestMethod]
    public void Wrong_types_are_errors_at_the_value()
    {
        var (options, problems) = Read("strict-labels: yes please\nignored:\n  key: value\nlabel-schema: [a, b]\noverride: [DL3008]\nno-fail: [true]\n");
        Assert.AreEqual(5, problems.Count, string.Join("\n", problems));
        Assert.IsTrue(problems.All(p => p.Severity == DiagnosticSeverity.Error));
        Assert.AreEqual("(1,16,1,26)", problems[0].Location.ToString());
        StringAssert.Contains(problems[0].Message, "'strict-labels' must be true or false, not 'yes please'.");
        StringAssert.Contains(problems[1].Message, "'ignored' must be a list of rule codes, not a mapping.");
        Assert.AreEqual(3, problems[1].Location.Start.Line);
        StringAssert.Contains(problems[2].Message, "'label-schema' must be a mapping of label names to types");
        StringAssert.Contains(problems[3].Message, "'override' must be a mapping");
        StringAssert.Contains(problems[4].Message, "'no-fail' must be true or false, not a list.");
        Assert.IsFalse(options.StrictLabels);
    }

    [TestMethod]
    public void An_unknown_label_type_is_an_error_and_the_label_is_skipped()
    {
        var (options, problems) = Read("label-schema:\n  author: text\n  version: semvar\n  other:\n");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual("(3,12,3,18)", problems[0].Location.ToString());
        StringAssert.Contains(problems[0].Message, "unknown label type 'semvar' for label 'version'; use one of text, url, rfc3339, spdx, hash, semver, email. Did you mean 'semver'?");
        CollectionAssert.AreEquivalent(new[] { "author", "other" }, options.LabelSchema.Keys.ToArray());
        Assert.AreEqual("text", options.LabelSchema["other"], "an empty type is text, as in hadolint");
    }

    [TestMethod]
    public void An_unknown_failure_threshold_is_an_error()
    {
        var (options, problems) = Read("failure-threshold: warn\n");
        Assert.AreEqual(1, problems.Count);
        StringAssert.Contains(problems[0].Message, "unknown severity 'warn' for 'failure-threshold'; use error, warning, info, style, ignore or none. Did you mean 'warning'?");
        Assert.IsNull(options.FailureThreshold);
    }

    [TestMethod]
    public void Invalid_yaml_is_an_error_at_its_position()
    {
        var (_, problems) = Read("ignored:\n  - DL3008\n - DL3009\n");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual(DiagnosticSeverity.Error, problems[0].Severity);
        Assert.AreEqual(3, problems[0].Location.Start.Line);
        StringAssert.Contains(problems[0].Message, "not valid YAML");
    }

    [TestMethod]
    public void An_unclosed_flow_list_is_an_error_not_a_crash()
    {
        var (_, problems) = Read("ignored: [DL3008\nfoo: 1\n");
        Assert.AreEqual(1, problems.Count);
        Assert.AreEqual("(1,10,1,10)", problems[0].Location.ToString());
        StringAssert.Contains(problems[0].Message, "not valid YAML: it cannot be read past this point");
    }

    [TestMethod]
    public void A_duplicate_key_is_an_error()
    {
        var (_, problems) = Read("ignored: [DL3008]\nignored: [DL3009]\n");
        Assert.AreEqual(1, problems.Count);
        StringAssert.Contains(problems[0].Message, "Duplicate key");
        Assert.AreEqual(2, problems[0].Location.Start.Line);
    }

    [TestMethod]
    public void A_file_that_is_not_a_mapping_is_an_error()
    {
        var (_, problems) = Read("- DL3008\n");
        Assert.AreEqual(1, problems.Count);
        StringAssert.Contains(problems[0].Message, "the file must be a mapping of settings (key: value), not a list.");
    }

    [TestMethod]
    public void Empty_and_comment_only_files_are_fine()
    {
        Assert.AreEqual(0, Read("").Problems.Count);
        Assert.AreEqual(0, Read("# nothing yet\n").Problems.Count);
        Assert.AreEqual(0, Read("ignored:\noverride:\n").Problems.Count);
    }

    [TestMethod]
    public void Deep_nesting_and_alias_bombs_do_not_crash()
    {
        var deep = "ignored: " + new string('[', 5000) + new string(']', 5000) + "\n";
        var problems = Read(deep).Problems;
        Assert.AreEqual(1, problems.Count);
        StringAssert.Contains(problems[0].Message, "nested more than");

        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nignored: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        problems = Read(bomb).Problems;
        Assert.IsTrue(problems.Count < 50, problems.Count.ToString());
    }

    [TestMethod]
    public void Garbage_never_throws()
    {
        foreach (var text in new[] { "\0\0\0", "{", "}", "[", "'", "\"", "!!binary x", "*undefined", "? [a]\n: b\n", "%YAML 9.9\n---\na: 1\n", "a: b\n---\nc: d\n", "\t\tkey: value\n", new string('\u00e9', 3) + ": [", "[[[[[[", "ignored: !!map {}\n" })
        {
            var problems = Read(text).Problems;
            Assert.IsTrue(problems.All(p => p.Code == "COPT0005"), text);
        }
    }
}
