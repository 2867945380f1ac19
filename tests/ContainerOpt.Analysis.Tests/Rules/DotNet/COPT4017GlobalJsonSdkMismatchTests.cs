using ContainerOpt.Analysis.Rules.DotNet;
using ContainerOpt.Analysis.Tests.Infrastructure;
using ContainerOpt.Core.DotNet;

namespace ContainerOpt.Analysis.Tests.Rules.DotNet;

[TestClass]
public sealed class COPT4017GlobalJsonSdkMismatchTests
{
    private static Core.Projects.ProjectModel Pinned(string version, string? rollForward, string tfm = "net8.0") =>
        ProjectModels.Web(tfm, p => p.SdkPin = SdkPin.Parse(
            "{ // the repository's SDK\n  \"sdk\": { \"version\": \"" + version + "\"" + (rollForward is null ? "" : ", \"rollForward\": \"" + rollForward + "\"") + " } }",
            "/context/global.json"));

    private const string VisualStudioShape =
        "FROM mcr.microsoft.com/dotnet/sdk:{0} AS build\nWORKDIR /src\nCOPY [\"global.json\", \"src/Api/Api.csproj\", \"./\"]\nRUN dotnet restore Api.csproj\nCOPY . .\nRUN dotnet publish Api.csproj -o /app\n";

    [TestMethod]
    public void A_newer_sdk_image_than_a_latest_feature_pin_is_an_error()
    {
        var findings = RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(string.Format(VisualStudioShape, "[|10.0|]"), project: Pinned("8.0.100", "latestFeature"));
        Assert.AreEqual(
            "'mcr.microsoft.com/dotnet/sdk:10.0' holds the .NET 10.0 SDK, but global.json (copied on line 3) pins SDK 8.0.100 with rollForward 'latestFeature', which stays on .NET 8.0: 'dotnet restore' on line 4 fails with \"A compatible .NET SDK was not found\". Use 'mcr.microsoft.com/dotnet/sdk:8.0' for this stage, or change global.json (rollForward 'latestMajor' accepts newer SDKs).",
            findings[0].Message);
        Assert.AreEqual(Core.Diagnostics.DiagnosticSeverity.Error, findings[0].Severity);
    }

    [TestMethod]
    public void An_older_sdk_is_refused_by_every_policy_and_the_default_policy_is_latest_patch()
    {
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(string.Format(VisualStudioShape, "[|8.0|]"), project: Pinned("9.0.100", "latestMajor"));
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(string.Format(VisualStudioShape, "[|9.0|]"), project: Pinned("8.0.400", null));
    }

    [TestMethod]
    public void Policies_that_accept_the_image_or_depend_on_its_feature_band_are_silent()
    {
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(string.Format(VisualStudioShape, "10.0"), project: Pinned("8.0.100", "latestMajor"));
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(string.Format(VisualStudioShape, "8.0"), project: Pinned("8.0.100", "latestFeature"));
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(string.Format(VisualStudioShape, "8.0"), project: Pinned("8.0.300", "latestPatch"));
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(string.Format(VisualStudioShape, "8.0"), project: Pinned("8.0.100", "latestMinor"));
    }

    [TestMethod]
    public void A_global_json_that_is_not_copied_or_not_above_the_working_directory_does_not_count()
    {
        const string notCopied = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY src/Api/Api.csproj ./\nRUN dotnet restore Api.csproj\n";
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(notCopied, project: Pinned("8.0.100", "latestFeature"));
        const string elsewhere = "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nCOPY global.json /config/\nWORKDIR /src\nCOPY . .\nRUN dotnet --info && cd /src && dotnet build\n";
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(elsewhere.Replace("COPY . .\n", "COPY src/ .\n"), project: Pinned("8.0.100", "latestFeature"));
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(string.Format(VisualStudioShape, "10.0"), project: Pinned("8.0.100", "latestFeature"), dockerIgnore: "global.json\n");
    }

    [TestMethod]
    public void The_whole_context_copied_brings_global_json_along() =>
        RuleVerifier.Verify<COPT4017GlobalJsonSdkMismatch>(
            "FROM mcr.microsoft.com/dotnet/sdk:[|10.0|]\nWORKDIR /src\nCOPY . .\nWORKDIR /src/src/Api\nRUN dotnet publish -o /app\n", project: Pinned("8.0.100", "latestFeature"));

    [TestMethod]
    [DataRow("8.0.100", "latestFeature", 10, 0, false)]
    [DataRow("8.0.100", "latestFeature", 8, 0, true)]
    [DataRow("8.0.300", "latestFeature", 8, 0, null)]
    [DataRow("8.0.100", "latestMinor", 9, 0, false)]
    [DataRow("8.0.100", "latestMajor", 10, 0, true)]
    [DataRow("9.0.100", "latestMajor", 8, 0, false)]
    [DataRow("8.0.100", "disable", 8, 0, null)]
    public void The_roll_forward_table(string version, string rollForward, int major, int minor, bool? accepted)
    {
        var pin = SdkPin.Parse("{\"sdk\":{\"version\":\"" + version + "\",\"rollForward\":\"" + rollForward + "\"}}", "/g/global.json")!;
        Assert.AreEqual(accepted, pin.AcceptsImageOf(major, minor), $"{version} {rollForward} on {major}.{minor}");
    }
}
