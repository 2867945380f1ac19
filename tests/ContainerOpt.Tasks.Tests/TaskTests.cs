using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks.Tests;

/// <summary>The task adapters: one diagnostics path, codes that say what happened, never MSB4018.</summary>
[TestClass]
public sealed class TaskTests
{
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "containeropt-task-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void DeleteFolder()
    {
        foreach (var file in Directory.EnumerateFiles(_dir, "*", SearchOption.AllDirectories))
        {
            File.SetAttributes(file, FileAttributes.Normal);
        }
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static (T Task, RecordingBuildEngine Engine) Make<T>(Action<T> configure) where T : Microsoft.Build.Utilities.Task, new()
    {
        var engine = new RecordingBuildEngine();
        var task = new T { BuildEngine = engine };
        configure(task);
        return (task, engine);
    }

    [TestMethod]
    public void The_configuration_at_the_repository_root_applies_to_a_project_below_and_none_above_it()
    {
        Write(".hadolint.yaml", "ignored: [StageNameCasing]\n");
        Directory.CreateDirectory(Path.Combine(_dir, "repo", ".git"));
        Write("repo/containeropt.yaml", "rules:\n  StageNameCasing: error\n");
        string dockerfile = Write("repo/src/Api/Dockerfile", "FROM alpine:3.20 AS Final\n");
        var (task, engine) = Make<AnalyzeDockerfile>(t => t.Dockerfile = dockerfile);

        Assert.IsFalse(task.Execute());

        CollectionAssert.AreEqual(new[] { "error COPT1100 Dockerfile(1,21)" }, engine.Coded.ToArray());
    }

    [TestMethod]
    public void Findings_are_logged_at_their_span_with_their_code_and_help_link()
    {
        string dockerfile = Write("Dockerfile", "FROM alpine:3.20 AS Final\n");
        var (task, engine) = Make<AnalyzeDockerfile>(t => t.Dockerfile = dockerfile);

        Assert.IsTrue(task.Execute());

        CollectionAssert.AreEqual(new[] { "warning COPT1100 Dockerfile(1,21)" }, engine.Coded.ToArray());
        var w = engine.Warnings.Single();
        Assert.AreEqual(1, w.EndLineNumber);
        Assert.AreEqual(26, w.EndColumnNumber);
        StringAssert.EndsWith(w.HelpLink, "docs/rules/COPT1100.md");
        Assert.AreEqual("COPT1100", task.Findings.Single().ItemSpec);
        Assert.AreEqual("warning", task.Findings.Single().GetMetadata("Severity"));
    }

    [TestMethod]
    public void NoWarn_silences_and_WarningsAsErrors_promotes_but_WarningsNotAsErrors_wins()
    {
        string dockerfile = Write("Dockerfile", "FROM alpine:3.20 AS Final\nCMD echo hi\n");
        var (silenced, quiet) = Make<AnalyzeDockerfile>(t => { t.Dockerfile = dockerfile; t.NoWarn = "COPT1100;COPT1106"; });
        Assert.IsTrue(silenced.Execute());
        Assert.AreEqual(0, quiet.Coded.Count);

        var (promoted, loud) = Make<AnalyzeDockerfile>(t => { t.Dockerfile = dockerfile; t.TreatWarningsAsErrors = true; t.WarningsNotAsErrors = "COPT1106"; });
        Assert.IsFalse(promoted.Execute());
        CollectionAssert.AreEquivalent(new[] { "error COPT1100 Dockerfile(1,21)", "warning COPT1106 Dockerfile(2,5)" }, loud.Coded.ToArray());
    }

    [TestMethod]
    public void A_named_Dockerfile_that_is_missing_is_COPT0001_and_the_default_one_is_silent()
    {
        string missing = Path.Combine(_dir, "Nope.Dockerfile");
        var (named, engine) = Make<AnalyzeDockerfile>(t => t.Dockerfile = missing);
        Assert.IsFalse(named.Execute());
        CollectionAssert.AreEqual(new[] { "error COPT0001 Nope.Dockerfile(1,1)" }, engine.Coded.ToArray());

        var (byDefault, silent) = Make<AnalyzeDockerfile>(t => { t.Dockerfile = missing; t.DockerfileIsDefault = true; });
        Assert.IsTrue(byDefault.Execute());
        Assert.AreEqual(0, silent.Coded.Count);
    }

    [TestMethod]
    public void A_configuration_that_names_a_missing_file_is_COPT0005()
    {
        string dockerfile = Write("Dockerfile", "FROM alpine:3.20\n");
        var (task, engine) = Make<AnalyzeDockerfile>(t => { t.Dockerfile = dockerfile; t.ConfigFile = Path.Combine(_dir, "missing.yaml"); });
        Assert.IsFalse(task.Execute());
        CollectionAssert.AreEqual(new[] { "error COPT0005 missing.yaml(1,1)" }, engine.Coded.ToArray());
    }

    [TestMethod]
    public void A_generated_file_that_cannot_be_written_is_COPT0007_not_a_read_error()
    {
        string project = Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        // A file where the output folder should be: the folder cannot be created.
        string blocked = Write("out", "not a folder");
        var (task, engine) = Make<GenerateDockerfile>(t =>
        {
            t.ProjectPath = project;
            t.TargetFramework = "net10.0";
            t.OutputType = "Exe";
            t.AssemblyName = "App";
            t.OutputDirectory = blocked;
        });

        Assert.IsFalse(task.Execute());

        Assert.IsTrue(engine.Coded.Count > 0 && engine.Coded.All(c => c.StartsWith("error COPT0007 ", StringComparison.Ordinal)), string.Join("\n", engine.Coded));
        StringAssert.Contains(engine.Errors[0].Message, "could not be written");
    }

    private (GenerateDockerfile Task, RecordingBuildEngine Engine) Generator(string project, Action<GenerateDockerfile>? configure = null) =>
        Make<GenerateDockerfile>(t =>
        {
            t.ProjectPath = project;
            t.TargetFramework = "net10.0";
            t.OutputType = "Exe";
            t.AssemblyName = Path.GetFileNameWithoutExtension(project);
            configure?.Invoke(t);
        });

    [TestMethod]
    public void Generate_refusing_the_Dockerfile_writes_no_dockerignore_and_gives_no_hint()
    {
        string project = Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        string dockerfile = Write("app/Dockerfile", "FROM mine\n");
        var (task, engine) = Generator(project);

        Assert.IsFalse(task.Execute());

        CollectionAssert.AreEqual(new[] { "error COPT0006 Dockerfile(1,1)" }, engine.Coded.ToArray());
        Assert.AreEqual("FROM mine\n", File.ReadAllText(dockerfile), "the user's Dockerfile is untouched");
        Assert.IsFalse(File.Exists(Path.Combine(_dir, "app", ".dockerignore")), "nothing is written when one file is refused");
        Assert.IsFalse(engine.Messages.Any(m => m.Message!.Contains("docker build -f", StringComparison.Ordinal) || m.Message.Contains("wrote ", StringComparison.Ordinal)),
            string.Join("\n", engine.Messages.Select(m => m.Message)));
        Assert.IsTrue(engine.Messages.Any(m => m.Message == $"ContainerOpt: {Path.Combine(_dir, "app", ".dockerignore")} was left as it is: the generated files are written together or not at all"),
            string.Join("\n", engine.Messages.Select(m => m.Message)));
        Assert.IsNull(task.GeneratedDockerfile);
        Assert.AreEqual(0, Directory.GetFiles(_dir, "*.tmp", SearchOption.AllDirectories).Length, "no temporary files left");
    }

    [TestMethod]
    public void Generate_refusing_the_dockerignore_leaves_the_Dockerfile_unwritten()
    {
        string project = Write("app/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write("app/.dockerignore", "bin/\n");
        var (task, engine) = Generator(project);

        Assert.IsFalse(task.Execute());

        CollectionAssert.AreEqual(new[] { "error COPT0006 .dockerignore(1,1)" }, engine.Coded.ToArray());
        Assert.IsFalse(File.Exists(Path.Combine(_dir, "app", "Dockerfile")));
        Assert.AreEqual("bin/\n", File.ReadAllText(Path.Combine(_dir, "app", ".dockerignore")));
    }

    [TestMethod]
    [DataRow("Library", null, null, null, "it is a class library (OutputType Library)")]
    [DataRow("Exe", "true", null, null, "it is a test project (IsTestProject=true)")]
    [DataRow("Exe", null, "true", null, "it is a test project (IsTestingPlatformApplication=true)")]
    [DataRow("Exe", null, null, "xunit.v3", "it is a test project (a reference to xunit.v3)")]
    public void Generate_for_a_library_or_test_project_is_a_COPT0017_message_and_no_file(string outputType, string? isTestProject, string? platform, string? package, string reason)
    {
        string project = Write("lib/Lib.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        var (task, engine) = Generator(project, t =>
        {
            t.OutputType = outputType;
            t.IsTestProject = isTestProject;
            t.IsTestingPlatformApplication = platform;
            t.PackageReferences = package is null ? Array.Empty<ITaskItem>() : new ITaskItem[] { new TaskItem(package) };
        });

        Assert.IsTrue(task.Execute());

        CollectionAssert.AreEqual(new[] { "message COPT0017 Lib.csproj(0,0)" }, engine.Coded.ToArray());
        var message = engine.Messages.Single(m => m.Code == "COPT0017");
        Assert.AreEqual(MessageImportance.Normal, message.Importance);
        StringAssert.StartsWith(message.Message, $"No Dockerfile generated for 'Lib.csproj': {reason}");
        Assert.AreEqual(1, Directory.GetFiles(_dir, "*", SearchOption.AllDirectories).Length, "only the project: no Dockerfile, no .dockerignore");
        Assert.IsNull(task.GeneratedDockerfile);
    }

    [TestMethod]
    public void Generate_without_a_project_path_is_a_coded_configuration_error()
    {
        var (task, engine) = Make<GenerateDockerfile>(_ => { });
        Assert.IsFalse(task.Execute());
        // No file of its own: MSBuild places it at the project that runs the task.
        CollectionAssert.AreEqual(new[] { "error COPT0005 test.proj(0,0)" }, engine.Coded.ToArray());
    }

    [TestMethod]
    public void An_unknown_builder_is_COPT0005_at_the_project()
    {
        string dockerfile = Write("Dockerfile", "FROM alpine:3.20\n");
        var (task, engine) = Make<BuildContainerImage>(t => { t.Dockerfile = dockerfile; t.ProjectPath = Path.Combine(_dir, "App.csproj"); t.Builder = "kaniko"; });
        Assert.IsFalse(task.Execute());
        CollectionAssert.AreEqual(new[] { "error COPT0005 App.csproj(0,0)" }, engine.Coded.ToArray());
        StringAssert.Contains(engine.Errors[0].Message, "'kaniko' is not a builder");
    }

    [TestMethod]
    public void A_dive_ci_file_beside_the_project_is_read_before_the_build_and_an_invalid_one_stops_it_at_its_line()
    {
        string dockerfile = Write("docker/Dockerfile", "FROM alpine:3.20\n");
        string project = Write("app/App.csproj", "<Project />");
        string besideDockerfile = Write("docker/.dive-ci", "rules:\n  highestWastedBytes: lots\n");
        var (task, engine) = Make<BuildContainerImage>(t => { t.Dockerfile = dockerfile; t.ProjectPath = project; });
        Assert.IsFalse(task.Execute());
        // No .dive-ci beside the project: the Dockerfile's is read.
        CollectionAssert.AreEqual(new[] { "error COPT0019 .dive-ci(2,23)" }, engine.Coded.ToArray());
        Assert.AreEqual(besideDockerfile, engine.Errors[0].File);
        Assert.AreEqual($"Invalid .dive-ci file '{besideDockerfile}': 'rules.highestWastedBytes' is 'lots': dive reads a number of bytes with an optional unit (20MB, 20 MB, 1.5GiB, 500k; k, M, G are powers of 1000, Ki, Mi, Gi of 1024), or disabled.",
            engine.Errors[0].Message);

        // The project's own comes first.
        string besideProject = Write("app/.dive-ci", "rules:\n  lowestEfficiency: 2\n");
        (task, engine) = Make<BuildContainerImage>(t => { t.Dockerfile = dockerfile; t.ProjectPath = project; });
        Assert.IsFalse(task.Execute());
        CollectionAssert.AreEqual(new[] { "error COPT0019 .dive-ci(2,21)" }, engine.Coded.ToArray());
        Assert.AreEqual(besideProject, engine.Errors[0].File);

        // ContainerOptDiveCiFile names another (relative to the project), or none.
        Write("app/ci/dive.yaml", "rules:\n  unknownRule: 1\n  highestUserWastedPercent: 20\n");
        (task, engine) = Make<BuildContainerImage>(t => { t.Dockerfile = dockerfile; t.ProjectPath = project; t.DiveCiFile = "ci/dive.yaml"; });
        Assert.IsFalse(task.Execute());
        CollectionAssert.AreEqual(new[] { "error COPT0019 dive.yaml(3,29)", "warning COPT0019 dive.yaml(2,3)" }, engine.Coded.ToArray());
        (task, engine) = Make<BuildContainerImage>(t => { t.Dockerfile = dockerfile; t.ProjectPath = project; t.DiveCiFile = "ci/missing.yaml"; });
        Assert.IsFalse(task.Execute());
        CollectionAssert.AreEqual(new[] { "error COPT0019 missing.yaml(1,1)" }, engine.Coded.ToArray());
        // "none": no file is read, and the task goes on (here to an image it cannot build or an engine it cannot reach).
        (task, engine) = Make<BuildContainerImage>(t => { t.Dockerfile = Write("docker/Dockerfile", "FROM containeropt-test/does-not-exist:never\n"); t.ProjectPath = project; t.DiveCiFile = "none"; t.TimeoutSeconds = 120; });
        Assert.IsFalse(task.Execute());
        Assert.IsFalse(engine.Coded.Any(c => c.Contains("COPT0019", StringComparison.Ordinal)), string.Join("\n", engine.Coded));
    }

    [TestMethod]
    public void A_bad_user_wasted_property_is_COPT0005_at_the_project()
    {
        string dockerfile = Write("Dockerfile", "FROM alpine:3.20\n");
        var (task, engine) = Make<BuildContainerImage>(t => { t.Dockerfile = dockerfile; t.ProjectPath = Path.Combine(_dir, "App.csproj"); t.MaxUserWastedPercent = "lots"; });
        Assert.IsFalse(task.Execute());
        CollectionAssert.AreEqual(new[] { "error COPT0005 App.csproj(0,0)" }, engine.Coded.ToArray());
        StringAssert.Contains(engine.Errors[0].Message, "'lots' is not a share of the added bytes");
    }

    [TestMethod]
    public void An_unexpected_failure_is_COPT0009_never_MSB4018()
    {
        // A Dockerfile path the file system refuses: the adapter must not let the exception escape.
        var (task, engine) = Make<BuildContainerImage>(t => { t.Dockerfile = "\0bad"; });
        Assert.IsFalse(task.Execute());
        Assert.AreEqual(1, engine.Errors.Count);
        Assert.AreEqual("COPT0009", engine.Errors[0].Code);
    }
}
