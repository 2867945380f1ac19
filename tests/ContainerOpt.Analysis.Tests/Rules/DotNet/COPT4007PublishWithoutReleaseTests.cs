using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4007PublishWithoutReleaseTests
{
    [TestMethod]
    public void Before_net8_publish_defaults_to_debug()
    {
        var findings = RuleVerifier.Verify<COPT4007PublishWithoutRelease>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet [|publish|] -o /app\n", project: ProjectModels.Web("net7.0"));
        Assert.AreEqual("'dotnet publish' without -c publishes the Debug configuration: unoptimized code and debug-only behaviour go to production. Add '-c Release'.", findings[0].Message);
    }

    [TestMethod]
    public void From_net8_publish_defaults_to_release() =>
        RuleVerifier.Verify<COPT4007PublishWithoutRelease>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -o /app\n", project: ProjectModels.Web("net8.0"));

    [TestMethod]
    public void An_explicit_debug_configuration_is_reported_at_its_value()
    {
        var findings = RuleVerifier.Verify<COPT4007PublishWithoutRelease>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -c [|Debug|] -o /app \\\n && dotnet publish [|--configuration:debug|]\nRUN dotnet publish [|-p:Configuration=Debug|]\n",
            project: ProjectModels.Web());
        StringAssert.StartsWith(findings[0].Message, "'dotnet publish' publishes the Debug configuration");
    }

    [TestMethod]
    public void Configuration_from_an_arg_is_expanded() =>
        RuleVerifier.Verify<COPT4007PublishWithoutRelease>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nARG BUILD_CONFIGURATION=Release\nARG DEBUG_CONFIGURATION=Debug\nRUN dotnet publish -c $BUILD_CONFIGURATION\nRUN dotnet publish -c [|\"$DEBUG_CONFIGURATION\"|]\nRUN dotnet publish -c $UNKNOWN\n",
            project: ProjectModels.Web());

    [TestMethod]
    public void Publish_release_false_brings_debug_back() =>
        RuleVerifier.Verify<COPT4007PublishWithoutRelease>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet [|publish|] -p:PublishRelease=false\nRUN dotnet publish -p:PublishRelease=true\n",
            project: ProjectModels.Web("net6.0"));

    [TestMethod]
    public void Multi_targeting_depends_on_the_framework_picked()
    {
        RuleVerifier.Verify<COPT4007PublishWithoutRelease>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -f net10.0\nRUN dotnet [|publish|] --framework net6.0\nRUN dotnet publish\n",
            project: ProjectModels.Web("net6.0;net10.0"));
    }

    [TestMethod]
    public void A_configuration_option_without_a_value_is_not_judged() =>
        RuleVerifier.Verify<COPT4007PublishWithoutRelease>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -c\n", project: ProjectModels.Web("net6.0"));

    [TestMethod]
    public void Release_and_other_configurations_are_fine() =>
        RuleVerifier.Verify<COPT4007PublishWithoutRelease>(
            "FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -c Release && dotnet publish --configuration=Staging && dotnet build\n",
            project: ProjectModels.Web("net6.0"));

    [TestMethod]
    public void Without_a_project_it_is_silent() =>
        RuleVerifier.Verify<COPT4007PublishWithoutRelease>("FROM mcr.microsoft.com/dotnet/sdk:10.0\nRUN dotnet publish -c Debug\n");
}
