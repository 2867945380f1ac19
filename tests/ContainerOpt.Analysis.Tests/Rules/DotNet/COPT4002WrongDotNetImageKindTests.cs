using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4002WrongDotNetImageKindTests
{
    private const string Build = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -o /app\n";

    [TestMethod]
    public void AspNetCore_app_on_runtime_fails_at_start()
    {
        var findings = RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            Build + "FROM mcr.microsoft.com/dotnet/[|runtime|]:10.0-noble-chiseled\nCOPY --from=build /app .\n", project: ProjectModels.Web());
        Assert.AreEqual("'runtime' is the wrong image for this app: it has no ASP.NET Core runtime and the web app fails at start. Use 'mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled'.", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void Console_and_worker_apps_on_aspnet_are_larger_than_needed()
    {
        var console = RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(Build + "FROM mcr.microsoft.com/dotnet/[|aspnet|]:10.0\n", project: ProjectModels.Console());
        Assert.AreEqual(DiagnosticSeverity.Warning, console[0].Severity);
        StringAssert.Contains(console[0].Message, "a console app does not use ASP.NET Core");
        var worker = RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(Build + "FROM mcr.microsoft.com/dotnet/[|aspnet|]:10.0\n", project: ProjectModels.Worker());
        StringAssert.Contains(worker[0].Message, "a worker service");
        StringAssert.EndsWith(worker[0].Message, "Use 'mcr.microsoft.com/dotnet/runtime:10.0'.");
    }

    [TestMethod]
    public void A_worker_that_references_AspNetCore_is_a_web_app() =>
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(Build + "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n",
            project: ProjectModels.Worker(configure: p => p.FrameworkReferences = new[] { "Microsoft.AspNetCore.App" }));

    [TestMethod]
    public void Self_contained_and_aot_apps_belong_on_runtime_deps()
    {
        var selfContained = RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            Build + "FROM mcr.microsoft.com/dotnet/[|aspnet|]:10.0\n", project: ProjectModels.Web(configure: p => p.SelfContained = true));
        Assert.AreEqual(DiagnosticSeverity.Warning, selfContained[0].Severity);
        StringAssert.Contains(selfContained[0].Message, "a self-contained app carries its own runtime");
        var aot = RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -p:PublishAot=true -o /app\nFROM mcr.microsoft.com/dotnet/[|runtime|]:10.0-alpine\n",
            project: ProjectModels.Console());
        StringAssert.Contains(aot[0].Message, "a Native AOT app");
        StringAssert.EndsWith(aot[0].Message, "Use 'mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine'.");
    }

    [TestMethod]
    public void Framework_dependent_app_on_runtime_deps_fails_at_start()
    {
        var findings = RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            Build + "FROM mcr.microsoft.com/dotnet/[|runtime-deps|]:10.0\n", project: ProjectModels.Web());
        Assert.AreEqual(DiagnosticSeverity.Error, findings[0].Severity);
        StringAssert.EndsWith(findings[0].Message, "Use 'mcr.microsoft.com/dotnet/aspnet:10.0'.");
    }

    [TestMethod]
    public void No_self_contained_on_the_command_line_overrides_the_project() =>
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release --self-contained false -o /app\nFROM mcr.microsoft.com/dotnet/[|runtime-deps|]:10.0\n",
            project: ProjectModels.Console(configure: p => p.SelfContained = true));

    [TestMethod]
    public void A_runtime_identifier_implied_self_contained_before_net8()
    {
        const string publish = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -r linux-x64 -o /app\n";
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(publish + "FROM mcr.microsoft.com/dotnet/runtime-deps:7.0\n", project: ProjectModels.Console("net7.0"));
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(publish + "FROM mcr.microsoft.com/dotnet/[|runtime-deps|]:8.0\n", project: ProjectModels.Console("net8.0"));
    }

    [TestMethod]
    public void Right_images_are_fine()
    {
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(Build + "FROM mcr.microsoft.com/dotnet/aspnet:10.0\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(Build + "FROM mcr.microsoft.com/dotnet/runtime:10.0\n", project: ProjectModels.Console());
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release --sc -r linux-x64 -o /app\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0\n",
            project: ProjectModels.Web());
    }

    [TestMethod]
    public void Only_the_final_image_counts_and_the_sdk_is_left_to_COPT4003() =>
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            "FROM mcr.microsoft.com/dotnet/runtime:10.0 AS unused\nFROM mcr.microsoft.com/dotnet/sdk:10.0\n", project: ProjectModels.Web());

    [TestMethod]
    public void The_base_stage_of_the_final_stage_is_followed() =>
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            "FROM mcr.microsoft.com/dotnet/[|runtime|]:10.0 AS base\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM base\n", project: ProjectModels.Web());

    [TestMethod]
    public void Retired_repositories_get_the_current_repository()
    {
        var findings = RuleVerifier.Verify<COPT4002WrongDotNetImageKind>(
            "FROM microsoft/dotnet:[|2.1-runtime|]\n", project: ProjectModels.Web("netcoreapp2.1"));
        StringAssert.EndsWith(findings[0].Message, "Use 'mcr.microsoft.com/dotnet/aspnet:2.1'.");
    }

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4002WrongDotNetImageKind>("FROM mcr.microsoft.com/dotnet/runtime-deps:10.0\n");
}
