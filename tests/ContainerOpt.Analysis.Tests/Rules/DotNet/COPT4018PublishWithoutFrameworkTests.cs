using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4018PublishWithoutFrameworkTests
{
    [TestMethod]
    public void A_multi_targeted_publish_without_a_framework_fails_and_the_fix_names_the_newest()
    {
        var findings = RuleVerifier.Verify<COPT4018PublishWithoutFramework>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY . .\nRUN dotnet [|publish|] src/Api/Api.csproj -c Release -o /app\n",
            project: ProjectModels.Web("net8.0;net10.0"));
        Assert.AreEqual(
            "The project targets net8.0;net10.0, and 'dotnet publish' names no framework: it fails with NETSDK1129 (\"The 'Publish' target is not supported without specifying a target framework\"). Add '-f net10.0'.",
            findings[0].Message);
        Assert.AreEqual(Core.Diagnostics.DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void ContainerOptTargetFramework_is_the_framework_the_fix_names()
    {
        var findings = RuleVerifier.Verify<COPT4018PublishWithoutFramework>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet [|publish|] -o /app\n",
            project: ProjectModels.Web("net10.0;net8.0", p => p.PublishFramework = "net8.0"));
        StringAssert.EndsWith(findings[0].Message, "Add '-f net8.0'.");
    }

    [TestMethod]
    public void A_named_framework_one_framework_or_another_project_is_fine()
    {
        const string dockerfile = "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish src/Api/Api.csproj -f net10.0 -o /app && dotnet publish --framework net8.0\n"
            + "RUN dotnet publish -p:TargetFramework=net10.0 && dotnet publish src/Tools/Tools.csproj -o /tools\n";
        RuleVerifier.Verify<COPT4018PublishWithoutFramework>(dockerfile, project: ProjectModels.Web("net8.0;net10.0"));
        RuleVerifier.Verify<COPT4018PublishWithoutFramework>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -o /app\n", project: ProjectModels.Web("net10.0"));
    }
}
