using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4010NuGetCacheMountWithoutIdTests
{
    [TestMethod]
    public void A_nuget_cache_mount_without_id_is_keyed_by_its_target()
    {
        var findings = RuleVerifier.Verify<COPT4010NuGetCacheMountWithoutId>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN [|--mount=type=cache,target=/root/.nuget/packages|] dotnet restore\n",
            project: ProjectModels.Web());
        Assert.AreEqual("Give this NuGet cache mount an id (id=nuget): without one BuildKit keys it by its target '/root/.nuget/packages', so a stage or Dockerfile that mounts the NuGet folder at another path (another user's home, NUGET_PACKAGES) gets a separate, cold cache.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
    }

    [TestMethod]
    public void Different_targets_in_one_file_are_certainly_split()
    {
        var findings = RuleVerifier.Verify<COPT4010NuGetCacheMountWithoutId>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS a\nRUN [|--mount=type=cache,target=/root/.nuget/packages/|] dotnet restore\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS b\nUSER app\nRUN [|--mount=type=cache,target=/home/app/.nuget/packages,uid=1654|] dotnet restore\n",
            project: ProjectModels.Web());
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
        StringAssert.Contains(findings[0].Message, "so it and the NuGet cache mount on line 5 (target '/home/app/.nuget/packages') each get a separate, cold cache");
    }

    [TestMethod]
    public void The_nuget_packages_folder_from_env_is_recognised() =>
        RuleVerifier.Verify<COPT4010NuGetCacheMountWithoutId>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nENV NUGET_PACKAGES=/nuget\nRUN [|--mount=type=cache,target=/nuget|] dotnet restore\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Mounts_with_an_id_and_other_caches_are_fine() =>
        RuleVerifier.Verify<COPT4010NuGetCacheMountWithoutId>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages --mount=type=cache,target=/var/cache/apt dotnet restore\nRUN --mount=type=bind,target=/root/.nuget/packages ls\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4010NuGetCacheMountWithoutId>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN --mount=type=cache,target=/root/.nuget/packages dotnet restore\n");
}
