using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4009PublishWithoutNoRestoreTests
{
    [TestMethod]
    public void Publish_after_restore_without_no_restore_is_reported()
    {
        var findings = RuleVerifier.Verify<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nCOPY src/Api/Api.csproj src/Api/\nRUN dotnet restore src/Api -a $TARGETARCH\nCOPY . .\nRUN dotnet [|publish|] src/Api -c Release -a $TARGETARCH\n",
            project: ProjectModels.Web());
        Assert.AreEqual("'dotnet publish' restores again after 'dotnet restore' on line 3: add '--no-restore' so it uses the restore layer (give the restore the same -r/-a/--os as the publish).", findings[0].Message);
        Assert.AreEqual(DiagnosticSeverity.Info, findings[0].Severity);
    }

    [TestMethod]
    public void A_restore_in_the_stage_it_builds_on_counts() =>
        RuleVerifier.Verify<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS restore\nRUN dotnet restore\nFROM restore AS publish\nRUN <<EOF\ndotnet [|publish|] -c Release\nEOF\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void No_restore_and_no_build_are_fine() =>
        RuleVerifier.Verify<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\nRUN dotnet publish --no-restore -c Release\nRUN dotnet publish --no-build -c Release\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Tool_restore_and_restores_in_unrelated_stages_do_not_count() =>
        RuleVerifier.Verify<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS a\nRUN dotnet restore\nFROM mcr.microsoft.com/dotnet/sdk:10.0 AS b\nRUN dotnet tool restore && dotnet publish -c Release\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Onbuild_commands_run_in_other_images() =>
        RuleVerifier.Verify<COPT4009PublishWithoutNoRestore>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore\nONBUILD RUN dotnet publish -c Release\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void The_dockerfile_alone_shows_it_without_a_project() =>
        RuleVerifier.Verify<COPT4009PublishWithoutNoRestore>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet restore && dotnet [|publish|]\n");
}
