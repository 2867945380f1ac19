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

    [TestMethod]
    [DataRow("2.36", 2, 36)]
    [DataRow("2.34\n", 2, 34)]
    [DataRow(" 10.0\r\n", 10, 0)]
    [DataRow("2.x", -1, -1)]
    [DataRow("2", -1, -1)]
    [DataRow("2.36.1", -1, -1)]
    [DataRow(".36", -1, -1)]
    [DataRow("2.", -1, -1)]
    [DataRow("", -1, -1)]
    [DataRow("1234567.1", -1, -1)]
    public void The_c_library_version_is_read_as_major_and_minor_or_not_at_all(string text, int major, int minor)
    {
        bool read = NativeLauncher.TryReadVersion(System.Text.Encoding.ASCII.GetBytes(text), out var version);
        Assert.AreEqual(major >= 0, read, text);
        if (read)
        {
            Assert.AreEqual((major, minor), version, text);
        }
    }
}
