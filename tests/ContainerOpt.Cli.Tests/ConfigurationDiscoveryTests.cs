namespace ContainerOpt.Cli.Tests;

/// <summary>
/// Configuration found as hadolint users expect: upward from each Dockerfile to the repository root (the folder with
/// .git), the nearest file of each kind winning; then hadolint's files in the user's folders.
/// </summary>
[TestClass]
public sealed class ConfigurationDiscoveryTests
{
    private const string Body = "FROM ubuntu\nRUN apt-get update && apt-get install -y curl\n";

    private static string NoTag(string p) =>
        $"{p}(1,6): warning COPT2006: Image 'ubuntu' has no tag, so it means whatever ':latest' is on the day of the build: pin a version (ubuntu:<version>) or a digest.\n";

    private static string Pin(string p) =>
        $"{p}(2,42): warning COPT2008: Pin the version of 'curl' in apt-get install (apt-get install curl=<version>) so rebuilds install the same versions.\n";

    private static Dictionary<string, string> Home(string home) => new() { ["HOME"] = home };

    [TestMethod]
    public void A_configuration_at_the_repository_root_applies_to_a_dockerfile_deep_below()
    {
        var repo = CliRunner.TempRepository();
        var p = CliRunner.Write(repo, "src/Api/Dockerfile", Body);
        string config = CliRunner.Write(repo, ".hadolint.yaml", "ignored: [DL3008, DL3009, DL3015]\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", Path.Combine(repo, "src"), "--verbose");
        Assert.AreEqual(NoTag(p), stdout);
        StringAssert.StartsWith(stderr, $"containeropt: configuration: {config}\n");
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void Style_findings_print_for_the_files_a_hadolint_configuration_puts_in_its_mode_and_only_for_them()
    {
        // Each folder's configuration chooses its mode: a/ has hadolint's file (hadolint's mode, where style is printed),
        // b/ none (recommended: suggestions are counted, not printed). The order of the files decides nothing.
        var repo = CliRunner.TempRepository();
        const string body = "FROM alpine:3.20\nLABEL My_Key=1\nRUN echo a\nRUN echo b\nCMD [\"sh\"]\n";
        string a = CliRunner.Write(repo, "a/Dockerfile", body);
        CliRunner.Write(repo, "b/Dockerfile", body);
        CliRunner.Write(repo, "a/.hadolint.yaml", "ignored: []\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", repo);
        Assert.AreEqual(
            $"{a}(2,7): style COPT2048: Label key 'My_Key' is invalid: it must start with a lower-case letter. Use lower-case reverse-DNS keys of letters, digits, '.' and '-' (e.g. org.opencontainers.image.version).\n"
            + $"{a}(4,1): info COPT2059: Merge this RUN into the RUN before it ('&&'): consecutive single-command RUNs make a layer each.\n",
            stdout);
        Assert.AreEqual("2 file(s): 0 error(s), 0 warning(s), 1 info, 1 style, 2 suggestion(s) not shown (--format json, or --mode all, shows them).\n", stderr);
        Assert.AreEqual(0, code);
    }

    [TestMethod]
    public void The_nearest_file_of_each_kind_wins()
    {
        var repo = CliRunner.TempRepository();
        var p = CliRunner.Write(repo, "src/Api/Dockerfile", Body);
        CliRunner.Write(repo, ".hadolint.yaml", "ignored: [DL3008, DL3009, DL3015]\n");
        string near = CliRunner.Write(repo, "src/.hadolint.yml", "ignored: [DL3006, DL3009, DL3015]\n");
        string own = CliRunner.Write(repo, "containeropt.yaml", "rules:\n  COPT2008: error\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", p, "-V");
        Assert.AreEqual($"{p}(2,42): error COPT2008: Pin the version of 'curl' in apt-get install (apt-get install curl=<version>) so rebuilds install the same versions.\n", stdout);
        StringAssert.StartsWith(stderr, $"containeropt: configuration: {near}, {own}\n");
        Assert.AreEqual(1, code);
    }

    [TestMethod]
    public void The_search_stops_at_the_repository_root()
    {
        var outer = CliRunner.TempFolder("outer");
        CliRunner.Write(outer, ".hadolint.yaml", "ignored: [DL3008]\n");
        string repo = Path.Combine(outer, "repo");
        // A worktree's or submodule's .git is a file: it marks the root all the same.
        CliRunner.Write(repo, ".git", "gitdir: /elsewhere\n");
        var p = CliRunner.Write(repo, "src/Dockerfile", Body);
        var (_, stdout, stderr) = CliRunner.Run("lint", p, "--mode", "hadolint", "--ignore", "DL3009", "--ignore", "DL3015", "-V");
        Assert.AreEqual(NoTag(p) + Pin(p), stdout);
        StringAssert.StartsWith(stderr, $"containeropt: no configuration file in {Path.Combine(repo, "src")}, {repo} or ");
    }

    [TestMethod]
    public void A_context_beside_the_dockerfile_is_searched_right_after_its_folder()
    {
        var repo = CliRunner.TempRepository();
        var p = CliRunner.Write(repo, "docker/Dockerfile", Body);
        CliRunner.Write(repo, ".hadolint.yaml", "ignored: [DL3008, DL3009, DL3015]\n");
        string context = Path.Combine(repo, "app");
        CliRunner.Write(repo, "app/.hadolint.yaml", "ignored: [DL3006, DL3009, DL3015]\n");
        var (_, stdout, _) = CliRunner.Run("lint", p, "--context", context);
        Assert.AreEqual(Pin(p), stdout);
    }

    [TestMethod]
    public void The_users_hadolint_files_apply_when_the_repository_has_none_in_hadolints_order()
    {
        var repo = CliRunner.TempRepository();
        var p = CliRunner.Write(repo, "Dockerfile", Body);
        string home = CliRunner.TempFolder("home");
        CliRunner.Write(home, ".hadolint.yaml", "ignored: [DL3006, DL3009, DL3015]\n");
        Assert.AreEqual(Pin(p), CliRunner.RunWith(null, Home(home), "lint", p).Stdout, "~/.hadolint.yaml");

        CliRunner.Write(home, ".hadolint/config.yaml", "ignored: [DL3008, DL3009, DL3015]\n");
        Assert.AreEqual(NoTag(p), CliRunner.RunWith(null, Home(home), "lint", p).Stdout, "~/.hadolint/config.yaml before ~/.hadolint.yaml");

        CliRunner.Write(home, ".config/hadolint.yml", "ignored: [DL3006, DL3008, DL3009]\n");
        StringAssert.Contains(CliRunner.RunWith(null, Home(home), "lint", p).Stdout, "COPT2015", "~/.config/hadolint.yml first");

        string xdg = CliRunner.TempFolder("xdg");
        string xdgFile = CliRunner.Write(xdg, "hadolint.yaml", "ignored: [DL3006, DL3009, DL3015]\n");
        var env = new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = xdg };
        var (_, stdout, stderr) = CliRunner.RunWith(null, env, "lint", p, "-V");
        Assert.AreEqual(Pin(p), stdout, "$XDG_CONFIG_HOME/hadolint.yaml instead of ~/.config");
        StringAssert.StartsWith(stderr, $"containeropt: configuration: {xdgFile}\n");

        CliRunner.Write(repo, ".hadolint.yaml", "ignored: [DL3008, DL3009, DL3015]\n");
        Assert.AreEqual(NoTag(p), CliRunner.RunWith(null, env, "lint", p).Stdout, "the repository's file, and only it");
    }

    [TestMethod]
    public void Verbose_names_every_place_searched_when_none_has_a_configuration()
    {
        var repo = CliRunner.TempRepository();
        var p = CliRunner.Write(repo, "src/Dockerfile", "FROM alpine:3.20\n");
        string home = CliRunner.TempFolder("home");
        var (_, _, stderr) = CliRunner.RunWith(null, Home(home), "lint", p, "-V");
        StringAssert.StartsWith(stderr, $"containeropt: no configuration file in {Path.Combine(repo, "src")}, {repo} or "
            + $"{home}/.config/hadolint.yaml, {home}/.config/hadolint.yml, {home}/.hadolint/hadolint.yaml, {home}/.hadolint/hadolint.yml, "
            + $"{home}/.hadolint/config.yaml, {home}/.hadolint/config.yml, {home}/.hadolint.yaml, {home}/.hadolint.yml.\n");
    }

    [TestMethod]
    public void The_tool_reads_the_users_configuration_from_HOME()
    {
        var repo = CliRunner.TempRepository();
        var p = CliRunner.Write(repo, "Dockerfile", Body);
        string home = CliRunner.TempFolder("home");
        CliRunner.Write(home, ".config/hadolint.yaml", "ignored: [DL3006, DL3009, DL3015]\n");
        var (code, stdout, stderr) = CliRunner.RunProcess(repo, null, new Dictionary<string, string> { ["HOME"] = home, ["XDG_CONFIG_HOME"] = "" }, "lint", p);
        Assert.AreEqual(Pin(p), stdout, stderr);
        Assert.AreEqual(0, code);
    }
}
