using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>ContainerOpt.Sdk, the MSBuild project SDK form of the same package: the same findings as the PackageReference.</summary>
[TestClass]
public sealed class SdkFormTests : BuildTestBase
{
    [TestMethod]
    [DataRow("sdk-element", DisplayName = "<Sdk Name=\"ContainerOpt.Sdk\" Version=\"…\" />")]
    [DataRow("global-json", DisplayName = "<Sdk Name=\"ContainerOpt.Sdk\" /> with the version in global.json msbuild-sdks")]
    [DataRow("sdk-attribute", DisplayName = "<Project Sdk=\"Microsoft.NET.Sdk.Web;ContainerOpt.Sdk/…\">")]
    public void ContainerOptSdk_ReportsTheSameFindingsAsThePackageReference(string form)
    {
        var scratch = new Scratch("sdk-" + form);
        string version = RunFixture.PackageVersion;
        string body =
            "  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n";
        string xml = form switch
        {
            "sdk-element" => $"<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <Sdk Name=\"ContainerOpt.Sdk\" Version=\"{version}\" />\n{body}</Project>\n",
            "global-json" => $"<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <Sdk Name=\"ContainerOpt.Sdk\" />\n{body}</Project>\n",
            "sdk-attribute" => $"<Project Sdk=\"Microsoft.NET.Sdk.Web;ContainerOpt.Sdk/{version}\">\n{body}</Project>\n",
            _ => throw new ArgumentOutOfRangeException(nameof(form)),
        };
        if (form == "global-json")
        {
            // Keeps the repository's SDK selection and adds the project SDK's version.
            scratch.Write("global.json",
                "{\n  \"sdk\": { \"version\": \"10.0.100\", \"rollForward\": \"latestFeature\" },\n" +
                $"  \"msbuild-sdks\": {{ \"ContainerOpt.Sdk\": \"{version}\" }}\n}}\n");
        }
        scratch.Write("web/Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
        var dockerfile = scratch.Write("web/Dockerfile", Dockerfiles.FinalStage);
        var project = scratch.Write("web/web.csproj", xml);

        var result = scratch.Build(project);

        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result, Expected.Warning("COPT1100", dockerfile, 1, 21, 1, 26, project));
        Assert.AreEqual(Dockerfiles.FinalStageMessage, result.ContainerOptDiagnostics.Single().Message);
        // The SDK came from the run's feed, not from anywhere else.
        Assert.IsTrue(Directory.Exists(Path.Combine(RunFixture.PackagesDirectory, "containeropt.sdk", version)), "ContainerOpt.Sdk should be resolved into the run's NUGET_PACKAGES");
    }
}
