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
    public void A_lint_gets_the_server_collector_when_nothing_limits_it()
    {
        CollectionAssert.AreEqual(
            new[] { "DOTNET_gcServer=1", "DOTNET_GCDynamicAdaptationMode=0", "DOTNET_GCHeapCount=2" },
            NativeLauncher.CollectorSettings(["lint", "src"], userSetsCollector: false, addressSpaceIsLimited: false, processorCount: 2).ToArray());
        // At most four heaps, in the hexadecimal digits the runtime reads.
        CollectionAssert.AreEqual(
            new[] { "DOTNET_gcServer=1", "DOTNET_GCDynamicAdaptationMode=0", "DOTNET_GCHeapCount=4" },
            NativeLauncher.CollectorSettings(["lint"], userSetsCollector: false, addressSpaceIsLimited: false, processorCount: 64).ToArray());
    }

    [TestMethod]
    [DataRow(false, true, 2, "lint", "src")]
    [DataRow(true, false, 2, "lint", "src")]
    [DataRow(false, false, 1, "lint", "src")]
    [DataRow(false, false, 2, "parse", "Dockerfile")]
    [DataRow(false, false, 2, "rules")]
    [DataRow(false, false, 2)]
    public void The_default_collector_stays_beside_the_users_own_settings_under_a_limit_on_one_core_and_for_other_commands(
        bool userSetsCollector, bool limited, int processorCount, params string[] args) =>
        Assert.AreEqual(0, NativeLauncher.CollectorSettings(args, userSetsCollector, limited, processorCount).Count, string.Join(" ", args));

    [TestMethod]
    [DataRow(true, "DOTNET_gcServer=0")]
    [DataRow(true, "DOTNET_GCgen0size=4000000")]
    [DataRow(true, "dotnet_gcheaphardlimit=1")]
    [DataRow(true, "COMPlus_gcServer=1")]
    [DataRow(true, "DOTNET_GC")]
    [DataRow(false, "DOTNET_G")]
    [DataRow(false, "DOTNET_GENERATE_ASPNET_CERTIFICATE=false")]
    [DataRow(false, "DOTNET_ROOT=/usr/share/dotnet")]
    [DataRow(false, "PATH=/usr/bin")]
    [DataRow(false, "")]
    public void The_users_own_collector_settings_are_told_by_name(bool expected, string entry) =>
        Assert.AreEqual(expected, NativeLauncher.IsCollectorSetting(System.Text.Encoding.UTF8.GetBytes(entry)), entry);

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
