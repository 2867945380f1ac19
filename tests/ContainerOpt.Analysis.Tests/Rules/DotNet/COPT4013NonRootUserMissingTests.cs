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

    [TestMethod]
    public void An_entrypoint_that_drops_root_itself_is_silent_but_a_dropper_the_command_never_reaches_is_not()
    {
        // The entrypoint script of an image that brings gosu or su-exec starts as root and drops to a user itself.
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine\nRUN wget -O /usr/local/bin/gosu https://example.com/gosu && chmod +x /usr/local/bin/gosu && gosu nobody true\n"
            + "COPY out /app\nCOPY entrypoint.sh /\nENTRYPOINT [\"sh\", \"/entrypoint.sh\"]\n");
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\nRUN apk add --no-cache su-exec\nCOPY out /app\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT [\"docker-entrypoint.sh\"]\nCMD [\"dotnet\", \"/app/Api.dll\"]\n");
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=tianon/gosu /gosu /usr/local/bin/\nCOPY out /app\nENTRYPOINT [\"/usr/local/bin/gosu\", \"app\", \"dotnet\", \"/app/Api.dll\"]\n");
        // su-exec installed, but the app is started directly: it runs as root.
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM [|mcr.microsoft.com/dotnet/aspnet:10.0-alpine|]\nRUN apk add --no-cache su-exec\nCOPY out /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n");
        // An entrypoint script in an image with no way to drop root: it runs the app as root.
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM [|mcr.microsoft.com/dotnet/aspnet:10.0|]\nCOPY out /app\nCOPY entrypoint.sh /\nENTRYPOINT [\"/entrypoint.sh\"]\n");
    }

    [TestMethod]
    public void An_image_that_installs_a_downloaded_sdk_with_no_command_is_a_base_image_not_an_app()
    {
        // The installer stage takes nothing from the build context: its output is a tool, and the image has no command.
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine AS installer\nRUN wget https://example.com/dotnet-sdk.tar.gz && mkdir /dotnet && tar -xzf dotnet-sdk.tar.gz -C /dotnet\n"
            + "FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine\nCOPY --from=installer [\"/dotnet\", \"/usr/share/dotnet\"]\nRUN dotnet help\n");
        // A stage built from the context (or bind-mounting it) makes the app, whatever the final stage's command.
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . /src\nRUN dotnet publish /src -o /out\n"
            + "FROM [|mcr.microsoft.com/dotnet/aspnet:10.0|]\nCOPY --from=build /out /app\n");
        RuleVerifier.Verify<COPT4013NonRootUserMissing>("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN --mount=type=bind,target=/src dotnet publish /src -o /out\n"
            + "FROM [|mcr.microsoft.com/dotnet/aspnet:10.0|]\nCOPY --from=build /out /app\n");
    }
}
