using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.Fixes;

/// <summary>
/// samples/naive-web fixed by every fixer with its project's facts, as <c>dotnet build -t:ContainerOptFix</c> fixes it:
/// the exact Dockerfile it becomes (the image the real-engine test builds), and what is left.
/// </summary>
[TestClass]
public sealed class NaiveWebFixTests
{
    private static readonly string ProjectDirectory = Path.Combine(Corpus.RepoRoot, "samples", "naive-web", "src", "Api");

    public const string Fixed = ContainerOpt.TestSupport.Samples.NaiveWebFixed;

    [TestMethod]
    public void The_naive_sample_becomes_a_multi_stage_build_with_a_restore_layer()
    {
        string path = Path.Combine(ProjectDirectory, "Dockerfile");
        var input = new AnalysisInput(SourceText.From(File.ReadAllBytes(path), path))
        {
            ContextDirectory = ProjectDirectory,
            Project = new ProjectModel
            {
                ProjectPath = Path.Combine(ProjectDirectory, "Api.csproj"),
                TargetFrameworks = new[] { "net10.0" },
                OutputType = "Exe",
                AssemblyName = "Api",
                TargetName = "Api",
                Kind = ProjectKind.Web,
                FrameworkReferences = new[] { "Microsoft.AspNetCore.App" },
                RestoreInputs = new[]
                {
                    Path.Combine(Corpus.RepoRoot, "samples", "naive-web", "Directory.Build.props"),
                    Path.Combine(Corpus.RepoRoot, "samples", "naive-web", "Directory.Packages.props"),
                },
            },
            Options = new AnalysisOptions { Today = new DateTime(2026, 11, 22) },
        };
        var result = new DockerfileFixEngine().Fix(input);
        Assert.AreEqual(Fixed, result.FixedText);
        CollectionAssert.AreEqual(new[]
        {
            "COPT4001@1", "COPT4005@3", "COPT4009@5", "COPT1106@6", "COPT4003@1", "COPT4013@6", "COPT4011@6",
        }, result.Fixed.Select(f => $"{f.Code}@{f.Line}").ToArray());
        // What no fix can do from the Dockerfile: the props files lie outside the project-folder context; no .dockerignore.
        CollectionAssert.AreEqual(new[] { "COPT4019@4", "COPT3011@5" }, result.Left.Select(l => $"{l.Code}@{l.Line}").ToArray());
    }
}
