using System.Diagnostics;
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

    /// <summary>With standard input and a HOME of the test's own (where the user's hadolint configuration is read).</summary>
    private static (int Code, string Stdout, string Stderr) Run(bool native, string workingDirectory, string? stdin, string home, params string[] arguments) =>
        InstalledCli.RunWithInput(workingDirectory, new Dictionary<string, string>
        {
            ["CONTAINEROPT_NATIVE"] = native ? "1" : "0",
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = "",
        }, stdin, arguments);

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
    public void The_native_executable_runs_under_a_limit_on_virtual_memory()
    {
        // What the runtime reserves must leave room under a `ulimit -v` of 1 GB: the server collector did not (an
        // OutOfMemoryException starting a thread, or, with a fixed heap range above the limit, exit 255 before Main).
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Assert.Inconclusive("the native executable is for linux-x64");
        }
        string store = Path.Combine(Path.GetDirectoryName(RunFixture.Cli)!, ".store");
        string executable = Directory.GetFiles(store, "containeropt", SearchOption.AllDirectories)
            .Single(f => f.Replace('\\', '/').Contains("/native/linux-x64/", StringComparison.Ordinal));
        string samples = Path.Combine(RunFixture.RepoRoot, "samples");
        (int Code, string Stdout, string Stderr) Lint(string? limitKilobytes)
        {
            // The limit is set by the shell, which then becomes the executable; the arguments go as a list ("$0" "$@").
            var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(limitKilobytes is null ? "exec \"$0\" \"$@\"" : "ulimit -v " + limitKilobytes + " && exec \"$0\" \"$@\"");
            foreach (var argument in new[] { executable, "lint", samples, "--format", "json", "--mode", "all" })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["PATH"] = "/nonexistent";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
        var free = Lint(null);
        var limited = Lint("1000000");
        Assert.AreEqual(0, free.Code, free.Stderr);
        StringAssert.Contains(free.Stdout, "\"files\"");
        Assert.AreEqual(free.Code, limited.Code, limited.Stderr);
        Assert.AreEqual(free.Stdout, limited.Stdout);
    }

    [TestMethod]
    public void The_tool_lints_many_files_under_a_limit_on_virtual_memory()
    {
        // Many files through the installed tool (launcher, then the executable) under `ulimit -v 2000000`: the output of the
        // unlimited run. The server collector, which the launcher once chose, ended such a run in an OutOfMemoryException (exit 134).
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            Assert.Inconclusive("the native executable is for linux-x64");
        }
        string root = Path.Combine(Path.GetTempPath(), "containeropt-native-limit", Guid.NewGuid().ToString("N"));
        string dockerfile = File.ReadAllText(Path.Combine(RunFixture.RepoRoot, "samples", "naive-web", "src", "Api", "Dockerfile"));
        try
        {
            for (int i = 0; i < 200; i++)
            {
                Directory.CreateDirectory(Path.Combine(root, "s" + i));
                File.WriteAllText(Path.Combine(root, "s" + i, "Dockerfile"), dockerfile);
            }
            (int Code, string Stdout, string Stderr) Lint(string? limitKilobytes)
            {
                var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add(limitKilobytes is null ? "exec \"$0\" \"$@\"" : "ulimit -v " + limitKilobytes + " && exec \"$0\" \"$@\"");
                foreach (var argument in new[] { RunFixture.Cli, "lint", root, "--format", "json", "--no-fail" })
                {
                    start.ArgumentList.Add(argument);
                }
                foreach (var pair in RunFixture.Environment)
                {
                    start.Environment[pair.Key] = pair.Value;
                }
                foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_GC", StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    start.Environment.Remove(name);
                }
                using var process = Process.Start(start)!;
                var stderr = process.StandardError.ReadToEndAsync();
                string stdout = process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(180_000))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail("containeropt lint did not finish in 3 minutes under a limit of " + limitKilobytes);
                }
                return (process.ExitCode, stdout, stderr.Result);
            }
            var free = Lint(null);
            var limited = Lint("2000000");
            Assert.AreEqual(0, free.Code, free.Stderr);
            StringAssert.Contains(free.Stdout, "s199");
            Assert.AreEqual(0, limited.Code, limited.Stderr);
            Assert.AreEqual(free.Stdout, limited.Stdout);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
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

    [TestMethod]
    public void Native_and_framework_dependent_take_the_same_flags_input_and_configuration()
    {
        string samples = Path.Combine(RunFixture.RepoRoot, "samples");
        string dockerfile = Path.Combine(samples, "naive-web", "src", "Api", "Dockerfile");
        string root = Path.Combine(Path.GetTempPath(), "containeropt-native-flags", Guid.NewGuid().ToString("N"));
        string home = Path.Combine(root, "home");
        string empty = Path.Combine(root, "empty");
        Directory.CreateDirectory(Path.Combine(home, ".config"));
        Directory.CreateDirectory(empty);
        // The user's hadolint file: read by both (no file in the samples' folders up to the repository root).
        File.WriteAllText(Path.Combine(home, ".config", "hadolint.yaml"), "ignored: [DL3059]\nfailure-threshold: warning\n");
        var commands = new (string? Stdin, string[] Arguments)[]
        {
            (null, new[] { "lint", samples, "-V" }),
            (null, new[] { "lint", samples, "--mode", "hadolint", "--ignore", "DL3008", "--ignore", "apt-get-pin-versions", "-t", "info",
                "--trusted-registry", "mcr.microsoft.com", "--require-label", "maintainer:text", "--strict-labels", "--error", "COPT2006",
                "--info", "DL3009", "--warning", "DL3015", "--style", "StageNameCasing", "--disable-ignore-pragma", "--no-color", "-V" }),
            (null, new[] { "lint", samples, "--no-fail", "-f", "json", "-c", Path.Combine(home, ".config", "hadolint.yaml") }),
            (null, new[] { "lint", dockerfile, "--file-path-in-report", "src/Api/Dockerfile", "-f", "sarif" }),
            (File.ReadAllText(dockerfile), new[] { "lint", "-", "--file-path-in-report", dockerfile }),
            (File.ReadAllText(dockerfile), new[] { "lint", "-", "-t", "none" }),
            (null, new[] { "lint", empty }),
            (null, new[] { "lint", samples, "--ignore", "DL3O08" }),
            (null, new[] { "lint", "--frmat", "json", samples }),
            (null, new[] { "lint", "--help" }),
            (null, new[] { "parse", "--help" }),
            (null, new[] { "rules", "-h" }),
        };
        try
        {
            foreach (var (stdin, command) in commands)
            {
                var native = Run(native: true, samples, stdin, home, command);
                var managed = Run(native: false, samples, stdin, home, command);
                string what = string.Join(" ", command);
                Assert.AreEqual(managed.Code, native.Code, what + "\n" + native.Stderr);
                Assert.AreEqual(managed.Stderr, native.Stderr, what);
                Assert.AreEqual(managed.Stdout, native.Stdout, what);
            }
            // The user's file applied (DL3059 ignored, hadolint mode, failure at warning), the usage errors exit 2.
            Assert.AreEqual(2, Run(native: true, samples, null, home, "lint", samples, "--ignore", "DL3O08").Code);
            Assert.AreEqual(2, Run(native: true, samples, null, home, "lint", empty).Code);
            StringAssert.Contains(Run(native: true, samples, null, home, "lint", samples, "-V").Stderr,
                "containeropt: configuration: " + Path.Combine(home, ".config", "hadolint.yaml"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
