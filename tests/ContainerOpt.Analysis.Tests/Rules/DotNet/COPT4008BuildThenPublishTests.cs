using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4008BuildThenPublishTests
{
    [TestMethod]
    public void The_visual_studio_template_builds_twice()
    {
        var findings = RuleVerifier.Verify<COPT4008BuildThenPublish>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nARG BUILD_CONFIGURATION=Release\nWORKDIR /src\nCOPY . .\nRUN dotnet build \"./Api.csproj\" -c $BUILD_CONFIGURATION -o /app/build\n\nFROM build AS publish\nRUN dotnet [|publish|] \"./Api.csproj\" -c $BUILD_CONFIGURATION -o /app/publish /p:UseAppHost=false\n",
            project: ProjectModels.Web());
        Assert.AreEqual("'dotnet publish' builds the project again after 'dotnet build' on line 5: add '--no-build' (with the build's -c, -r and -f) or drop the separate build step.", findings[0].Message);
    }

    [TestMethod]
    public void Build_and_publish_in_one_run_is_reported() =>
        RuleVerifier.Verify<COPT4008BuildThenPublish>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet build -c Release && dotnet [|publish|] -c Release\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void No_build_is_fine() =>
        RuleVerifier.Verify<COPT4008BuildThenPublish>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet build -c Release\nRUN dotnet publish -c Release --no-build -o /app\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Builds_of_another_project_or_another_stage_do_not_count() =>
        RuleVerifier.Verify<COPT4008BuildThenPublish>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS test\nRUN dotnet build tests/Api.Tests.csproj\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nRUN dotnet build tests/Api.Tests.csproj && dotnet publish src/Api/Api.csproj -c Release\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void A_solution_build_holds_the_project() =>
        RuleVerifier.Verify<COPT4008BuildThenPublish>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet build App.sln -c Release\nRUN dotnet [|publish|] src/Api/Api.csproj -c Release\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Publish_before_build_is_fine() =>
        RuleVerifier.Verify<COPT4008BuildThenPublish>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -c Release\nRUN dotnet build -c Debug\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void The_dockerfile_alone_shows_it_without_a_project() =>
        RuleVerifier.Verify<COPT4008BuildThenPublish>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet build && dotnet [|publish|]\n");
}
