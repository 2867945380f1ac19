using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// samples/visual-studio: the shape Visual Studio's "Add Docker support" writes (base/build/publish/final, paths relative to
/// the solution folder, DockerfileContext=..\.. in the project), copied outside this repository so nothing of ours applies,
/// restored from the run's feed with RestoreConfigFile (no NuGet.config inside the solution). With Visual Studio's
/// properties the build has nothing to say (EXPOSE 8081 is the template's HTTPS port); without them ContainerOpt judges the
/// Dockerfile against the project folder and gives the one right error: the paths are the solution folder's.
/// </summary>
[TestClass]
public sealed class VisualStudioShapeTests : BuildTestBase
{
    private static string CopySample() =>
        SampleCopy.To("visual-studio", Path.Combine(RunFixture.ImageSamplesDirectory, "visual-studio-" + Guid.NewGuid().ToString("N").Substring(0, 8)));

    private static DotnetResult Build(string root, params string[] properties) =>
        DotnetRunner.Run(root, new[] { "build", Path.Combine("src", "Api", "Api.csproj"), $"-p:ContainerOptVersion={RunFixture.PackageVersion}",
            $"-p:RestoreConfigFile={Path.Combine(RunFixture.RunDirectory, "nuget.config")}", "-p:NuGetAudit=false" }.Concat(properties),
            RunFixture.Environment);

    [TestMethod]
    public void With_visual_studios_properties_the_build_has_nothing_to_say()
    {
        string root = CopySample();
        var result = Build(root);
        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result);
    }

    [TestMethod]
    public void Without_them_the_one_finding_is_an_error_that_names_the_solution_folder()
    {
        string root = CopySample();
        var result = Build(root, "-p:DockerfileContext=");
        BuildAssert.Failed(result);
        string dockerfile = Path.Combine(root, "src", "Api", "Dockerfile");
        BuildAssert.Findings(result, Expected.Error("COPT1204", dockerfile, 16, 7, 16, 27));
        var error = result.ContainerOptDiagnostics.Single();
        StringAssert.Contains(error.Message, "'src/Api/Api.csproj' and 'src/Core/Core.csproj' are not in the build context '" + Path.Combine(root, "src", "Api"));
        StringAssert.Contains(error.Message, $"Build with the context '{root}': set ContainerOptContext (or Visual Studio's DockerfileContext) to it");
    }
}

/// <summary>
/// A <c>COPY . .</c> from the project folder (the default context) of a project that needs <c>../Core</c> and the
/// repository's props files: the one finding says they are outside the context and which folder holds them all.
/// </summary>
[TestClass]
public sealed class RestoreInputsOutsideContextTests : BuildTestBase
{
    [TestMethod]
    public void A_copy_of_the_project_folder_names_the_reference_and_the_props_files_it_cannot_reach()
    {
        var scratch = new Scratch("outside-context");
        scratch.OwnRepository(optIn: true);
        scratch.Library("src/Core", dockerfile: null, reference: false);
        var api = scratch.WebApp("src/Api",
            "FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\n\n" +
            "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nWORKDIR /app\nCOPY --from=build /app .\nUSER $APP_UID\nENTRYPOINT [\"dotnet\", \"Api.dll\"]\n",
            items: "<ProjectReference Include=\"../Core/Core.csproj\" />", reference: false);

        var result = scratch.Build(api);

        BuildAssert.Succeeded(result);
        string dockerfile = scratch.PathOf("src/Api/Dockerfile");
        // COPT4005 (COPY . . before the publish's restore) holds in any context; the .dockerignore advice (COPT3011) would
        // name this folder's, so the finding that asks for another context supersedes it.
        BuildAssert.Findings(result, Expected.Warning("COPT4005", dockerfile, 3, 6, 3, 7), Expected.Warning("COPT4019", dockerfile, 3, 6, 3, 7));
        var finding = result.ContainerOptDiagnostics.Single(d => d.Code == "COPT4019");
        Assert.AreEqual(
            "'../Core/Core.csproj', '../../Directory.Build.props', '../../Directory.Build.targets' and '../../Directory.Packages.props' are outside the build context "
            + $"'{scratch.PathOf("src/Api")}' (the Dockerfile's folder, which ContainerOpt assumes when nothing names another): no COPY can reach them, so 'dotnet publish' in the image "
            + $"fails or builds differently from your build. Build with the context '{scratch.Root}' (set ContainerOptContext, or Visual Studio's DockerfileContext, and docker build from there) and copy them before the restore.",
            finding.Message);
    }
}
