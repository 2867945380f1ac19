using System.Text;

namespace ContainerOpt.Cli.Tests;

[TestClass]
public sealed class FixCommandTests
{
    /// <summary>A Dockerfile in a folder of its own, with a .dockerignore (so the missing-.dockerignore rule stays out of the report).</summary>
    private static string Dockerfile(string content)
    {
        string path = CliRunner.TempFile(content);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(path)!, ".dockerignore"), "bin/\nobj/\n");
        return path;
    }

    [TestMethod]
    public void Fixes_in_place_and_reports_what_it_fixed_and_what_it_left()
    {
        string path = Dockerfile("FROM alpine:3.20\nENV GREETING hello\nMAINTAINER me\nCMD serve --port 80\nRUN echo $((1+1)) > /n\n");
        // What warns in the mode is fixed; the style checks (`ENV key value`, MAINTAINER) are suggestions in it, fixed when named.
        var (code, stdout, stderr) = CliRunner.Run("fix", path);
        Assert.AreEqual("", stderr);
        Assert.AreEqual(
            $"{path}(4): fixed COPT1106 json-args-recommended: Write CMD in exec form\n" +
            "fixed 1 finding(s) in 1 of 1 Dockerfile(s); 0 left\n", stdout);
        Assert.AreEqual(0, code);
        (code, stdout, stderr) = CliRunner.Run("fix", path, "--rule", "legacy-key-value-format", "--rule", "DL4000");
        Assert.AreEqual("", stderr);
        Assert.AreEqual(
            $"{path}(2): fixed COPT1112 legacy-key-value-format: Write ENV GREETING=…\n" +
            $"{path}(3): fixed COPT1107 maintainer-deprecated: Replace MAINTAINER with the authors label\n" +
            "fixed 2 finding(s) in 1 of 1 Dockerfile(s); 0 left\n", stdout);
        Assert.AreEqual(0, code);
        Assert.AreEqual("FROM alpine:3.20\nENV GREETING=hello\nLABEL org.opencontainers.image.authors=\"me\"\nCMD [\"serve\", \"--port\", \"80\"]\nRUN echo $((1+1)) > /n\n",
            File.ReadAllText(path));
        var again = CliRunner.Run("fix", path);
        Assert.AreEqual("fixed 0 finding(s) in 0 of 1 Dockerfile(s); 0 left\n", again.Stdout, "a second run changes nothing");
    }

    [TestMethod]
    public void Dry_run_prints_a_unified_diff_and_changes_nothing()
    {
        const string text = "FROM alpine:3.20\nRUN apk add curl\nCMD curl --version\n";
        string path = Dockerfile(text);
        // DL3019 names hadolint's apk rule, and COPT3004, which stands for it on this line (recommended mode): its fixer fixes it.
        var (code, stdout, stderr) = CliRunner.Run("fix", path, "--dry-run", "--rule", "DL3019", "--rule", "JSONArgsRecommended");
        Assert.AreEqual(0, code);
        Assert.AreEqual(text, File.ReadAllText(path));
        Assert.AreEqual(
            $"--- {path}\n+++ {path}\n@@ -1,3 +1,3 @@\n FROM alpine:3.20\n-RUN apk add curl\n-CMD curl --version\n+RUN apk add --no-cache curl\n+CMD [\"curl\", \"--version\"]\n",
            stdout);
        Assert.AreEqual(
            $"{path}(2): fixed COPT3004 package-cache-left: Keep the package cache out of the layer\n" +
            $"{path}(3): fixed COPT1106 json-args-recommended: Write CMD in exec form\n" +
            "would fix 2 finding(s) in 1 of 1 Dockerfile(s); 0 left\n", stderr);
    }

    [TestMethod]
    public void A_relative_path_gets_a_and_b_prefixes_in_the_diff()
    {
        string path = Dockerfile("FROM alpine:3.20\nCMD serve\n");
        string relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path).Replace('\\', '/');
        var (_, stdout, _) = CliRunner.Run("fix", relative, "--dry-run");
        StringAssert.StartsWith(stdout, $"--- a/{relative}\n+++ b/{relative}\n@@ -1,2 +1,2 @@\n");
    }

    [TestMethod]
    public void Rules_without_a_fix_are_reported_as_left_and_an_error_left_exits_1()
    {
        string path = Dockerfile("FROM alpine:3.20 AS app\nCOPY --from=app /a /a\nCMD serve\n");
        var (code, stdout, _) = CliRunner.Run("fix", path, "--rule", "COPT2023", "--rule", "COPT1106");
        Assert.AreEqual(
            $"{path}(3): fixed COPT1106 json-args-recommended: Write CMD in exec form\n" +
            $"{path}(2): left COPT2023 copy-from-self: no automatic fix\n" +
            "fixed 1 finding(s) in 1 of 1 Dockerfile(s); 1 left\n", stdout);
        Assert.AreEqual(1, code, "COPY --from its own stage is an error the fix leaves");
    }

    [TestMethod]
    public void A_file_that_does_not_parse_is_not_changed()
    {
        const string text = "FROM alpine:3.20\nMAINTAINER me\nRUN <<EOF\necho\n";
        string path = Dockerfile(text);
        var (code, stdout, _) = CliRunner.Run("fix", path);
        Assert.AreEqual(1, code);
        Assert.AreEqual(text, File.ReadAllText(path));
        StringAssert.StartsWith(stdout, $"{path}(3,1): error COPT0030: '{path}' was not fixed: it does not parse (");
        StringAssert.EndsWith(stdout, "fixed 0 finding(s) in 0 of 1 Dockerfile(s); 0 left\n");
    }

    [TestMethod]
    public void Crlf_and_the_byte_order_mark_are_kept()
    {
        string path = Dockerfile("");
        File.WriteAllBytes(path, Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("FROM alpine:3.20\r\nENV A b\r\n")).ToArray());
        var (code, _, _) = CliRunner.Run("fix", path, "--rule", "COPT1112");
        Assert.AreEqual(0, code);
        CollectionAssert.AreEqual(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("FROM alpine:3.20\r\nENV A=b\r\n")).ToArray(), File.ReadAllBytes(path));
    }

    [TestMethod]
    public void A_file_that_is_not_utf8_is_not_written()
    {
        string path = Dockerfile("");
        var bytes = Encoding.UTF8.GetBytes("FROM alpine:3.20\n# caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\nENV A b\n")).ToArray();
        File.WriteAllBytes(path, bytes);
        var (code, _, stderr) = CliRunner.Run("fix", path, "--rule", "COPT1112");
        Assert.AreEqual(1, code);
        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(path));
        Assert.AreEqual($"{path}(1,1): error COPT0031: '{path}' was not written: it is not valid UTF-8, and writing the fixed text would change bytes no fix touched. Nothing in it was changed.\n", stderr);
    }

    [TestMethod]
    public void Usage_problems_exit_2()
    {
        Assert.AreEqual(2, CliRunner.Run("fix").ExitCode);
        var unknown = CliRunner.Run("fix", "Dockerfile", "--rule", "NoSuchRule");
        Assert.AreEqual(2, unknown.ExitCode);
        Assert.AreEqual("containeropt: --rule: no rule is named 'NoSuchRule'.\nRun 'containeropt fix --help' for usage.\n", unknown.Stderr);
        var missing = CliRunner.Run("fix", Path.Combine(Path.GetTempPath(), "containeropt-tests", "no-such-dir", "Dockerfile"));
        Assert.AreEqual(2, missing.ExitCode);
        StringAssert.Contains(missing.Stderr, "error COPT0001:");
    }

    [TestMethod]
    public void Help_describes_the_command()
    {
        var (code, stdout, _) = CliRunner.Run("fix", "--help");
        Assert.AreEqual(0, code);
        StringAssert.StartsWith(stdout, "Description:\n  Fix what the fixable rules report ('containeropt rules' marks them), in place and atomically;");
        StringAssert.Contains(stdout, " fix <PATH>... [options]\n"); // in process the usage line names the test host; the snapshot test runs the tool
        StringAssert.Contains(stdout, "  --dry-run ");
    }
}
