namespace ContainerOpt.Cli.Tests;

/// <summary>The command line itself: usage errors (one line each, exit 2), generated help, version, completions.</summary>
[TestClass]
public sealed class CommandLineTests
{
    [TestMethod]
    [DataRow("containeropt: name a command: lint, parse, rules, generate, layers, fix.\nRun 'containeropt --help' for usage.\n")]
    [DataRow("containeropt: Unknown command 'lnt'. Did you mean 'lint'?\nRun 'containeropt --help' for usage.\n", "lnt")]
    [DataRow("containeropt: Unknown option '--frmat'. Did you mean '--format'?\nRun 'containeropt lint --help' for usage.\n", "lint", "--frmat", "json", "Dockerfile")]
    [DataRow("containeropt: Unknown option '--no-fial'. Did you mean '--no-fail'?\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "--no-fial")]
    [DataRow("containeropt: Unknown option '--ignre=DL3008'. Did you mean '--ignore'?\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "--ignre=DL3008")]
    [DataRow("containeropt: lint needs at least one Dockerfile or folder.\nRun 'containeropt lint --help' for usage.\n", "lint")]
    [DataRow("containeropt: --format must be one of: tty, msbuild, text, json, checkstyle, codeclimate, gitlab_codeclimate, gnu, codacy, sonarqube, sarif, github (got 'yaml').\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "-f", "yaml")]
    [DataRow("containeropt: Required argument missing for option: '--format'.\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "--format")]
    [DataRow("containeropt: --failure-threshold must be one of: error, warning, info, style, ignore, none (got 'warn').\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "-t", "warn")]
    [DataRow("containeropt: --ignore: no rule is named 'DL3O08'. Did you mean 'DL3008'?\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "--ignore", "DL3O08")]
    [DataRow("containeropt: --error: no rule is named 'pin-apt'.\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "--error", "pin-apt")]
    [DataRow("containeropt: --require-label: unknown label format 'semvar' in 'version:semvar'; use one of text, url, rfc3339, spdx, hash, semver, email. Did you mean 'semver'?\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "--require-label", "version:semvar")]
    [DataRow("containeropt: --require-label: ':url' names no label; use LABEL:FORMAT, as maintainer:text.\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "--require-label", ":url")]
    [DataRow("containeropt: 'strict' is not a mode; use recommended, minimum, all or hadolint.\nRun 'containeropt lint --help' for usage.\n", "lint", "Dockerfile", "--mode", "strict")]
    [DataRow("containeropt: Unexpected argument 'extra': rules takes no operands.\nRun 'containeropt rules --help' for usage.\n", "rules", "extra")]
    [DataRow("containeropt: Unexpected argument 'b': parse takes one PATH.\nRun 'containeropt parse --help' for usage.\n", "parse", "a", "b")]
    [DataRow("containeropt: parse takes exactly one Dockerfile.\nRun 'containeropt parse --help' for usage.\n", "parse")]
    [DataRow("containeropt: generate needs --project X.csproj.\nRun 'containeropt generate --help' for usage.\n", "generate")]
    [DataRow("containeropt: layers takes one image: a local image reference, a 'docker save' archive or an OCI layout folder.\nRun 'containeropt layers --help' for usage.\n", "layers")]
    [DataRow("containeropt: --builder must be one of: auto, docker, buildx, podman (got 'kaniko').\nRun 'containeropt layers --help' for usage.\n", "layers", "image", "--builder", "kaniko")]
    public void A_usage_problem_is_one_line_naming_the_help_and_exit_2(string expected, params string[] args)
    {
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.AreEqual(expected, stderr);
        Assert.AreEqual("", stdout);
        Assert.AreEqual(2, code);
    }

    [TestMethod]
    public void An_operand_that_looks_like_an_option_is_a_file_after_double_dash()
    {
        var (code, stdout, _) = CliRunner.Run("lint", "--", "-x");
        Assert.AreEqual(2, code);
        StringAssert.StartsWith(stdout, "-x(1,1): error COPT0001: ");
    }

    [TestMethod]
    [DataRow("--version")]
    [DataRow("-v")]
    [DataRow("version")]
    public void Version_prints_the_package_version(string form)
    {
        var (code, stdout, stderr) = CliRunner.Run(form);
        Assert.AreEqual(CliApp.Version + "\n", stdout);
        Assert.AreEqual("", stderr);
        Assert.AreEqual(0, code);
        StringAssert.Matches(CliApp.Version, new System.Text.RegularExpressions.Regex(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"));
    }

    [TestMethod]
    [DataRow("help.txt", "--help")]
    [DataRow("lint-help.txt", "lint", "--help")]
    [DataRow("lint-help.txt", "help", "lint")]
    [DataRow("lint-help.txt", "lint", "-h")]
    [DataRow("parse-help.txt", "parse", "--help")]
    [DataRow("rules-help.txt", "rules", "--help")]
    [DataRow("generate-help.txt", "generate", "--help")]
    [DataRow("layers-help.txt", "layers", "--help")]
    [DataRow("fix-help.txt", "fix", "--help")]
    public void Help_is_generated_from_the_commands(string snapshot, params string[] args)
    {
        // As a process: the usage line names the executable (containeropt, not the test host).
        var (code, stdout, stderr) = CliRunner.RunProcess(AppContext.BaseDirectory, null, null, args);
        Assert.AreEqual(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", snapshot)), stdout);
        Assert.AreEqual("", stderr);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    [DataRow("lint --format ", "checkstyle\ncodacy\ncodeclimate\ngithub\ngitlab_codeclimate\ngnu\njson\nmsbuild\nsarif\nsonarqube\ntext\ntty\n")]
    [DataRow("lint --format so", "sonarqube\njson\n")]
    [DataRow("lint --format s", "sarif\nsonarqube\njson\nmsbuild\ncheckstyle\n")]
    [DataRow("lint -t w", "warning\n")]
    [DataRow("lint --mode h", "hadolint\n")]
    [DataRow("lint --ignore DL300", "DL3000\nDL3001\nDL3002\nDL3003\nDL3004\nDL3006\nDL3007\nDL3008\nDL3009\n")]
    [DataRow("lint --error apt-get-p", "apt-get-pin-versions\n")]
    [DataRow("l", "layers\nlint\nrules\n--help\n")]
    public void Completions_come_from_the_suggest_directive(string line, string expected)
    {
        // System.CommandLine lists the values that start with the word first, then those that contain it. DL3005 is
        // no rule: hadolint retired it.
        var (code, stdout, stderr) = CliRunner.Run($"[suggest:{line.Length}]", line);
        Assert.AreEqual(expected, stdout, stderr);
        Assert.AreEqual(0, code);
    }
}
