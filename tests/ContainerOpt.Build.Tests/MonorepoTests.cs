using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// The package added once in Directory.Build.props of a repository: every project with a Dockerfile
/// is analysed once (a multi-targeted one too, not once per framework); projects without one say nothing.
/// </summary>
[TestClass]
public sealed class MonorepoTests : BuildTestBase
{
    [TestMethod]
    public void SolutionBuild_ReportsEachProjectsFindingsOnce_AndNothingForAProjectWithoutDockerfile()
    {
        var scratch = new Scratch("monorepo");
        scratch.Write("Directory.Build.props",
            "<Project>\n  <PropertyGroup>\n    <NuGetAudit>false</NuGetAudit>\n  </PropertyGroup>\n" +
            $"  <ItemGroup>\n    {Scratch.PackageReference}\n  </ItemGroup>\n</Project>\n");
        // An application (it has a command, and its stage is not named like a build stage): its package cache is a warning.
        const string workerDockerfile = "FROM alpine:3.20 AS Worker\nRUN apk add curl=8.9.1-r0\nCMD [\"curl\", \"--version\"]\n";
        var api = scratch.WebApp("src/Api", Dockerfiles.FinalStage, reference: false);
        var worker = scratch.ConsoleApp("src/Worker", workerDockerfile, frameworks: "net10.0;net8.0", reference: false);
        var lib = scratch.Library("src/Lib", dockerfile: null, reference: false);
        var sln = scratch.Solution("Mono", api, worker, lib);
        int buildColumn = workerDockerfile.IndexOf("Worker", StringComparison.Ordinal) + 1;
        // The multi-targeted worker is analysed in the inner build of its first framework, which MSBuild names so.
        string workerInner = worker + "::TargetFramework=net10.0";

        var result = scratch.Build(sln);

        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result,
            Expected.Warning("COPT1100", scratch.PathOf("src/Api/Dockerfile"), 1, 21, 1, 26, api),
            Expected.Warning("COPT1100", scratch.PathOf("src/Worker/Dockerfile"), 1, buildColumn, 1, buildColumn + 6, workerInner),
            Expected.Warning("COPT3004", scratch.PathOf("src/Worker/Dockerfile"), 2, 5, 2, 8, workerInner));
        Assert.IsFalse(result.ContainerOptDiagnostics.Any(d => d.Project == lib), "the project without a Dockerfile must be silent");
        // Both frameworks of the worker were built (the finding is once, not because one framework was skipped).
        StringAssert.Contains(result.Stdout, Path.Combine("bin", "Debug", "net8.0", "Worker.dll"));
        StringAssert.Contains(result.Stdout, Path.Combine("bin", "Debug", "net10.0", "Worker.dll"));
    }
}
