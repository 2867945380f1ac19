using System.Runtime.InteropServices;
using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// The installed tool hands lint (without --project), parse and rules to the ahead-of-time compiled executable its package
/// carries for linux-x64. That executable must print what the framework-dependent tool prints (CONTAINEROPT_NATIVE=0
/// keeps the command in the .NET process): the same bytes on standard output and error, the same exit code.
/// </summary>
[TestClass]
public sealed class NativeToolTests : BuildTestBase
{
    private static (int Code, string Stdout, string Stderr) Run(bool native, string workingDirectory, params string[] arguments) =>
        InstalledCli.Run(workingDirectory, new Dictionary<string, string> { ["CONTAINEROPT_NATIVE"] = native ? "1" : "0" }, arguments);

    [TestMethod]
    public void The_package_carries_the_native_executable_for_linux_x64()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Assert.Inconclusive("the native executable is for linux-x64");
        }
        string store = Path.Combine(Path.GetDirectoryName(RunFixture.Cli)!, ".store");
        var executables = Directory.GetFiles(store, "containeropt", SearchOption.AllDirectories)
            .Where(f => f.Replace('\\', '/').Contains("/native/linux-x64/", StringComparison.Ordinal)).ToList();
        Assert.AreEqual(1, executables.Count, string.Join("\n", executables));
        Assert.IsTrue(File.Exists(Path.Combine(Path.GetDirectoryName(executables[0])!, "glibc")));
    }

    [TestMethod]
    public void Native_and_framework_dependent_print_the_same()
    {
        string samples = Path.Combine(RunFixture.RepoRoot, "samples");
        string dockerfile = Path.Combine(samples, "naive-web", "src", "Api", "Dockerfile");
        var commands = new[]
        {
            new[] { "lint", samples },
            new[] { "lint", samples, "--format", "json", "--mode", "all" },
            new[] { "lint", samples, "--format", "sarif", "--verbose" },
            new[] { "lint", dockerfile, Path.Combine(samples, "no-such", "Dockerfile") },
            new[] { "lint" },
            new[] { "lint", dockerfile, "--format", "yaml" },
            new[] { "parse", dockerfile },
            new[] { "parse", dockerfile, "--format", "json" },
            new[] { "rules", "--format", "json" },
        };
        foreach (var command in commands)
        {
            var native = Run(native: true, samples, command);
            var managed = Run(native: false, samples, command);
            string what = string.Join(" ", command);
            Assert.AreEqual(managed.Code, native.Code, what + "\n" + native.Stderr);
            Assert.AreEqual(managed.Stderr, native.Stderr, what);
            Assert.AreEqual(managed.Stdout, native.Stdout, what);
        }
    }
}
