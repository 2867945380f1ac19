using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks.Tests;

/// <summary>
/// The analysis task takes severities from the Dockerfile's .editorconfig and .globalconfig files and from the project's
/// @(EditorConfigFiles) and @(GlobalAnalyzerConfigFiles); NoWarn, WarningsAsErrors, WarningsNotAsErrors and
/// TreatWarningsAsErrors keep their place above them, as for the compiler's warnings; an edit to a file re-runs the analysis.
/// </summary>
[TestClass]
public sealed class EditorConfigTaskTests
{
    /// <summary>COPT1100 (StageNameCasing) warns at (1,21), COPT1106 (JSONArgsRecommended, DL3025) at (2,5).</summary>
    private const string Text = "FROM alpine:3.20 AS Build\nCMD echo hi\n";

    private string _dir = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "containeropt-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, ".editorconfig"), "root = true\n");
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private string Write(string relative, string text)
    {
        string path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private (AnalyzeDockerfile Task, RecordingBuildEngine Engine) Analyze(Action<AnalyzeDockerfile>? configure = null)
    {
        string dockerfile = Write("app/Dockerfile", Text);
        var engine = new RecordingBuildEngine();
        var task = new AnalyzeDockerfile { BuildEngine = engine, Dockerfile = dockerfile, ProjectPath = Path.Combine(_dir, "app", "App.csproj") };
        configure?.Invoke(task);
        task.Execute();
        return (task, engine);
    }

    private void EditorConfig(string settings) => Write("app/.editorconfig", "[Dockerfile]\n" + settings);

    [TestMethod]
    public void The_dockerfiles_own_files_and_the_projects_items_set_severities()
    {
        EditorConfig("dotnet_diagnostic.StageNameCasing.severity = error\n");
        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)", "warning COPT1106 Dockerfile(2,5)" }, Analyze().Engine.Coded.ToArray());

        string company = Write("build/company.globalconfig", "is_global = true\ndotnet_diagnostic.DL3025.severity = suggestion\n");
        string elsewhere = Write("elsewhere/.editorconfig", "[*]\ndotnet_diagnostic.COPT1100.severity = none\n");
        var (_, engine) = Analyze(t =>
        {
            t.GlobalAnalyzerConfigFiles = new[] { new TaskItem(company), new TaskItem(Path.Combine(_dir, "app", ".globalconfig")) };
            t.EditorConfigFiles = new[] { new TaskItem(elsewhere) };
        });
        // The listed .editorconfig is not above the Dockerfile: it does not apply.
        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)", "message COPT1106 Dockerfile(2,5)" }, engine.Coded.ToArray());
    }

    [TestMethod]
    public void NoWarn_and_the_warnings_as_errors_switches_keep_their_place_above_the_files()
    {
        EditorConfig("dotnet_analyzer_diagnostic.severity = error\n");
        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)", "error COPT1106 Dockerfile(2,5)" }, Analyze().Engine.Coded.ToArray());
        // NoWarn silences a rule the files made an error, as /nowarn does in the compiler.
        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)" }, Analyze(t => t.NoWarn = "CS1591;DL3025").Engine.Coded.ToArray());

        EditorConfig("dotnet_diagnostic.COPT1106.severity = none\ndotnet_diagnostic.COPT1100.severity = error\n");
        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)", "error COPT1106 Dockerfile(2,5)" },
            Analyze(t => t.WarningsAsErrors = "JSONArgsRecommended").Engine.Coded.ToArray());
        CollectionAssert.AreEqual(new[] { "warning COPT1100 Dockerfile(1,21)" },
            Analyze(t => t.WarningsNotAsErrors = "stage-name-casing").Engine.Coded.ToArray());

        EditorConfig("dotnet_diagnostic.COPT1106.severity = suggestion\n");
        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)", "message COPT1106 Dockerfile(2,5)" },
            Analyze(t => t.TreatWarningsAsErrors = true).Engine.Coded.ToArray());
    }

    [TestMethod]
    public void An_edit_to_an_editorconfig_runs_the_analysis_again_and_nothing_changed_relogs_it_from_the_cache()
    {
        string cache = Path.Combine(_dir, "app", "obj", "containeropt.cache");
        EditorConfig("dotnet_diagnostic.COPT1100.severity = error\n");
        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)", "warning COPT1106 Dockerfile(2,5)" }, Analyze(t => t.CacheFile = cache).Engine.Coded.ToArray());

        var (_, again) = Analyze(t => t.CacheFile = cache);
        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)", "warning COPT1106 Dockerfile(2,5)" }, again.Coded.ToArray());
        Assert.IsTrue(again.Messages.Any(m => m.Message?.Contains("re-logged", StringComparison.Ordinal) == true), "nothing changed: from the cache");

        EditorConfig("dotnet_diagnostic.COPT1100.severity = none\n");
        var (_, edited) = Analyze(t => t.CacheFile = cache);
        CollectionAssert.AreEqual(new[] { "warning COPT1106 Dockerfile(2,5)" }, edited.Coded.ToArray());
        Assert.IsFalse(edited.Messages.Any(m => m.Message?.Contains("re-logged", StringComparison.Ordinal) == true), "an edited .editorconfig must be analysed again");

        // With settings in force, a change of NoWarn is a change of the analysis' input too.
        var (_, noWarn) = Analyze(t => { t.CacheFile = cache; t.NoWarn = "COPT1100"; });
        CollectionAssert.AreEqual(new[] { "warning COPT1106 Dockerfile(2,5)" }, noWarn.Coded.ToArray());
        Assert.IsFalse(noWarn.Messages.Any(m => m.Message?.Contains("re-logged", StringComparison.Ordinal) == true));
    }

    [TestMethod]
    public void A_bad_setting_is_a_COPT0018_warning_in_the_editorconfig()
    {
        EditorConfig("dotnet_diagnostic.COPT1100.severity = eror\n");
        var (_, engine) = Analyze();
        CollectionAssert.AreEqual(new[] { "warning COPT0018 .editorconfig(2,39)", "warning COPT1100 Dockerfile(1,21)", "warning COPT1106 Dockerfile(2,5)" },
            engine.Coded.ToArray());
        Assert.AreEqual(Path.Combine(_dir, "app", ".editorconfig"), engine.Warnings[0].File);
        Assert.AreEqual(2, engine.Warnings[0].EndLineNumber);
        Assert.AreEqual(43, engine.Warnings[0].EndColumnNumber);
    }
}
