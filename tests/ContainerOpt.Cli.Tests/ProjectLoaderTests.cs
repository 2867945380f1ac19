using ContainerOpt.Core.Projects;
using ContainerOpt.Cli.Projects;

namespace ContainerOpt.Cli.Tests;

/// <summary>Evaluates real projects with the machine's .NET SDK (no mocks): what --project feeds the .NET rules.</summary>
[TestClass]
public sealed class ProjectLoaderTests
{
    private static string MakeRepo()
    {
        var root = Path.Combine(Path.GetTempPath(), "containeropt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "src", "Api"));
        Directory.CreateDirectory(Path.Combine(root, "src", "Domain"));
        Directory.CreateDirectory(Path.Combine(root, "src", "Shared"));
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project><PropertyGroup><Nullable>enable</Nullable></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup></Project>");
        File.WriteAllText(Path.Combine(root, "NuGet.Config"), "<configuration />");
        File.WriteAllText(Path.Combine(root, "global.json"), "{}");
        File.WriteAllText(Path.Combine(root, "src", "Api", "Api.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <AssemblyName>Contoso.Api</AssemblyName>
                <InvariantGlobalization>true</InvariantGlobalization>
                <ContainerFamily>noble-chiseled</ContainerFamily>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="..\Domain\Domain.csproj" />
                <ContainerPort Include="8081" Type="tcp" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "src", "Domain", "Domain.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFrameworks>net10.0;net8.0</TargetFrameworks></PropertyGroup>
              <ItemGroup><ProjectReference Include="../Shared/Shared.csproj" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(root, "src", "Shared", "Shared.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>
            """);
        return root;
    }

    [TestMethod]
    public void Web_project_with_transitive_references_and_central_package_management()
    {
        var root = MakeRepo();
        var model = MSBuildProjectLoader.TryLoad(Path.Combine(root, "src", "Api", "Api.csproj"), out var problem);
        Assert.IsNotNull(model, problem?.Message);
        Assert.IsNull(model.TestProjectEvidence);
        Assert.AreEqual(ProjectKind.Web, model.Kind);
        Assert.IsTrue(model.IsWeb);
        CollectionAssert.AreEqual(new[] { "net10.0" }, model.TargetFrameworks.ToArray());
        Assert.AreEqual(new Version(10, 0), model.FrameworkVersion);
        Assert.AreEqual("Contoso.Api", model.AssemblyName);
        Assert.AreEqual("Contoso.Api", model.TargetName);
        Assert.IsTrue(model.InvariantGlobalization);
        Assert.IsTrue(model.ManagePackageVersionsCentrally);
        Assert.AreEqual("noble-chiseled", model.ContainerFamily);
        CollectionAssert.AreEqual(new[] { "8081/tcp" }, model.ContainerPorts.ToArray());
        CollectionAssert.AreEqual(new[]
        {
            Path.Combine(root, "src", "Domain", "Domain.csproj"),
            Path.Combine(root, "src", "Shared", "Shared.csproj"),
        }, model.ProjectReferences.ToArray());
        CollectionAssert.AreEquivalent(new[]
        {
            Path.Combine(root, "Directory.Build.props"),
            Path.Combine(root, "Directory.Packages.props"),
            Path.Combine(root, "NuGet.Config"),
            Path.Combine(root, "global.json"),
        }, model.RestoreInputs.ToArray());
    }

    [TestMethod]
    public void Missing_project_is_an_error_not_an_exception()
    {
        Assert.IsNull(MSBuildProjectLoader.TryLoad("/no/such/App.csproj", out var problem));
        Assert.AreEqual("/no/such/App.csproj(1,1): error COPT0008: The project '/no/such/App.csproj' does not exist. Check the path given to --project.", problem!.ToCanonicalString());
    }

    [TestMethod]
    public void Broken_project_is_an_error_not_an_exception()
    {
        var root = MakeRepo();
        var path = Path.Combine(root, "Broken.csproj");
        File.WriteAllText(path, "<Project><PropertyGroup>");
        Assert.IsNull(MSBuildProjectLoader.TryLoad(path, out var problem));
        Assert.AreEqual("COPT0005", problem!.Code);
        StringAssert.Contains(problem.Message, "the project could not be evaluated");
    }

    [TestMethod]
    public void Lint_with_a_missing_project_reports_COPT0008_project_not_found_and_exit_2()
    {
        var dockerfile = CliRunner.TempFile("FROM alpine:3.20\n");
        var (code, stdout, stderr) = CliRunner.Run("lint", dockerfile, "--project", "/no/such/App.csproj");
        Assert.AreEqual(2, code);
        Assert.AreEqual("/no/such/App.csproj(1,1): error COPT0008: The project '/no/such/App.csproj' does not exist. Check the path given to --project.\n", stdout);
        Assert.AreEqual("1 file(s): 1 error(s), 0 warning(s), 0 info.\n", stderr, "one Dockerfile linted; the project is not a file linted");
    }

    [TestMethod]
    public void Lint_with_project_uses_the_context_the_project_names_as_the_build_does()
    {
        // samples/visual-studio: DockerfileContext=..\.. in Api.csproj, paths relative to the solution folder.
        string sample = Path.Combine(ContainerOpt.TestSupport.Corpus.RepoRoot, "samples", "visual-studio");
        string dockerfile = Path.Combine(sample, "src", "Api", "Dockerfile");
        string project = Path.Combine(sample, "src", "Api", "Api.csproj");
        Assert.AreEqual(sample, MSBuildProjectLoader.TryLoad(project, out _)!.BuildContext?.TrimEnd(Path.DirectorySeparatorChar));

        var named = CliRunner.Run("lint", dockerfile, "--project", project);
        Assert.AreEqual(0, named.ExitCode, named.Stdout + named.Stderr);
        Assert.IsFalse(named.Stdout.Contains("COPT1204", StringComparison.Ordinal), named.Stdout);
        Assert.IsFalse(named.Stdout.Contains("COPT4012", StringComparison.Ordinal), "EXPOSE 8081 is the template's HTTPS port: " + named.Stdout);

        // --context wins over the project's: the project folder lacks the solution folder's paths.
        var projectFolder = CliRunner.Run("lint", dockerfile, "--project", project, "--context", Path.Combine(sample, "src", "Api"));
        Assert.AreEqual(1, projectFolder.ExitCode, projectFolder.Stdout);
        StringAssert.Contains(projectFolder.Stdout, dockerfile + "(16,7): error COPT1204: 'src/Api/Api.csproj' and 'src/Core/Core.csproj' are not in the build context");
        StringAssert.Contains(projectFolder.Stdout, $"Build with the context '{sample}'");
    }
}
