using ContainerOpt.TestSupport;

namespace ContainerOpt.Tasks.Tests;

/// <summary>
/// NoWarn, WarningsAsErrors and WarningsNotAsErrors take a finding's other names as well as its code: its rule's short
/// name, a DL code or BuildKit check name, and the SC code of a ShellCheck finding (COPT2200) — also when the findings come back from
/// the cache in obj/.
/// </summary>
[TestClass]
public sealed class EquivalentNameTests
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

    private (AnalyzeDockerfile Task, RecordingBuildEngine Engine) Analyze(string text, Action<AnalyzeDockerfile> configure)
    {
        string dockerfile = Path.Combine(_dir, "Dockerfile");
        File.WriteAllText(dockerfile, text);
        var engine = new RecordingBuildEngine();
        var task = new AnalyzeDockerfile { BuildEngine = engine, Dockerfile = dockerfile };
        configure(task);
        task.Execute();
        return (task, engine);
    }

    [TestMethod]
    public void Hadolint_and_BuildKit_names_and_the_short_name_work_in_NoWarn_and_WarningsAsErrors()
    {
        const string text = "FROM alpine:3.20\nCMD echo hi\n";
        Assert.AreEqual(0, Analyze(text, t => t.NoWarn = "DL3025").Engine.Coded.Count);
        Assert.AreEqual(0, Analyze(text, t => t.NoWarn = "CS8600;json-args-recommended").Engine.Coded.Count);
        CollectionAssert.AreEqual(new[] { "error COPT1106 Dockerfile(2,5)" }, Analyze(text, t => t.WarningsAsErrors = "json-args-recommended").Engine.Coded.ToArray());
        CollectionAssert.AreEqual(new[] { "error COPT1106 Dockerfile(2,5)" }, Analyze(text, t => t.WarningsAsErrors = "JSONArgsRecommended").Engine.Coded.ToArray());
        CollectionAssert.AreEqual(new[] { "warning COPT1106 Dockerfile(2,5)" },
            Analyze(text, t => { t.TreatWarningsAsErrors = true; t.WarningsNotAsErrors = "DL3025"; }).Engine.Coded.ToArray());
    }

    [TestMethod]
    public void ShellCheck_codes_work_in_NoWarn_and_WarningsAsErrors_also_from_the_cache()
    {
        ShellCheckInstalled.Require();
        // Recommended: SC3010 (a bashism under /bin/sh) and SC2157 (a constant test) warn.
        const string text = "FROM alpine:3.20\nRUN [[ -n lit ]]\n";
        string cache = Path.Combine(_dir, "obj", "containeropt.cache");
        var (first, all) = Analyze(text, t => t.CacheFile = cache);
        CollectionAssert.AreEqual(new[] { "warning COPT2200 Dockerfile(2,5)", "warning COPT2200 Dockerfile(2,11)" }, all.Coded.ToArray());
        Assert.AreEqual("SC3010", first.Findings[0].GetMetadata("Equivalents"));

        var (_, cachedNoWarn) = Analyze(text, t => { t.CacheFile = cache; t.NoWarn = "SC3010"; });
        CollectionAssert.AreEqual(new[] { "warning COPT2200 Dockerfile(2,11)" }, cachedNoWarn.Coded.ToArray());
        Assert.IsTrue(cachedNoWarn.Messages.Any(m => m.Message?.Contains("re-logged", StringComparison.Ordinal) == true), "not from the cache");

        var (_, promoted) = Analyze(text, t => { t.CacheFile = cache; t.WarningsAsErrors = "SC2157"; });
        CollectionAssert.AreEqual(new[] { "error COPT2200 Dockerfile(2,11)", "warning COPT2200 Dockerfile(2,5)" }, promoted.Coded.ToArray());
    }
}
