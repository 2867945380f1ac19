namespace ContainerOpt.Cli.Tests;

/// <summary>What lint reads: standard input (<c>-</c>), folders (one without a Dockerfile is an error that says why), missing paths.</summary>
[TestClass]
public sealed class LintInputTests
{
    private const string Body = "FROM ubuntu\nRUN apt-get update && apt-get install -y curl\n";

    private static string Pin(string p) =>
        $"{p}(2,42): warning COPT2008: Pin the version of 'curl' in apt-get install (apt-get install curl=<version>) so rebuilds install the same versions.\n";

    [TestMethod]
    public void Dash_reads_the_dockerfile_from_standard_input_and_reports_it_as_dash()
    {
        var (code, stdout, stderr) = CliRunner.RunWith(Body, null, "lint", "-", "--mode", "hadolint", "--ignore", "DL3006", "--ignore", "DL3009", "--ignore", "DL3015");
        Assert.AreEqual(Pin("-"), stdout);
        Assert.AreEqual("1 file(s): 0 error(s), 1 warning(s), 0 info.\n", stderr);
        Assert.AreEqual(0, code);

        var failing = CliRunner.RunWith("FROM alpine:3.20\nRUNN echo hi\n", null, "lint", "-");
        Assert.AreEqual("-(2,1): error COPT1001: Unknown instruction 'RUNN' (did you mean 'RUN'?).\n", failing.Stdout);
        Assert.AreEqual(1, failing.ExitCode);
    }

    [TestMethod]
    public void Standard_input_with_a_report_path_takes_that_paths_name_and_configuration()
    {
        var repo = CliRunner.TempRepository();
        CliRunner.Write(repo, ".hadolint.yaml", "ignored: [DL3006, DL3009, DL3015]\n");
        string named = Path.Combine(repo, "src", "Api", "Dockerfile");
        Directory.CreateDirectory(Path.GetDirectoryName(named)!);
        var (code, stdout, _) = CliRunner.RunWith(Body, null, "lint", "-", "--file-path-in-report", named);
        Assert.AreEqual(Pin(named), stdout, "the repository's .hadolint.yaml applies: hadolint mode, three rules ignored");
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void Standard_input_named_as_a_path_that_is_not_here_is_linted_in_the_working_folder()
    {
        // hadolint in a container: the path is the one outside it.
        const string named = "build/no-such-folder/Dockerfile";
        var (code, stdout, _) = CliRunner.RunWith(Body, null, "lint", "-", "--file-path-in-report", named, "--mode", "hadolint",
            "--ignore", "DL3006", "--ignore", "DL3009", "--ignore", "DL3015");
        Assert.AreEqual(Pin(named), stdout);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void Standard_input_and_files_together()
    {
        var file = CliRunner.Write(CliRunner.TempRepository(), "Dockerfile", "FROM alpine:3.20\nRUNN echo hi\n");
        var (code, stdout, stderr) = CliRunner.RunWith(Body, null, "lint", file, "-", "--mode", "hadolint", "--ignore", "DL3006", "--ignore", "DL3009", "--ignore", "DL3015");
        Assert.AreEqual($"{file}(2,1): error COPT1001: Unknown instruction 'RUNN' (did you mean 'RUN'?).\n" + Pin("-"), stdout);
        Assert.AreEqual("2 file(s): 1 error(s), 1 warning(s), 0 info.\n", stderr);
        Assert.AreEqual(1, code);
    }

    [TestMethod]
    public void Binary_standard_input_is_COPT0003_exit_2()
    {
        var (code, stdout, _) = CliRunner.RunWith("FROM a\0b", null, "lint", "-");
        StringAssert.StartsWith(stdout, "-(1,1): error COPT0003: ");
        StringAssert.Contains(stdout, "NUL byte at offset 6");
        Assert.AreEqual(2, code);
    }

    [TestMethod]
    public void Dash_twice_is_a_usage_error()
    {
        var (code, stdout, stderr) = CliRunner.RunWith(Body, null, "lint", "-", "-");
        Assert.AreEqual("", stdout);
        Assert.AreEqual("containeropt: '-' (standard input) can be named once.\nRun 'containeropt lint --help' for usage.\n", stderr);
        Assert.AreEqual(2, code);
    }

    [TestMethod]
    public void The_tool_reads_a_piped_dockerfile_with_the_working_folders_configuration()
    {
        var repo = CliRunner.TempRepository();
        CliRunner.Write(repo, ".hadolint.yaml", "ignored: [DL3006, DL3009, DL3015]\n");
        var (code, stdout, stderr) = CliRunner.RunProcess(repo, Body, new Dictionary<string, string> { ["HOME"] = CliRunner.TempFolder() }, "lint", "-");
        Assert.AreEqual(Pin("-"), stdout, stderr);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void A_folder_without_a_dockerfile_says_what_was_searched_and_exits_2()
    {
        var folder = CliRunner.TempFolder("empty");
        CliRunner.Write(folder, "obj/Dockerfile", "FROM alpine:3.20\n");
        CliRunner.Write(folder, "Dockerfile.dockerignore", "bin\n");
        CliRunner.Write(folder, "readme.md", "x\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", folder);
        Assert.AreEqual("", stdout);
        Assert.AreEqual($"containeropt: no Dockerfile in '{folder}' or its subfolders (.git, .idea, .vs, .vscode, bin, node_modules, obj are not searched). "
            + "A Dockerfile is named Dockerfile or Containerfile, Dockerfile.* or Containerfile.* (but not *.dockerignore), or *.Dockerfile, in any case.\n"
            + "0 file(s): 0 error(s), 0 warning(s), 0 info.\n", stderr);
        Assert.AreEqual(2, code);

        var json = CliRunner.Run("lint", folder, "--format", "json");
        Assert.AreEqual("{\n  \"files\": []\n}\n", json.Stdout.Replace("\r\n", "\n"));
        Assert.AreEqual(2, json.ExitCode);
    }

    [TestMethod]
    public void The_other_operands_are_still_linted_beside_an_empty_folder()
    {
        var file = CliRunner.Write(CliRunner.TempRepository(), "Dockerfile", "FROM alpine:3.20\n");
        var folder = CliRunner.TempFolder("empty");
        var (code, stdout, stderr) = CliRunner.Run("lint", file, folder);
        Assert.AreEqual("", stdout);
        StringAssert.StartsWith(stderr, $"containeropt: no Dockerfile in '{folder}'");
        StringAssert.EndsWith(stderr, "\n1 file(s): 0 error(s), 0 warning(s), 0 info.\n");
        Assert.AreEqual(2, code);
    }

    [TestMethod]
    public void A_path_that_does_not_exist_is_COPT0001_exit_2()
    {
        string missing = Path.Combine(CliRunner.TempFolder(), "no-such-folder");
        var (code, stdout, stderr) = CliRunner.Run("lint", missing);
        Assert.AreEqual($"{missing}(1,1): error COPT0001: The Dockerfile '{missing}' does not exist. Check the path, or set ContainerOptDockerfile to the right file.\n", stdout);
        Assert.AreEqual("1 file(s): 1 error(s), 0 warning(s), 0 info.\n", stderr);
        Assert.AreEqual(2, code);
    }
}
