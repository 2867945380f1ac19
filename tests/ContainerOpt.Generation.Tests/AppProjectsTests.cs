using ContainerOpt.Core.Projects;

namespace ContainerOpt.Generation.Tests;

/// <summary>Which projects get a Dockerfile (apps) and which a COPT0017 reason (libraries, test projects).</summary>
[TestClass]
public sealed class AppProjectsTests
{
    private static ProjectModel Project(string outputType, string? testEvidence = null) => new()
    {
        ProjectPath = "/repo/src/X/X.csproj",
        OutputType = outputType,
        TestProjectEvidence = testEvidence,
    };

    [TestMethod]
    [DataRow("Exe")]
    [DataRow("WinExe")]
    [DataRow("exe")]
    public void Executables_are_apps(string outputType) =>
        Assert.IsNull(AppProjects.WhyNotAnApp(Project(outputType)));

    [TestMethod]
    public void A_library_a_test_project_and_another_output_type_are_not()
    {
        Assert.AreEqual("it is a class library (OutputType Library), which nothing runs on its own; the apps that reference it get a Dockerfile that builds it.",
            AppProjects.WhyNotAnApp(Project("Library")));
        Assert.AreEqual("it is a test project (IsTestProject=true); tests run with 'dotnet test', or in a test stage of an app's Dockerfile (ContainerOptTestProject, CLI: --test-project).",
            AppProjects.WhyNotAnApp(Project("Exe", "IsTestProject=true")));
        Assert.AreEqual("its OutputType is Module, not an executable (Exe or WinExe) a container can run.", AppProjects.WhyNotAnApp(Project("Module")));
    }

    [TestMethod]
    public void Test_projects_are_told_by_their_properties_then_by_a_test_framework_package()
    {
        var none = Array.Empty<string>();
        Assert.AreEqual("IsTestProject=true", TestProjects.Evidence("true", "true", new[] { "xunit" }));
        Assert.AreEqual("IsTestingPlatformApplication=true", TestProjects.Evidence("", "True", none));
        Assert.AreEqual("a reference to NUnitLite", TestProjects.Evidence(null, "false", new[] { "Serilog", " NUnitLite " }));
        Assert.AreEqual("a reference to Microsoft.NET.Test.Sdk", TestProjects.Evidence("", "", new[] { "microsoft.net.test.sdk" }));
        // The project's own IsTestProject=false overrides the test SDK it references.
        Assert.IsNull(TestProjects.Evidence("false", "", new[] { "Microsoft.NET.Test.Sdk" }));
        // Assertion and mocking libraries alone do not make a test project.
        Assert.IsNull(TestProjects.Evidence("", "", new[] { "xunit.assert", "Moq", "MSTest.TestFramework", "NUnit" }));
    }
}

/// <summary>Generated files are written all or nothing, each atomically.</summary>
[TestClass]
public sealed class GeneratedFileWriterTests
{
    private string _dir = "";

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "containeropt-writer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_dir, recursive: true);

    private (string Path, string Content)[] Files(string dockerfile = "FROM x\n", string ignore = "bin/\n") =>
        new[] { (Path.Combine(_dir, "Dockerfile"), dockerfile), (Path.Combine(_dir, ".dockerignore"), ignore) };

    private static string Outcomes(IEnumerable<FileWriteResult> results) =>
        string.Join(" ", results.Select(r => $"{Path.GetFileName(r.Path)}:{r.Outcome}"));

    [TestMethod]
    public void A_refused_file_withholds_the_others()
    {
        File.WriteAllText(Path.Combine(_dir, ".dockerignore"), "mine\n");
        var results = GeneratedFileWriter.WriteAll(Files(), force: false);
        Assert.AreEqual("Dockerfile:Withheld .dockerignore:RefusedExisting", Outcomes(results));
        Assert.IsFalse(File.Exists(Path.Combine(_dir, "Dockerfile")));
        Assert.AreEqual("mine\n", File.ReadAllText(Path.Combine(_dir, ".dockerignore")));
        Assert.IsFalse(results.Any(r => r.IsInPlace));
    }

    [TestMethod]
    public void Identical_files_are_unchanged_new_ones_written_and_force_replaces()
    {
        File.WriteAllText(Path.Combine(_dir, "Dockerfile"), "FROM x\n");
        Assert.AreEqual("Dockerfile:Unchanged .dockerignore:Written", Outcomes(GeneratedFileWriter.WriteAll(Files(), force: false)));
        Assert.AreEqual("bin/\n", File.ReadAllText(Path.Combine(_dir, ".dockerignore")));

        Assert.AreEqual("Dockerfile:Written .dockerignore:Unchanged", Outcomes(GeneratedFileWriter.WriteAll(Files("FROM y\n"), force: true)));
        Assert.AreEqual("FROM y\n", File.ReadAllText(Path.Combine(_dir, "Dockerfile")));
        Assert.AreEqual(2, Directory.GetFiles(_dir).Length, "no temporary files left");
    }

    [TestMethod]
    public void A_folder_in_the_way_withholds_the_others_too()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "Dockerfile"));
        var results = GeneratedFileWriter.WriteAll(Files(), force: true);
        Assert.AreEqual("Dockerfile:Failed .dockerignore:Withheld", Outcomes(results));
        Assert.AreEqual("a folder of that name is in the way", results[0].Error);
        Assert.IsFalse(File.Exists(Path.Combine(_dir, ".dockerignore")));
    }

    [TestMethod]
    public void A_write_that_fails_after_the_checks_takes_back_the_files_it_created()
    {
        // The .dockerignore's folder cannot be created (a file has its name): found only when writing.
        File.WriteAllText(Path.Combine(_dir, "blocked"), "a file");
        var files = new[] { (Path.Combine(_dir, "Dockerfile"), "FROM x\n"), (Path.Combine(_dir, "blocked", ".dockerignore"), "bin/\n") };
        var results = GeneratedFileWriter.WriteAll(files, force: false);
        Assert.AreEqual("Dockerfile:Withheld .dockerignore:Failed", Outcomes(results));
        Assert.IsNotNull(results[1].Error);
        Assert.IsFalse(File.Exists(Path.Combine(_dir, "Dockerfile")), "the Dockerfile written first is taken back");
        CollectionAssert.AreEqual(new[] { "blocked" }, Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName).ToArray(), "no temporary files left");
    }
}
