using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4013NonRootUserMissingTests
{
    [TestMethod]
    public void A_net8_image_without_user_runs_as_root()
    {
        var findings = RuleVerifier.Verify<COPT4013NonRootUserMissing>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nFROM [|mcr.microsoft.com/dotnet/aspnet:10.0|]\nCOPY --from=build /app .\n",
            project: ProjectModels.Web());
        Assert.AreEqual("The final image runs the app as root although 'mcr.microsoft.com/dotnet/aspnet:10.0' provides the non-root user 'app': add 'USER $APP_UID' after the last step that needs root.", findings[0].Message);
    }

    [TestMethod]
    public void The_final_stage_from_is_reported_when_it_builds_on_a_stage() =>
        RuleVerifier.Verify<COPT4013NonRootUserMissing>(
            "FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine AS base\nFROM [|base|] AS final\n", project: ProjectModels.Web("net8.0"));

    [TestMethod]
    public void A_user_anywhere_in_the_chain_is_enough()
    {
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS base\nUSER $APP_UID\nFROM base\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER root\n", project: ProjectModels.Web());
    }

    [TestMethod]
    public void Chiseled_and_distroless_images_already_run_as_app() =>
        RuleVerifier.Verify<COPT4013NonRootUserMissing>(
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS a\nFROM mcr.microsoft.com/dotnet/runtime-deps:10.0-azurelinux3.0-distroless\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Older_images_foreign_images_and_a_root_container_user_are_silent()
    {
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:7.0\n", project: ProjectModels.Web("net7.0"));
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM ubuntu:24.04\n", project: ProjectModels.Web());
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:10.0\n", project: ProjectModels.Web(configure: p => p.ContainerUser = "root"));
    }

    [TestMethod]
    public void The_dockerfile_alone_shows_it_without_a_project_but_not_for_a_base_or_dev_image()
    {
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM [|mcr.microsoft.com/dotnet/aspnet:10.0|]\nCOPY out /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n");
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nRUN apt-get update\n");
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . /src\nENTRYPOINT [\"dotnet\", \"watch\"]\n");
    }
}
