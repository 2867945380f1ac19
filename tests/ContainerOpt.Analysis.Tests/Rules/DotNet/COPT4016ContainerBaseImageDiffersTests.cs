using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4016ContainerBaseImageDiffersTests
{
    [TestMethod]
    public void A_different_base_image_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4016ContainerBaseImageDiffers>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM [|mcr.microsoft.com/dotnet/aspnet:10.0|]\n",
            project: ProjectModels.Web(configure: p => p.ContainerBaseImage = "mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled"));
        Assert.AreEqual("The final image is built on 'mcr.microsoft.com/dotnet/aspnet:10.0' but the project's ContainerBaseImage is 'mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled' (used by 'dotnet publish /t:PublishContainer'): align them so both builds ship the same base.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
    }

    [TestMethod]
    public void Docker_hub_spellings_digests_and_untagged_bases_compare_equal()
    {
        RuleVerifier.Verify<COPT4016ContainerBaseImageDiffers>("FROM docker.io/library/ubuntu:24.04@sha256:0123\n",
            project: ProjectModels.Web(configure: p => p.ContainerBaseImage = "ubuntu:24.04"));
        RuleVerifier.Verify<COPT4016ContainerBaseImageDiffers>("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n",
            project: ProjectModels.Web(configure: p => p.ContainerBaseImage = "mcr.microsoft.com/dotnet/aspnet"));
        RuleVerifier.Verify<COPT4016ContainerBaseImageDiffers>("FROM [|ubuntu|]\n",
            project: ProjectModels.Web(configure: p => p.ContainerBaseImage = "ubuntu:24.04"));
    }

    [TestMethod]
    public void The_container_family_is_compared_with_the_tag_variant()
    {
        RuleVerifier.Verify<COPT4016ContainerBaseImageDiffers>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS base\nFROM base\n",
            project: ProjectModels.Web(configure: p => p.ContainerFamily = "noble-chiseled"));
        var findings = RuleVerifier.Verify<COPT4016ContainerBaseImageDiffers>("FROM [|mcr.microsoft.com/dotnet/aspnet:10.0|] AS base\nFROM base\n",
            project: ProjectModels.Web(configure: p => p.ContainerFamily = "alpine"));
        StringAssert.Contains(findings[0].Message, "the project's ContainerFamily is 'alpine'");
    }

    [TestMethod]
    public void Projects_without_container_settings_are_silent() =>
        RuleVerifier.Verify<COPT4016ContainerBaseImageDiffers>("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n", project: ProjectModels.Web());

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4016ContainerBaseImageDiffers>("FROM ubuntu:24.04\n");
}
