using System.Text.Json;

namespace ContainerOpt.Tasks.Tests;

/// <summary>AnalyzeDockerfile's ErrorLog (ContainerOptErrorLog): the SARIF of what the build reported, from the cache too.</summary>
[TestClass]
public sealed class ErrorLogTaskTests
{
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "containeropt-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    [TestMethod]
    public void The_log_holds_the_findings_as_reported_after_the_warning_switches_and_the_cache_gives_the_same_log()
    {
        string dockerfile = Path.Combine(_dir, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM alpine:3.20 AS Final\nCMD echo hi\nRUN pip install flask==3.0.3\nRUN pip install gunicorn==23.0.0\n");
        string log = Path.Combine(_dir, "out", "log.sarif");
        string cache = Path.Combine(_dir, "obj", "containeropt.cache");
        AnalyzeDockerfile Task(RecordingBuildEngine engine) => new()
        {
            BuildEngine = engine,
            Dockerfile = dockerfile,
            CacheFile = cache,
            ErrorLog = log,
            NoWarn = "COPT1106",
            WarningsAsErrors = "COPT1100",
        };

        var first = new RecordingBuildEngine();
        Assert.IsFalse(Task(first).Execute(), "COPT1100 is an error now");
        string sarif = File.ReadAllText(log);
        var results = JsonDocument.Parse(sarif).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        // COPT1106 (CMD in shell form) is NoWarn'd; COPT1100 is raised to error, as logged; the pip cache is one finding with a related location.
        CollectionAssert.AreEquivalent(first.Coded.Select(c => c.Split(' ')[1]).ToArray(), results.Select(r => r.GetProperty("ruleId").GetString()).ToArray());
        Assert.AreEqual("error", results.Single(r => r.GetProperty("ruleId").GetString() == "COPT1100").GetProperty("level").GetString());
        Assert.IsFalse(results.Any(r => r.GetProperty("ruleId").GetString() == "COPT1106"));
        // The log offers each fixable finding's fix, as `containeropt lint --format sarif` does: the stage renamed.
        AssertRenameFix(results);
        var cacheFinding = results.Single(r => r.GetProperty("ruleId").GetString() == "COPT3004");
        Assert.AreEqual(4, cacheFinding.GetProperty("relatedLocations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.AreEqual(new Uri(dockerfile).AbsoluteUri,
            cacheFinding.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());

        File.Delete(log);
        var second = new RecordingBuildEngine();
        Assert.IsFalse(Task(second).Execute());
        Assert.IsTrue(second.Messages.Any(m => m.Message?.Contains("re-logged from", StringComparison.Ordinal) == true), "the second run reads the cache");
        Assert.AreEqual(sarif, File.ReadAllText(log), "the cache keeps fingerprints, related locations and fixes: the same log");
    }

    [TestMethod]
    public void Findings_cached_by_a_build_without_the_log_do_not_make_a_log_without_fixes()
    {
        string dockerfile = Path.Combine(_dir, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM alpine:3.20 AS Final\n");
        string cache = Path.Combine(_dir, "obj", "containeropt.cache");
        string log = Path.Combine(_dir, "log.sarif");
        Assert.IsTrue(new AnalyzeDockerfile { BuildEngine = new RecordingBuildEngine(), Dockerfile = dockerfile, CacheFile = cache }.Execute());

        var withLog = new RecordingBuildEngine();
        Assert.IsTrue(new AnalyzeDockerfile { BuildEngine = withLog, Dockerfile = dockerfile, CacheFile = cache, ErrorLog = log }.Execute());
        Assert.IsFalse(withLog.Messages.Any(m => m.Message?.Contains("re-logged from", StringComparison.Ordinal) == true), "a cache without fixes is a miss");
        AssertRenameFix(JsonDocument.Parse(File.ReadAllText(log)).RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList());
    }

    private static void AssertRenameFix(List<JsonElement> results)
    {
        var fix = results.Single(r => r.GetProperty("ruleId").GetString() == "COPT1100").GetProperty("fixes")[0];
        var replacement = fix.GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.AreEqual("final", replacement.GetProperty("insertedContent").GetProperty("text").GetString());
        var region = replacement.GetProperty("deletedRegion");
        Assert.AreEqual(1, region.GetProperty("startLine").GetInt32());
        Assert.AreEqual(21, region.GetProperty("startColumn").GetInt32());
        Assert.AreEqual(26, region.GetProperty("endColumn").GetInt32());
    }

    [TestMethod]
    public void A_log_that_cannot_be_written_is_COPT0007()
    {
        string dockerfile = Path.Combine(_dir, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM alpine:3.20 AS final\n");
        string blocked = Path.Combine(_dir, "blocked");
        File.WriteAllText(blocked, "a file where the log's folder should be");
        var engine = new RecordingBuildEngine();
        var task = new AnalyzeDockerfile { BuildEngine = engine, Dockerfile = dockerfile, ErrorLog = Path.Combine(blocked, "log.sarif") };

        Assert.IsFalse(task.Execute());
        CollectionAssert.AreEqual(new[] { "error COPT0007 log.sarif(0,0)" }, engine.Coded.ToArray());
    }

    [TestMethod]
    public void A_missing_default_Dockerfile_writes_an_empty_log()
    {
        string log = Path.Combine(_dir, "log.sarif");
        var task = new AnalyzeDockerfile { BuildEngine = new RecordingBuildEngine(), Dockerfile = Path.Combine(_dir, "Dockerfile"), DockerfileIsDefault = true, ErrorLog = log };
        Assert.IsTrue(task.Execute());
        var run = JsonDocument.Parse(File.ReadAllText(log)).RootElement.GetProperty("runs")[0];
        Assert.AreEqual(0, run.GetProperty("results").GetArrayLength());
        Assert.IsTrue(run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean());
    }
}
