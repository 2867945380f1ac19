using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4005CopySourceBeforeRestoreTests
{
    [TestMethod]
    public void Copying_the_whole_context_before_restore_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY [|.|] .\nRUN dotnet restore src/Api/Api.csproj\nRUN dotnet publish src/Api/Api.csproj -c Release --no-restore -o /app\n",
            project: ProjectModels.Web());
        Assert.AreEqual("'.' copies the whole build context before the package restore of 'dotnet restore' (line 4): every source edit reruns the restore and downloads every package again. Copy 'src/Api/Api.csproj' (and the restore inputs) first, run 'dotnet restore', then copy the rest.", findings[0].Message);
    }

    [TestMethod]
    public void Copying_the_project_folder_or_a_folder_above_it_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY [|src/Api/|] src/Api/\nCOPY [|src|] /src/src\nCOPY docs/ /docs/\nRUN dotnet restore src/Api\n",
            project: ProjectModels.Web());
        StringAssert.Contains(findings[0].Message, "copies the project folder 'src/Api'");
        StringAssert.Contains(findings[1].Message, "'src', which holds the project folder 'src/Api'");
    }

    [TestMethod]
    public void An_implicit_restore_in_publish_counts_when_there_is_no_restore_step()
    {
        var findings = RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY [[|\"./\"|], \"/src/\"]\nRUN cd /src && dotnet publish -c Release -o /app\n",
            project: ProjectModels.Web());
        StringAssert.Contains(findings[0].Message, "the package restore of 'dotnet publish' (line 3)");
    }

    [TestMethod]
    public void Project_files_first_then_sources_is_the_right_order() =>
        RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY src/Api/Api.csproj src/Api/\nCOPY *.props NuGet.config ./\nRUN dotnet restore src/Api/Api.csproj\nCOPY . .\nRUN dotnet publish src/Api/Api.csproj -c Release --no-restore -o /app\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void A_later_stage_after_a_restoring_stage_is_fine() =>
        RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS restore\nCOPY src/Api/Api.csproj src/Api/\nRUN dotnet restore src/Api\nFROM restore AS build\nCOPY . .\nRUN dotnet publish src/Api -c Release -o /app\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void A_nuget_cache_mount_makes_the_repeated_restore_cheap() =>
        RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . .\nRUN --mount=type=cache,id=nuget,target=/root/.nuget/packages dotnet publish -c Release -o /app\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Without_a_known_context_only_the_whole_context_counts() =>
        RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY src/ src/\nCOPY [|.|] .\nRUN dotnet restore\n",
            project: ProjectModels.Web(), contextKnown: false);

    [TestMethod]
    public void Copies_from_other_stages_and_copies_after_the_restore_are_fine() =>
        RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY --from=deps / .\nRUN dotnet restore\nCOPY . .\nRUN dotnet build --no-restore\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4005CopySourceBeforeRestore>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY . .\nRUN dotnet restore\n");
}
