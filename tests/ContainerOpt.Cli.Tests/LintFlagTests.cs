namespace ContainerOpt.Cli.Tests;

/// <summary>
/// hadolint's lint flags, each with the exact output and exit code it gives, on a Dockerfile in a repository of its own
/// (no configuration found) linted in hadolint mode unless said otherwise.
/// </summary>
[TestClass]
public sealed class LintFlagTests
{
    internal const string Body = "FROM ubuntu\nRUN apt-get update && apt-get install -y curl\n";

    internal static string NoTag(string p) =>
        $"{p}(1,6): warning COPT2006: Image 'ubuntu' has no tag, so it means whatever ':latest' is on the day of the build: pin a version (ubuntu:<version>) or a digest.\n";

    internal static string AptLists(string p, string severity = "info") =>
        $"{p}(2,5): {severity} COPT2009: Delete the apt lists in the same RUN after apt-get update (&& rm -rf /var/lib/apt/lists/*), or mount a cache on /var/lib/apt/lists, so the package index does not stay in the image.\n";

    internal static string NoRecommends(string p) =>
        $"{p}(2,23): info COPT2015: Add --no-install-recommends to apt-get install so only the named packages and their dependencies are installed, not recommended extras.\n";

    internal static string Pin(string p, string severity = "warning") =>
        $"{p}(2,42): {severity} COPT2008: Pin the version of 'curl' in apt-get install (apt-get install curl=<version>) so rebuilds install the same versions.\n";

    internal static string Dockerfile(string body = Body) => CliRunner.Write(CliRunner.TempRepository(), "Dockerfile", body);

    [TestMethod]
    public void Without_flags_hadolint_mode_reports_four_findings_and_exits_0()
    {
        var p = Dockerfile();
        var (code, stdout, stderr) = CliRunner.Run("lint", p, "--mode", "hadolint");
        Assert.AreEqual(NoTag(p) + AptLists(p) + NoRecommends(p) + Pin(p), stdout);
        Assert.AreEqual("1 file(s): 0 error(s), 2 warning(s), 2 info.\n", stderr);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    [DataRow("DL3008")]
    [DataRow("COPT2008")]
    [DataRow("apt-get-pin-versions")]
    [DataRow("dl3008")]
    public void Ignore_takes_any_of_a_rules_names(string name)
    {
        var p = Dockerfile();
        var (code, stdout, stderr) = CliRunner.Run("lint", p, "--mode", "hadolint", "--ignore", name);
        Assert.AreEqual(NoTag(p) + AptLists(p) + NoRecommends(p), stdout);
        Assert.AreEqual("1 file(s): 0 error(s), 1 warning(s), 2 info.\n", stderr);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void Ignore_is_repeated_once_per_rule_and_leaves_the_next_word_an_operand()
    {
        var p = Dockerfile();
        var (code, stdout, _) = CliRunner.Run("lint", "--mode", "hadolint", "--ignore", "DL3008", p, "--ignore", "DL3006", "--ignore", "DL3015");
        Assert.AreEqual(AptLists(p), stdout);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void A_buildkit_check_name_names_its_rule()
    {
        var p = Dockerfile("FROM alpine:3.20 AS Build\n");
        var (code, stdout, _) = CliRunner.Run("lint", p, "--error", "StageNameCasing");
        Assert.AreEqual($"{p}(1,21): error COPT1100: Stage name 'Build' should be lowercase: name it 'build'.\n", stdout);
        Assert.AreEqual(1, code);
    }

    [TestMethod]
    [DataRow("error", 0)]
    [DataRow("warning", 1)]
    [DataRow("info", 1)]
    [DataRow("style", 1)]
    [DataRow("ignore", 1)]
    [DataRow("none", 1)]
    [DataRow("WARNING", 1)]
    public void Failure_threshold_fails_the_run_for_findings_at_or_above_it(string level, int expected)
    {
        var p = Dockerfile();
        var (code, stdout, _) = CliRunner.Run("lint", p, "--mode", "hadolint", "--failure-threshold", level);
        Assert.AreEqual(NoTag(p) + AptLists(p) + NoRecommends(p) + Pin(p), stdout, "the threshold changes the exit code, not what is shown");
        Assert.AreEqual(expected, code);
    }

    [TestMethod]
    [DataRow("warning", 0)]
    [DataRow("info", 1)]
    public void Failure_threshold_short_form_with_only_info_findings(string level, int expected)
    {
        var p = Dockerfile();
        var (code, stdout, _) = CliRunner.Run("lint", p, "--mode", "hadolint", "--ignore", "DL3006", "--ignore", "DL3008", "-t", level);
        Assert.AreEqual(AptLists(p) + NoRecommends(p), stdout);
        Assert.AreEqual(expected, code);
    }

    [TestMethod]
    public void No_fail_exits_0_with_errors_but_not_with_an_io_problem()
    {
        var p = Dockerfile("FROM alpine:3.20\nRUNN echo hi\n");
        Assert.AreEqual(1, CliRunner.Run("lint", p).ExitCode);
        var (code, stdout, _) = CliRunner.Run("lint", p, "--no-fail");
        Assert.AreEqual($"{p}(2,1): error COPT1001: Unknown instruction 'RUNN' (did you mean 'RUN'?).\n", stdout);
        Assert.AreEqual(0, code);
        Assert.AreEqual(2, CliRunner.Run("lint", p, Path.Combine(Path.GetDirectoryName(p)!, "missing"), "--no-fail").ExitCode);
    }

    [TestMethod]
    public void Severity_flags_set_a_rules_severity_and_the_last_one_named_wins()
    {
        var p = Dockerfile();
        var error = CliRunner.Run("lint", p, "--mode", "hadolint", "--error", "DL3008", "--warning", "COPT2009");
        Assert.AreEqual(NoTag(p) + AptLists(p, "warning") + NoRecommends(p) + Pin(p, "error"), error.Stdout);
        Assert.AreEqual("1 file(s): 1 error(s), 2 warning(s), 1 info.\n", error.Stderr);
        Assert.AreEqual(1, error.ExitCode);

        var last = CliRunner.Run("lint", p, "--mode", "hadolint", "--error", "DL3008", "--info", "apt-get-pin-versions");
        Assert.AreEqual(NoTag(p) + AptLists(p) + NoRecommends(p) + Pin(p, "info"), last.Stdout);
        Assert.AreEqual(0, last.ExitCode);

        // Style is a suggestion: the canonical text shows it in hadolint mode, and counts it otherwise.
        var style = CliRunner.Run("lint", p, "--mode", "all", "--ignore", "DL3006", "--ignore", "DL3015", "--ignore", "COPT2057", "--ignore", "COPT2063",
            "--ignore", "COPT3004", "--style", "DL3008");
        Assert.AreEqual("", style.Stdout);
        Assert.AreEqual("1 file(s): 0 error(s), 0 warning(s), 0 info, 1 suggestion(s) not shown (--format json, or --mode all, shows them).\n", style.Stderr);
    }

    [TestMethod]
    public void Trusted_registries_are_repeated_and_add_up()
    {
        var p = Dockerfile("FROM ubuntu:24.04\n");
        var one = CliRunner.Run("lint", p, "--trusted-registry", "my.registry:5000");
        Assert.AreEqual($"{p}(1,6): warning COPT2026: Image 'ubuntu:24.04' comes from registry 'docker.io', which is not a trusted registry (my.registry:5000): use an image from a trusted registry.\n", one.Stdout);
        Assert.AreEqual(0, one.ExitCode);
        var two = CliRunner.Run("lint", p, "--trusted-registry", "my.registry:5000", "--trusted-registry", "docker.io");
        Assert.AreEqual("", two.Stdout);
    }

    [TestMethod]
    public void Require_label_and_strict_labels()
    {
        var p = Dockerfile("FROM ubuntu:24.04\nLABEL foo=bar\n");
        var required = CliRunner.Run("lint", p, "--require-label", "maintainer:text");
        Assert.AreEqual($"{p}(1,6): info COPT2049: Add the label 'maintainer' to this stage (LABEL maintainer=<value>): the label schema requires it.\n", required.Stdout);
        var strict = CliRunner.Run("lint", p, "--strict-labels");
        Assert.AreEqual($"{p}(2,7): info COPT2050: Label 'foo' is not in the label schema: remove it or add it to the schema (strict labels are on).\n", strict.Stdout);
        var both = CliRunner.Run("lint", p, "--require-label", "foo:text", "--strict-labels", "-t", "info");
        Assert.AreEqual("", both.Stdout);
        Assert.AreEqual(0, both.ExitCode);
    }

    [TestMethod]
    public void Disable_ignore_pragma_reports_what_the_comments_silence()
    {
        var p = Dockerfile("FROM ubuntu:24.04\n# hadolint ignore=DL3008\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n");
        Assert.AreEqual("", CliRunner.Run("lint", p, "--mode", "hadolint").Stdout);
        var (code, stdout, _) = CliRunner.Run("lint", p, "--mode", "hadolint", "--disable-ignore-pragma");
        Assert.AreEqual($"{p}(3,66): warning COPT2008: Pin the version of 'curl' in apt-get install (apt-get install curl=<version>) so rebuilds install the same versions.\n", stdout);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void Config_short_form_names_the_file_and_a_missing_one_is_a_usage_error()
    {
        var p = Dockerfile();
        string config = CliRunner.Write(CliRunner.TempFolder(), "team.hadolint.yaml", "ignored: [DL3008, DL3015]\n");
        var (code, stdout, _) = CliRunner.Run("lint", p, "-c", config);
        Assert.AreEqual(NoTag(p) + AptLists(p), stdout, "a hadolint file: hadolint mode");
        Assert.AreEqual(0, code);

        var missing = CliRunner.Run("lint", p, "--config", "/no/such.yaml");
        Assert.AreEqual("", missing.Stdout);
        Assert.AreEqual("containeropt: The configuration file '/no/such.yaml' does not exist.\nRun 'containeropt lint --help' for usage.\n", missing.Stderr);
        Assert.AreEqual(2, missing.ExitCode);
    }

    [TestMethod]
    public void Command_line_settings_override_the_configuration_files()
    {
        var repo = CliRunner.TempRepository();
        var p = CliRunner.Write(repo, "Dockerfile", Body);
        CliRunner.Write(repo, ".hadolint.yaml", "failure-threshold: warning\nignored: [DL3015]\noverride:\n  error: [DL3008]\n");

        var file = CliRunner.Run("lint", p);
        Assert.AreEqual(NoTag(p) + AptLists(p) + Pin(p, "error"), file.Stdout);
        Assert.AreEqual(1, file.ExitCode);

        // Lists add to the file's, a severity named here wins whatever name the file used, single values replace the file's.
        var (code, stdout, _) = CliRunner.Run("lint", p, "--ignore", "COPT2006", "--warning", "apt-get-pin-versions", "-t", "error");
        Assert.AreEqual(AptLists(p) + Pin(p), stdout);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void No_color_changes_nothing_in_the_canonical_text()
    {
        var p = Dockerfile();
        Assert.AreEqual(CliRunner.Run("lint", p), CliRunner.Run("lint", p, "--no-color"));
    }

    [TestMethod]
    public void Verbose_short_form_says_which_configuration_applies()
    {
        var repo = CliRunner.TempRepository();
        var p = CliRunner.Write(repo, "src/Dockerfile", Body);
        string config = CliRunner.Write(repo, ".hadolint.yaml", "ignored: [DL3015]\n");
        var (_, _, stderr) = CliRunner.Run("lint", p, "-V");
        StringAssert.StartsWith(stderr, $"containeropt: configuration: {config}\n");
    }

    [TestMethod]
    public void File_path_in_report_names_the_one_dockerfile_linted()
    {
        var p = Dockerfile();
        var (code, stdout, _) = CliRunner.Run("lint", p, "--mode", "hadolint", "--file-path-in-report", "src/Api/Dockerfile");
        const string name = "src/Api/Dockerfile";
        Assert.AreEqual(NoTag(name) + AptLists(name) + NoRecommends(name) + Pin(name), stdout);
        Assert.AreEqual(0, code);

        var json = CliRunner.Run("lint", p, "-f", "json", "--file-path-in-report", name).Stdout;
        StringAssert.Contains(json, "\"path\": \"src/Api/Dockerfile\"");

        var two = CliRunner.Run("lint", p, p, "--file-path-in-report", name);
        Assert.AreEqual("containeropt: --file-path-in-report names one Dockerfile, but 2 are linted.\nRun 'containeropt lint --help' for usage.\n", two.Stderr);
        Assert.AreEqual(2, two.ExitCode);
    }
}
