using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4001DotNetVersionMismatchTests
{
    [TestMethod]
    public void Sdk_older_than_the_target_framework_cannot_build_it()
    {
        var findings = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:[|8.0|] AS build\nRUN dotnet publish -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n",
            project: ProjectModels.Web("net10.0"));
        Assert.AreEqual("'8.0' is .NET 8.0 but the project targets net10.0: the .NET 8.0 SDK cannot build net10.0 (NETSDK1045). Use 'mcr.microsoft.com/dotnet/sdk:10.0'.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void Runtime_older_than_the_target_framework_fails_at_start()
    {
        var findings = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/aspnet:[|6.0-alpine|]\n",
            project: ProjectModels.Web("net8.0"));
        StringAssert.Contains(findings[0].Message, "the app needs the .NET 8.0 runtime and fails at start");
        StringAssert.EndsWith(findings[0].Message, "Use 'mcr.microsoft.com/dotnet/aspnet:8.0-alpine'.");
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void Newer_major_runtime_does_not_run_a_framework_dependent_app_by_default()
    {
        var findings = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:[|10.0|]\n", project: ProjectModels.Web("net8.0"));
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
        StringAssert.Contains(findings[0].Message, "does not roll forward to a new major version");
    }

    [TestMethod]
    public void Newer_major_runtime_with_roll_forward_is_a_warning()
    {
        var fromProject = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:[|10.0|]\n", project: ProjectModels.Web("net8.0", p => p.RollForward = "Major"));
        Assert.AreEqual(DiagnosticSeverity.Warning, fromProject[0].Severity);
        var fromEnv = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:[|10.0|]\nENV DOTNET_ROLL_FORWARD=LatestMajor\n", project: ProjectModels.Web("net8.0"));
        Assert.AreEqual(DiagnosticSeverity.Warning, fromEnv[0].Severity);
    }

    [TestMethod]
    public void Newer_minor_version_rolls_forward_and_is_a_warning()
    {
        var findings = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/core/aspnet:[|3.1|]\n", project: ProjectModels.Web("netcoreapp3.0"));
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
    }

    [TestMethod]
    public void A_newer_sdk_builds_older_target_frameworks() =>
        RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\n",
            project: ProjectModels.Web("net8.0"));

    [TestMethod]
    public void An_sdk_final_stage_also_runs_the_app() =>
        RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:[|10.0|]\nRUN dotnet publish -o /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n",
            project: ProjectModels.Web("net8.0"));

    [TestMethod]
    public void The_image_reached_through_a_stage_chain_is_reported_where_it_is_named() =>
        RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/aspnet:[|9.0|] AS base\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM base AS final\n",
            project: ProjectModels.Web("net10.0"));

    [TestMethod]
    public void Runtime_deps_and_self_contained_apps_only_warn()
    {
        var deps = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/runtime-deps:[|9.0|]\n", project: ProjectModels.Console("net10.0", p => p.SelfContained = true));
        Assert.AreEqual(DiagnosticSeverity.Warning, deps[0].Severity);
        var selfContained = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish --self-contained -r linux-x64\nFROM mcr.microsoft.com/dotnet/runtime:[|8.0|]\n",
            project: ProjectModels.Console("net10.0"));
        Assert.AreEqual(DiagnosticSeverity.Warning, selfContained[0].Severity);
    }

    [TestMethod]
    public void Multi_targeting_accepts_any_target_unless_publish_picks_one()
    {
        RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet build\nFROM mcr.microsoft.com/dotnet/aspnet:8.0\n",
            project: ProjectModels.Web("net8.0;net10.0"));
        RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nARG TFM=net10.0\nRUN dotnet publish -f $TFM -c Release\nFROM mcr.microsoft.com/dotnet/aspnet:[|8.0|]\n",
            project: ProjectModels.Web("net8.0;net10.0"));
    }

    [TestMethod]
    public void A_tag_from_an_arg_is_compared_after_expansion() =>
        RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "ARG DOTNET_VERSION=8.0\nFROM mcr.microsoft.com/dotnet/aspnet:[|${DOTNET_VERSION}|]\n",
            project: ProjectModels.Web("net10.0"));

    [TestMethod]
    public void Retired_repositories_suggest_the_current_one()
    {
        var findings = RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/core/aspnet:[|3.1-buster-slim|]\n", project: ProjectModels.Web("net8.0"));
        StringAssert.EndsWith(findings[0].Message, "Use 'mcr.microsoft.com/dotnet/aspnet:8.0'.");
    }

    [TestMethod]
    public void Matching_versions_untagged_and_foreign_images_are_fine() =>
        RuleVerifier.Verify<COPT4001DotNetVersionMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0.100-noble AS build\nFROM mcr.microsoft.com/dotnet/sdk AS tools\nFROM ubuntu:24.04 AS other\nFROM mcr.microsoft.com/dotnet/framework/aspnet:4.8 AS legacy\nFROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra\n",
            project: ProjectModels.Web("net10.0"));

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4001DotNetVersionMismatch>("FROM mcr.microsoft.com/dotnet/sdk:6.0\nFROM mcr.microsoft.com/dotnet/aspnet:6.0\n");
}
