using static ContainerOpt.Cli.Tests.LintFlagTests;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// hadolint's HADOLINT_* environment variables, read as hadolint reads them: under the command line (a flag given wins,
/// lists add up), with its truthy values; a value that names nothing is a usage error (exit 2) naming the variable.
/// </summary>
[TestClass]
public sealed class HadolintEnvironmentTests
{
    private static (int ExitCode, string Stdout, string Stderr) Lint(Dictionary<string, string> environment, params string[] args)
    {
        environment["HOME"] = CliRunner.TempFolder("home");
        return CliRunner.RunWith(null, environment, new[] { "lint", "--mode", "hadolint" }.Concat(args).ToArray());
    }

    [TestMethod]
    public void Ignore_and_overrides_come_from_the_environment()
    {
        var p = LintFlagTests.Dockerfile();
        var (code, stdout, stderr) = Lint(new() { ["HADOLINT_IGNORE"] = "DL3006, DL3015", ["HADOLINT_OVERRIDE_ERROR"] = "DL3008" }, p);
        Assert.AreEqual(AptLists(p) + Pin(p, "error"), stdout);
        Assert.AreEqual("1 file(s): 1 error(s), 0 warning(s), 1 info.\n", stderr);
        Assert.AreEqual(1, code);
    }

    [TestMethod]
    public void The_command_line_wins_over_the_environment_and_lists_add_up()
    {
        var p = LintFlagTests.Dockerfile();
        var (code, stdout, _) = Lint(new() { ["HADOLINT_IGNORE"] = "DL3006", ["HADOLINT_OVERRIDE_ERROR"] = "DL3008" }, p, "--ignore", "DL3015", "--warning", "DL3008");
        Assert.AreEqual(AptLists(p) + Pin(p), stdout);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    [DataRow("1")]
    [DataRow("true")]
    [DataRow("YES")]
    public void Nofail_takes_hadolints_truthy_values(string value)
    {
        var p = LintFlagTests.Dockerfile();
        var (code, _, _) = Lint(new() { ["HADOLINT_OVERRIDE_ERROR"] = "DL3008", ["HADOLINT_NOFAIL"] = value }, p);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void Nofail_set_to_a_false_value_fails_as_without_it()
    {
        var p = LintFlagTests.Dockerfile();
        var (code, _, _) = Lint(new() { ["HADOLINT_OVERRIDE_ERROR"] = "DL3008", ["HADOLINT_NOFAIL"] = "0" }, p);
        Assert.AreEqual(1, code);
    }

    [TestMethod]
    public void Failure_threshold_and_format_come_from_the_environment_unless_given()
    {
        var p = LintFlagTests.Dockerfile();
        var (code, stdout, _) = Lint(new() { ["HADOLINT_FAILURE_THRESHOLD"] = "warning", ["HADOLINT_FORMAT"] = "gnu", ["HADOLINT_OVERRIDE_INFO"] = "DL3008,DL3006" }, p);
        Assert.AreEqual(0, code, "nothing at warning or above");
        // gnu's format, every finding at info: two overridden, the other two info already.
        CollectionAssert.AreEqual(new[] { $"containeropt:{p}:1:6: COPT2006 info", $"containeropt:{p}:2:5: COPT2009 info", $"containeropt:{p}:2:23: COPT2015 info", $"containeropt:{p}:2:42: COPT2008 info" },
            stdout.TrimEnd('\n').Split('\n').Select(l => l.Substring(0, l.IndexOf(": ", l.IndexOf(" COPT", StringComparison.Ordinal), StringComparison.Ordinal))).ToArray());
        var (given, text, _) = Lint(new() { ["HADOLINT_FAILURE_THRESHOLD"] = "warning", ["HADOLINT_FORMAT"] = "gnu" }, p, "--failure-threshold", "error", "--format", "msbuild");
        Assert.AreEqual(0, given);
        Assert.AreEqual(NoTag(p) + AptLists(p) + NoRecommends(p) + Pin(p), text);
    }

    [TestMethod]
    [DataRow("HADOLINT_IGNORE", "DL9999", "HADOLINT_IGNORE: no rule is named 'DL9999'.")]
    [DataRow("HADOLINT_OVERRIDE_WARNING", "apt-get-pin-version", "HADOLINT_OVERRIDE_WARNING: no rule is named 'apt-get-pin-version'. Did you mean 'apt-get-pin-versions'?")]
    [DataRow("HADOLINT_FAILURE_THRESHOLD", "fatal", "HADOLINT_FAILURE_THRESHOLD: 'fatal' is not a level; use error, warning, info, style, ignore, none.")]
    [DataRow("HADOLINT_FORMAT", "junit", "HADOLINT_FORMAT: 'junit' is not a format; use one of ")]
    public void A_value_that_names_nothing_is_a_usage_error(string variable, string value, string message)
    {
        var p = LintFlagTests.Dockerfile();
        var (code, stdout, stderr) = Lint(new() { [variable] = value }, p);
        Assert.AreEqual(2, code);
        Assert.AreEqual("", stdout);
        StringAssert.Contains(stderr, message);
    }
}
