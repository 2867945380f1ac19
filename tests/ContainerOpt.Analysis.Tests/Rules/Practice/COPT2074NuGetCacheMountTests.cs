using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Rules;
using ContainerOpt.Analysis.Rules.Practice;
using ContainerOpt.Analysis.Rules.SizeAndCache;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.Practice;

[TestClass]
public sealed class COPT2074NuGetCacheMountTests
{
    [TestMethod]
    public void A_restore_without_a_cache_mount_is_reported_at_dotnet()
    {
        var findings = RuleVerifier.Verify<COPT2074NuGetCacheMount>("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN [|dotnet|] restore Api.csproj\n");
        StringAssert.StartsWith(findings[0].Message, "'dotnet restore' downloads packages into the NuGet packages folder");
        StringAssert.Contains(findings[0].Message, "id=nuget,target=/root/.nuget/packages");
        CollectionAssert.AreEqual(new[] { "DL3074" }, findings[0].Equivalents.ToArray());
    }

    [TestMethod]
    public void Builds_publishes_tests_and_nuget_restore_are_checked_once_per_run() =>
        RuleVerifier.Verify<COPT2074NuGetCacheMount>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN [|dotnet|] build -c Release && dotnet test\nRUN [|dotnet|] publish --no-restore -o /app\n"
            + "ONBUILD RUN [|nuget|] restore App.sln\nRUN dotnet --info && dotnet new console\n");

    [TestMethod]
    public void A_cache_or_tmpfs_mount_on_the_packages_folder_under_any_home_is_fine() =>
        RuleVerifier.Verify<COPT2074NuGetCacheMount>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet restore\n"
            + "RUN --mount=type=cache,target=/home/app/.nuget/packages dotnet publish\nRUN --mount=type=tmpfs,target=/root/.nuget/packages dotnet build\n");

    [TestMethod]
    public void A_mount_elsewhere_does_not_count() =>
        RuleVerifier.Verify<COPT2074NuGetCacheMount>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN --mount=type=cache,target=/wrong/path [|dotnet|] restore\n");

    [TestMethod]
    public void The_package_cache_rule_stands_for_it_where_the_cache_ships()
    {
        var analyzer = new DockerfileAnalyzer(new DockerfileRule[] { new COPT2074NuGetCacheMount(), new COPT3004PackageCacheLeft() });
        var input = new AnalysisInput(SourceText.From(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet restore\nFROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\n", "Dockerfile"))
        {
            Options = new() { Mode = AnalysisMode.All },
        };
        var findings = analyzer.Analyze(input).Findings;
        // The build stage's cache never ships (only the mount's speed is at stake); the final stage's does.
        CollectionAssert.AreEqual(new[] { "COPT2074 2", "COPT3004 4" }, findings.Select(f => f.Code + " " + f.Location.Start.Line).ToArray());
        CollectionAssert.Contains(findings[1].Equivalents.ToArray(), "DL3074");
    }
}
