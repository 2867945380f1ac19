using System.Text.Json;
using ContainerOpt.Cli.Commands;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// lint's --format: every name of the library's registry, the default by where standard output goes (tty on a terminal,
/// msbuild otherwise), colour only on a terminal and without NO_COLOR or --no-color, and a clear usage error for a name
/// that is not a format. The formats' own shapes are tested in ContainerOpt.Analysis.Tests (Reporting).
/// </summary>
[TestClass]
public sealed class LintFormatTests
{
    private const string Dockerfile = "FROM alpine:3.20 AS Build\nEXPOSE 80000\n";

    [TestMethod]
    [DataRow("tty")]
    [DataRow("msbuild")]
    [DataRow("text")]
    [DataRow("json")]
    [DataRow("checkstyle")]
    [DataRow("codeclimate")]
    [DataRow("gitlab_codeclimate")]
    [DataRow("gnu")]
    [DataRow("codacy")]
    [DataRow("sonarqube")]
    [DataRow("sarif")]
    [DataRow("github")]
    [DataRow("SARIF")]
    public void Every_format_name_lints_and_keeps_the_exit_code(string format)
    {
        var path = CliRunner.TempFile(Dockerfile);
        var (code, stdout, stderr) = CliRunner.Run("lint", path, "--format", format);
        Assert.AreEqual(1, code, stderr);
        StringAssert.Contains(stdout, "COPT2011");
        StringAssert.Contains(stdout, "COPT1100");
    }

    [TestMethod]
    public void Sarif_offers_the_fix_of_a_fixable_finding()
    {
        var path = CliRunner.TempFile(Dockerfile);
        var (code, stdout, stderr) = CliRunner.Run("lint", path, "--format", "sarif");
        Assert.AreEqual(1, code, stderr);
        var results = JsonDocument.Parse(stdout).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        // COPT1100's fixer renames the stage; COPT2011 (a port out of range) has no fixer.
        var rename = results.Single(r => r.GetProperty("ruleId").GetString() == "COPT1100").GetProperty("fixes")[0]
            .GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.AreEqual("build", rename.GetProperty("insertedContent").GetProperty("text").GetString());
        Assert.AreEqual(21, rename.GetProperty("deletedRegion").GetProperty("startColumn").GetInt32());
        Assert.IsFalse(results.Single(r => r.GetProperty("ruleId").GetString() == "COPT2011").TryGetProperty("fixes", out _));
    }

    [TestMethod]
    public void Text_is_msbuild_byte_for_byte()
    {
        var path = CliRunner.TempFile(Dockerfile);
        var text = CliRunner.Run("lint", path, "--format", "text");
        var msbuild = CliRunner.Run("lint", path, "--format", "msbuild");
        Assert.AreEqual($"{path}(1,21): warning COPT1100: Stage name 'Build' should be lowercase: name it 'build'.\n{path}(2,8): error COPT2011: EXPOSE '80000' is not a valid port: UNIX ports range from 0 to 65535.\n", msbuild.Stdout);
        Assert.AreEqual(msbuild, text);
    }

    [TestMethod]
    public void Without_format_a_terminal_gets_tty_and_a_pipe_gets_msbuild()
    {
        var path = CliRunner.TempFile(Dockerfile);
        var piped = Lint(new LintCommand.LintSettings { OutputIsTerminal = false }, path);
        Assert.AreEqual(CliRunner.Run("lint", path, "--format", "msbuild").Stdout, piped.Stdout);

        var terminal = Lint(new LintCommand.LintSettings { OutputIsTerminal = true }, path, "--no-color");
        Assert.AreEqual(1, terminal.Code);
        Assert.AreEqual(
            $"{path}\n  1:21  warning  COPT1100  Stage name 'Build' should be lowercase: name it 'build'. (StageNameCasing)\n  2:8   error    COPT2011  EXPOSE '80000' is not a valid port: UNIX ports range from 0 to 65535. (DL3011)\n\n",
            terminal.Stdout);
        Assert.AreEqual("1 file(s): 1 error(s), 1 warning(s), 0 info.\n", terminal.Stderr);
    }

    [TestMethod]
    public void Tty_is_coloured_on_a_terminal_only()
    {
        var path = CliRunner.TempFile(Dockerfile);
        var coloured = Lint(new LintCommand.LintSettings { OutputIsTerminal = true }, path);
        StringAssert.StartsWith(coloured.Stdout, $"\u001b[1m\u001b[4m{path}\u001b[0m\n  1:21  \u001b[33mwarning\u001b[0m  ");
        var piped = Lint(new LintCommand.LintSettings { OutputIsTerminal = false }, path, "--format", "tty");
        Assert.IsFalse(piped.Stdout.Contains('\u001b'), piped.Stdout);
    }

    [TestMethod]
    [DoNotParallelize]
    public void NO_COLOR_turns_colour_off()
    {
        var path = CliRunner.TempFile(Dockerfile);
        string? before = Environment.GetEnvironmentVariable("NO_COLOR");
        try
        {
            Environment.SetEnvironmentVariable("NO_COLOR", "1");
            var result = Lint(new LintCommand.LintSettings { OutputIsTerminal = true }, path);
            StringAssert.StartsWith(result.Stdout, $"{path}\n  1:21  warning  COPT1100  ");
        }
        finally
        {
            Environment.SetEnvironmentVariable("NO_COLOR", before);
        }
    }

    [TestMethod]
    public void An_unknown_format_is_a_usage_error_that_lists_the_formats()
    {
        var path = CliRunner.TempFile(Dockerfile);
        var (code, stdout, stderr) = CliRunner.Run("lint", path, "--format", "junit");
        Assert.AreEqual(2, code);
        Assert.AreEqual("", stdout);
        Assert.AreEqual("containeropt: --format must be one of: tty, msbuild, text, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif, github (got 'junit').\nRun 'containeropt lint --help' for usage.\n", stderr);
    }

    [TestMethod]
    public void Sarif_records_the_command_line_and_whether_the_run_could_read_everything()
    {
        var path = CliRunner.TempFile(Dockerfile);
        var ok = JsonDocument.Parse(CliRunner.Run("lint", path, "--format", "sarif").Stdout).RootElement.GetProperty("runs")[0];
        var invocation = ok.GetProperty("invocations")[0];
        Assert.IsTrue(invocation.GetProperty("executionSuccessful").GetBoolean());
        Assert.AreEqual($"containeropt lint {path} --format sarif", invocation.GetProperty("commandLine").GetString());
        Assert.AreEqual(CliApp.Version, ok.GetProperty("tool").GetProperty("driver").GetProperty("version").GetString());

        var (code, stdout, _) = CliRunner.Run("lint", path, "/no/such/Dockerfile", "--format", "sarif");
        Assert.AreEqual(2, code);
        var failed = JsonDocument.Parse(stdout).RootElement.GetProperty("runs")[0];
        Assert.IsFalse(failed.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
        Assert.IsTrue(failed.GetProperty("results").EnumerateArray().Any(r => r.GetProperty("ruleId").GetString() == "COPT0001"));
    }

    [TestMethod]
    public void Machine_formats_print_no_summary()
    {
        var path = CliRunner.TempFile(Dockerfile);
        foreach (var format in new[] { "json", "sarif", "checkstyle", "codeclimate", "gitlab_codeclimate", "gnu", "codacy", "sonarqube", "github" })
        {
            Assert.AreEqual("", CliRunner.Run("lint", path, "--format", format).Stderr, format);
        }
    }

    private static (int Code, string Stdout, string Stderr) Lint(LintCommand.LintSettings settings, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = LintCommand.Run(args, stdout, stderr, settings);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
