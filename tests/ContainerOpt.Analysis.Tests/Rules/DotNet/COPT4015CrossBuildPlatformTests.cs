using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4015CrossBuildPlatformTests
{
    [TestMethod]
    public void Cross_compiling_from_an_emulated_sdk_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4015CrossBuildPlatform>(
            "FROM [|mcr.microsoft.com/dotnet/sdk:10.0|] AS build\nARG TARGETARCH\nRUN dotnet restore -a $TARGETARCH\nRUN dotnet publish -a $TARGETARCH --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n",
            project: ProjectModels.Web());
        Assert.AreEqual("'dotnet restore' (line 3) cross-compiles for the target architecture, but this SDK stage itself runs on the target platform under emulation (slow, and not supported by .NET): add --platform=$BUILDPLATFORM to this FROM.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
    }

    [TestMethod]
    public void Native_aot_builds_on_the_target_platform_on_purpose() =>
        RuleVerifier.Verify<COPT4015CrossBuildPlatform>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0-noble-aot AS build\nARG TARGETARCH\nRUN dotnet restore -a $TARGETARCH\nRUN dotnet publish -a $TARGETARCH --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0\n",
            project: ProjectModels.Web(configure: p => p.PublishAot = true));

    [TestMethod]
    public void A_runtime_identifier_built_from_target_arch_counts() =>
        RuleVerifier.Verify<COPT4015CrossBuildPlatform>(
            "FROM [|mcr.microsoft.com/dotnet/sdk:10.0|] AS build\nARG TARGETARCH\nRUN dotnet publish -r linux-musl-${TARGETARCH/amd64/x64} -o /app\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void A_pinned_sdk_stage_without_target_arch_publishes_for_the_build_machine()
    {
        var frameworkDependent = RuleVerifier.Verify<COPT4015CrossBuildPlatform>(
            "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet restore\nRUN dotnet [|publish|] --no-restore -o /app\n",
            project: ProjectModels.Web());
        Assert.AreEqual(DiagnosticSeverity.Info, frameworkDependent[0].Severity);
        var selfContained = RuleVerifier.Verify<COPT4015CrossBuildPlatform>(
            "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet [|publish|] -r linux-x64 --self-contained -o /app\n",
            project: ProjectModels.Web());
        Assert.AreEqual(DiagnosticSeverity.Warning, selfContained[0].Severity);
        StringAssert.Contains(selfContained[0].Message, "publishes for 'linux-x64' whatever the target platform");
    }

    [TestMethod]
    public void Stages_built_on_the_sdk_stage_count_as_the_sdk_stage() =>
        RuleVerifier.Verify<COPT4015CrossBuildPlatform>(
            "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM build AS publish\nRUN dotnet [|publish|] -o /app\n",
            project: ProjectModels.Web(configure: p => p.PublishAot = true));

    [TestMethod]
    public void The_recommended_pattern_is_fine() =>
        RuleVerifier.Verify<COPT4015CrossBuildPlatform>(
            "FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nARG TARGETARCH\nRUN dotnet restore -a $TARGETARCH\nRUN dotnet publish -a $TARGETARCH --no-restore -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Sdk_stages_that_do_not_cross_build_are_fine() =>
        RuleVerifier.Verify<COPT4015CrossBuildPlatform>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -o /app\nFROM --platform=linux/amd64 mcr.microsoft.com/dotnet/sdk:10.0 AS other\nRUN dotnet publish -a $TARGETARCH\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4015CrossBuildPlatform>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -a $TARGETARCH\n");
}
