using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4014InvariantGlobalizationWithoutIcuTests
{
    [TestMethod]
    public void Alpine_without_icu_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0-alpine AS build\nFROM mcr.microsoft.com/dotnet/aspnet:[|10.0-alpine|]\n", project: ProjectModels.Web());
        StringAssert.StartsWith(findings[0].Message, "'mcr.microsoft.com/dotnet/aspnet:10.0-alpine' has no ICU but the project does not set InvariantGlobalization: the image forces invariant mode");
        StringAssert.EndsWith(findings[0].Message, "or set <InvariantGlobalization>true</InvariantGlobalization>.");
        Assert.AreEqual(DiagnosticSeverity.Warning, findings[0].Severity);
    }

    [TestMethod]
    public void Chiseled_and_distroless_without_extra_are_reported()
    {
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/aspnet:[|10.0-noble-chiseled|]\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/runtime-deps:[|8.0-azurelinux3.0-distroless-amd64|]\n", project: ProjectModels.Console("net8.0", p => p.PublishAot = true));
    }

    [TestMethod]
    public void Forcing_icu_on_without_installing_it_fails_at_start()
    {
        var findings = RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>(
            "FROM mcr.microsoft.com/dotnet/aspnet:[|10.0-alpine|]\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n", project: ProjectModels.Web());
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
        StringAssert.Contains(findings[0].Message, "fails at start");
    }

    [TestMethod]
    public void Installing_icu_extra_images_and_invariant_mode_are_fine()
    {
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine AS base\nRUN apk add --no-cache icu-libs icu-data-full\nFROM base\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine3.22-extra\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/sdk:10.0-alpine\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\n", project: ProjectModels.Web(configure: p => p.InvariantGlobalization = true));
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\nENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1\n", project: ProjectModels.Web());
    }

    [TestMethod]
    public void Only_the_final_image_counts() =>
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>(
            "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine AS unused\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\n", project: ProjectModels.Web());

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4014InvariantGlobalizationWithoutIcu>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\n");
}
