using System.Text.Json;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Cli.Tests;

[TestClass]
public sealed class ParseCommandTests
{
    public static IEnumerable<object[]> ParserCases => Corpus.Folders("buildkit", "parser");

    [TestMethod]
    [DynamicData(nameof(ParserCases))]
    public void Buildkit_format_prints_exactly_the_corpus_result(string name)
    {
        var dir = Corpus.Require("buildkit", "parser", name);
        var (code, stdout, stderr) = CliRunner.Run("parse", Path.Combine(dir, "Dockerfile"), "--format", "buildkit");
        Assert.AreEqual(0, code, stderr);
        Assert.AreEqual(File.ReadAllText(Path.Combine(dir, "result")), stdout);
    }

    [TestMethod]
    public void Negative_case_exits_1_with_a_positioned_coded_error()
    {
        var path = Path.Combine(Corpus.Require("buildkit", "parser-negative", "env_no_value"), "Dockerfile");
        var (code, stdout, stderr) = CliRunner.Run("parse", path);
        Assert.AreEqual(1, code);
        Assert.AreEqual("", stdout);
        StringAssert.Matches(stderr, new System.Text.RegularExpressions.Regex(@"Dockerfile\(\d+,\d+\): error COPT1000: ENV must have two arguments"));
    }

    [TestMethod]
    public void Json_format_gives_spans_of_every_token()
    {
        var path = CliRunner.TempFile("FROM alpine:3.20 AS base\nCOPY --from=base --chown=1:1 a /b/\n");
        var (code, stdout, _) = CliRunner.Run("parse", path, "--format", "json");
        Assert.AreEqual(0, code);
        var root = JsonDocument.Parse(stdout).RootElement;
        var copy = root.GetProperty("instructions")[1];
        Assert.AreEqual("COPY", copy.GetProperty("instruction").GetString());
        var chown = copy.GetProperty("flags")[1];
        Assert.AreEqual("chown", chown.GetProperty("name").GetString());
        Assert.AreEqual("1:1", chown.GetProperty("value").GetString());
        Assert.AreEqual(2, chown.GetProperty("span").GetProperty("line").GetInt32());
        Assert.AreEqual(18, chown.GetProperty("span").GetProperty("column").GetInt32());
        Assert.AreEqual(29, chown.GetProperty("span").GetProperty("endColumn").GetInt32());
        var dest = copy.GetProperty("arguments")[1];
        Assert.AreEqual("/b/", dest.GetProperty("value").GetString());
        Assert.AreEqual(32, dest.GetProperty("span").GetProperty("column").GetInt32());
    }

    [TestMethod]
    public void Missing_file_is_a_coded_error_with_exit_2()
    {
        var (code, stdout, stderr) = CliRunner.Run("parse", "/nonexistent/Dockerfile");
        Assert.AreEqual(2, code);
        Assert.AreEqual("", stdout);
        StringAssert.Contains(stderr, "error COPT0001: The Dockerfile '/nonexistent/Dockerfile' does not exist.");
    }

    [TestMethod]
    public void Unknown_format_is_a_usage_error()
    {
        var (code, _, stderr) = CliRunner.Run("parse", "Dockerfile", "--format", "yaml");
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "--format must be one of: buildkit, json");
    }
}
