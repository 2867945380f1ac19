namespace ContainerOpt.Cli.Tests;

/// <summary>Which commands the tool hands to its ahead-of-time compiled executable: only those that need no MSBuild.</summary>
[TestClass]
public sealed class NativeLauncherTests
{
    [TestMethod]
    [DataRow(true, "lint", "Dockerfile")]
    [DataRow(true, "lint", "src", "--format", "sarif", "--context", "ctx", "--config", ".hadolint.yaml", "--mode", "all", "--verbose")]
    [DataRow(true, "parse", "Dockerfile", "--format", "json")]
    [DataRow(true, "rules")]
    [DataRow(false, "lint", "Dockerfile", "--project", "Api.csproj")]
    [DataRow(false, "lint", "--project=Api.csproj", "Dockerfile")]
    [DataRow(false, "lint", "--project:Api.csproj", "Dockerfile")]
    [DataRow(false, "lint", "@lint.rsp")]
    [DataRow(true, "lint", "-", "--file-path-in-report", "src/Dockerfile", "-t", "warning", "--ignore", "DL3008", "--no-fail")]
    [DataRow(false, "generate", "--project", "Api.csproj")]
    [DataRow(false, "layers", "image:tag")]
    [DataRow(false, "--version")]
    [DataRow(false, "--help")]
    [DataRow(false)]
    public void Only_commands_without_msbuild_are_handed_over(bool expected, params string[] args) =>
        Assert.AreEqual(expected, NativeLauncher.IsHandedOver(args), string.Join(" ", args));
}
