using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4003SdkInFinalStageTests
{
    [TestMethod]
    public void A_single_stage_sdk_image_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4003SdkInFinalStage>(
            "FROM mcr.microsoft.com/dotnet/[|sdk|]:10.0-alpine\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n",
            project: ProjectModels.Web());
        Assert.AreEqual("The final image is built on the .NET SDK ('mcr.microsoft.com/dotnet/sdk:10.0-alpine'), which ships the compilers, NuGet and your sources with the app: publish in an SDK stage and copy the output into a stage FROM mcr.microsoft.com/dotnet/aspnet:10.0-alpine.", findings[0].Message);
    }

    [TestMethod]
    public void A_final_stage_built_on_the_sdk_stage_is_reported() =>
        RuleVerifier.Verify<COPT4003SdkInFinalStage>(
            "FROM mcr.microsoft.com/dotnet/[|sdk|]:10.0 AS build\nRUN dotnet publish -c Release -o /app\nFROM build AS final\nENTRYPOINT [\"dotnet\", \"/app/Api.dll\"]\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void The_suggestion_follows_the_app_kind_and_the_project_version()
    {
        var console = RuleVerifier.Verify<COPT4003SdkInFinalStage>("FROM mcr.microsoft.com/dotnet/[|sdk|]:6.0\n", project: ProjectModels.Console("net10.0"));
        StringAssert.EndsWith(console[0].Message, "FROM mcr.microsoft.com/dotnet/runtime:10.0.");
        var aot = RuleVerifier.Verify<COPT4003SdkInFinalStage>("FROM mcr.microsoft.com/dotnet/[|sdk|]:10.0\n", project: ProjectModels.Console(configure: p => p.PublishAot = true));
        StringAssert.EndsWith(aot[0].Message, "FROM mcr.microsoft.com/dotnet/runtime-deps:10.0.");
    }

    [TestMethod]
    public void Multi_stage_builds_with_a_runtime_final_stage_are_fine() =>
        RuleVerifier.Verify<COPT4003SdkInFinalStage>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet publish -c Release -o /app\nFROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY --from=build /app .\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4003SdkInFinalStage>("FROM mcr.microsoft.com/dotnet/sdk:10.0\n");

    [TestMethod]
    public void A_development_image_needs_the_sdk()
    {
        const string watch = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nENTRYPOINT [\"dotnet\", \"watch\", \"run\"]\n";
        Assert.AreEqual(0, RuleVerifier.Run<COPT4003SdkInFinalStage>(watch, project: ProjectModels.Web()).Count);
        const string run = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nWORKDIR /src\nCOPY . .\nENTRYPOINT [\"dotnet\", \"run\"]\n";
        Assert.AreEqual(0, RuleVerifier.Run<COPT4003SdkInFinalStage>(run, project: ProjectModels.Web(), path: "/repo/src/Api/Dockerfile.dev").Count);
        Assert.AreEqual(1, RuleVerifier.Run<COPT4003SdkInFinalStage>(run, project: ProjectModels.Web(), path: "/repo/src/Api/Dockerfile").Count);
    }
}
