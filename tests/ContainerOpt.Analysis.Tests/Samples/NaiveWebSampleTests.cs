using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Projects;
using ContainerOpt.TestSupport;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Samples;

/// <summary>
/// samples/naive-web: a net10.0 web app with a naive single-stage Dockerfile, analysed by the full
/// analyzer (every rule) the way the MSBuild task would: with the project and the build context
/// (the Dockerfile's folder, which has no .dockerignore).
/// </summary>
[TestClass]
public sealed class NaiveWebSampleTests
{
    private static readonly string ProjectDirectory = Path.Combine(Corpus.RepoRoot, "samples", "naive-web", "src", "Api");

    private static ProjectModel Project() => new()
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
            Path.Combine(Corpus.RepoRoot, "global.json"),
        },
    };

    private static IReadOnlyList<Finding> Analyze()
    {
        string path = Path.Combine(ProjectDirectory, "Dockerfile");
        var input = new AnalysisInput(SourceText.From(File.ReadAllBytes(path), path))
        {
            ContextDirectory = ProjectDirectory,
            DockerIgnoreText = null,
            Project = Project(),
            Options = new global::ContainerOpt.Analysis.Configuration.AnalysisOptions { Today = new DateTime(2026, 11, 22) },
        };
        return new DockerfileAnalyzer().Analyze(input).Findings;
    }

    private static string Describe(Finding f) => $"{f.Code} {f.Location.Start.Line}:{f.Location.Start.Column}-{f.Location.End.Column} {f.Severity}";

    [TestMethod]
    public void The_model_describes_the_sample_project()
    {
        string csproj = File.ReadAllText(Path.Combine(ProjectDirectory, "Api.csproj"));
        StringAssert.Contains(csproj, "Sdk=\"Microsoft.NET.Sdk.Web\"");
        StringAssert.Contains(csproj, "<TargetFramework>net10.0</TargetFramework>");
        Assert.IsTrue(File.Exists(Path.Combine(ProjectDirectory, "Program.cs")));
        Assert.IsFalse(File.Exists(Path.Combine(ProjectDirectory, ".dockerignore")), "the sample's context must have no .dockerignore");
    }

    [TestMethod]
    public void Every_dotnet_mistake_is_reported_at_its_word()
    {
        var findings = Analyze();
        var dotnet = findings.Where(f => f.Descriptor.Category == ContainerOpt.Core.Diagnostics.DiagnosticCategories.DotNet).Select(Describe).ToArray();
        // FROM mcr.microsoft.com/dotnet/sdk:6.0 | WORKDIR /app | COPY . . | RUN dotnet restore | RUN dotnet publish -o out | ENTRYPOINT dotnet out/WrongName.dll
        CollectionAssert.AreEquivalent(new[]
        {
            "COPT4001 1:35-38 Error",   // sdk:6.0 cannot build net10.0
            "COPT4003 1:31-34 Warning", // the SDK is the final image
            "COPT4004 1:35-38 Warning", // .NET 6.0 is out of support
            "COPT4005 3:6-7 Warning",   // COPY . . before dotnet restore
            "COPT4019 3:6-7 Warning",   // the root props files (central package versions) are outside the project-folder context
            "COPT4009 5:12-19 Info",    // publish restores again
            "COPT4011 6:19-36 Error",   // WrongName.dll is not Api.dll
        }, dotnet, string.Join("\n", findings.Select(f => f.ToCanonicalString())));
        StringAssert.Contains(findings.Single(f => f.Code == "COPT4011").Message, "'WrongName.dll', but the project's output is 'Api.dll'");
        StringAssert.Contains(findings.Single(f => f.Code == "COPT4001").Message, "the .NET 6.0 SDK cannot build net10.0");
    }

    [TestMethod]
    public void What_a_dotnet_expert_would_say_about_the_whole_file()
    {
        var findings = Analyze();
        var all = findings.Select(f => f.Code + " " + f.Location.Start.Line + ":" + f.Location.Start.Column).ToArray();
        string listing = string.Join("\n", findings.Select(f => f.ToCanonicalString()));
        CollectionAssert.AreEqual(new[]
        {
            "COPT4003 1:31",  // SDK in the final image (stands for COPT3008, build tools in the final image)
            "COPT4001 1:35",  // version mismatch
            "COPT4004 1:35",  // end of life
            "COPT4005 3:6",   // COPY . . before restore (stands for COPT3007)
            "COPT4019 3:6",   // Directory.Packages.props above the context: the restore in the image has no package versions
            "COPT3004 4:5",   // NuGet cache left in the restore layer (the publish after it restores nothing new)
            "COPT4009 5:12",  // publish restores again
            "COPT1106 6:12",  // shell-form ENTRYPOINT (JSONArgsRecommended, DL3025)
            "COPT4011 6:19",  // wrong dll
        }, all, listing);
        var entrypoint = findings.Single(f => f.Code == "COPT1106");
        CollectionAssert.IsSubsetOf(new[] { "JSONArgsRecommended", "DL3025" }, entrypoint.Equivalents.ToArray(), "merged with hadolint's DL3025");
        // restore and publish in separate RUNs is the cache-aware layout, not a consecutive-RUN mistake (DL3059 runs in hadolint mode only).
        Assert.IsFalse(findings.Any(f => f.Code is "COPT2059" or "COPT3006"));
        var sdk = findings.Single(f => f.Code == "COPT4003");
        Assert.AreEqual(1, findings.Count(f => f.Location.Start.Line == 3 && f.Code is "COPT3007" or "COPT4005"), "one finding for COPY . . before restore");
        Assert.IsFalse(findings.Any(f => f.Code == "COPT3008"), "superseded by COPT4003: " + sdk.Message);
        StringAssert.StartsWith(findings.Single(f => f.Code == "COPT4019").Message,
            "'../../Directory.Build.props', '../../Directory.Packages.props' and '../../../../global.json' are outside the build context '");
    }
}
