using ContainerOpt.Cli.Projects;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// <c>containeropt lint</c> reads .editorconfig and .globalconfig files upward from each linted file, and with
/// <c>--project</c> the files the project lists, as <c>dotnet build</c> does.
/// </summary>
[TestClass]
public sealed class EditorConfigLintTests
{
    /// <summary>COPT1100 (StageNameCasing) warns at (1,21); COPT1107 (MaintainerDeprecated, DL4000, a style check) is a suggestion at (2,1).</summary>
    private const string Text = "FROM alpine:3.20 AS Build\nMAINTAINER me\n";

    private static string Repo()
    {
        string root = Path.Combine(Path.GetTempPath(), "containeropt-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "src", "Api"));
        Directory.CreateDirectory(Path.Combine(root, "src", "Worker"));
        File.WriteAllText(Path.Combine(root, "src", "Api", "Dockerfile"), Text);
        File.WriteAllText(Path.Combine(root, "src", "Worker", "Dockerfile"), Text);
        File.WriteAllText(Path.Combine(root, ".editorconfig"), """
            root = true

            [*]
            indent_style = space

            [**/Dockerfile]
            dotnet_diagnostic.DL4000.severity = error

            [src/Worker/**]
            dotnet_diagnostic.StageNameCasing.severity = none
            dotnet_diagnostic.maintainer-deprecated.severity = warnin
            """);
        return root;
    }

    [TestMethod]
    public void Each_files_settings_are_its_own_and_a_bad_setting_is_reported_once_in_its_file()
    {
        string root = Repo();
        var (code, stdout, _) = CliRunner.Run("lint", Path.Combine(root, "src"));

        Assert.AreEqual(1, code);
        string api = Path.Combine(root, "src", "Api", "Dockerfile"), worker = Path.Combine(root, "src", "Worker", "Dockerfile");
        string editorConfig = Path.Combine(root, ".editorconfig");
        Assert.AreEqual(
            $"{editorConfig}(11,52): warning COPT0018: Invalid setting in '{editorConfig}': 'warnin' is not a severity for 'dotnet_diagnostic.maintainer-deprecated.severity'; use none, silent, suggestion, warning, error or default. The setting is ignored. Did you mean 'warning'?\n" +
            $"{api}(1,21): warning COPT1100: Stage name 'Build' should be lowercase: name it 'build'.\n" +
            $"{api}(2,1): error COPT1107: Maintainer instruction is deprecated in favor of using label: write LABEL org.opencontainers.image.authors=\"me\" instead.\n" +
            $"{worker}(2,1): error COPT1107: Maintainer instruction is deprecated in favor of using label: write LABEL org.opencontainers.image.authors=\"me\" instead.\n",
            stdout);
    }

    [TestMethod]
    public void With_a_project_the_global_files_it_lists_apply_as_in_the_build()
    {
        string root = Repo();
        File.WriteAllText(Path.Combine(root, ".editorconfig"), "root = true\n[**/Dockerfile]\ndotnet_diagnostic.DL4000.severity = error\n");
        File.WriteAllText(Path.Combine(root, "company.globalconfig"), "is_global = true\ndotnet_diagnostic.COPT1107.severity = none\ndotnet_diagnostic.COPT1100.severity = error\n");
        string project = Path.Combine(root, "src", "Api", "Api.csproj");
        File.WriteAllText(project, """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup><GlobalAnalyzerConfigFiles Include="../../company.globalconfig" /></ItemGroup>
            </Project>
            """);
        var model = MSBuildProjectLoader.TryLoad(project, out var problem);
        Assert.IsNotNull(model, problem?.Message);
        CollectionAssert.Contains(model.AnalyzerConfigFiles.ToArray(), Path.Combine(root, "company.globalconfig"));

        string api = Path.Combine(root, "src", "Api", "Dockerfile");
        var (code, stdout, _) = CliRunner.Run("lint", api, "--project", project);

        // The .editorconfig's DL4000 entry beats the global file's COPT1107 one (.editorconfig over .globalconfig).
        Assert.AreEqual(1, code);
        Assert.AreEqual(
            $"{api}(1,21): error COPT1100: Stage name 'Build' should be lowercase: name it 'build'.\n" +
            $"{api}(2,1): error COPT1107: Maintainer instruction is deprecated in favor of using label: write LABEL org.opencontainers.image.authors=\"me\" instead.\n",
            stdout);
    }
}
