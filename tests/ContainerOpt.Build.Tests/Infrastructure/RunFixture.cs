using System.Globalization;
using System.Reflection;

namespace ContainerOpt.Build.Tests.Infrastructure;

/// <summary>
/// The fixture shared by every test of a run: the repository's ContainerOpt.Build and
/// ContainerOpt.Sdk packages, packed once with a version no earlier run used (so no NuGet cache can
/// serve a stale package), a local feed holding only them, an isolated NUGET_PACKAGES folder and the
/// run's scratch folder artifacts/test-projects/&lt;run&gt;/ with a nuget.config and the files that
/// keep the repository's own Directory.Build.props and central package management out of the
/// scratch projects.
/// </summary>
internal static class RunFixture
{
    private static readonly object Gate = new();
    private static int _scratchCounter;
    private static int _failures;

    public static string RepoRoot { get; } = Path.GetFullPath(typeof(RunFixture).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "ContainerOptRepoRoot").Value!);

    /// <summary>yyyyMMdd-HHmmss-pid: names the run's folders and is part of the package version.</summary>
    public static string RunId { get; private set; } = "";

    /// <summary>The version both packages were packed with, e.g. 0.1.69-test.t20261122093612p4242.</summary>
    public static string PackageVersion { get; private set; } = "";

    /// <summary>The local feed: the folder the packages were packed into.</summary>
    public static string FeedDirectory { get; private set; } = "";

    /// <summary>The run's scratch root, artifacts/test-projects/&lt;run&gt;.</summary>
    public static string RunDirectory { get; private set; } = "";

    /// <summary>One line per dotnet process of the run: time, duration, exit code, arguments.</summary>
    public static string JournalPath { get; private set; } = "";

    /// <summary>NUGET_PACKAGES of every scratch build of this run.</summary>
    public static string PackagesDirectory { get; private set; } = "";

    public static string BuildPackagePath => Path.Combine(FeedDirectory, $"ContainerOpt.Build.{PackageVersion}.nupkg");
    public static string SdkPackagePath => Path.Combine(FeedDirectory, $"ContainerOpt.Sdk.{PackageVersion}.nupkg");
    public static string CliPackagePath => Path.Combine(FeedDirectory, $"ContainerOpt.Cli.{PackageVersion}.nupkg");

    /// <summary>Each package's `dotnet pack` (at normal verbosity, which shows NuGet's notes such as a missing readme), by package id.</summary>
    public static IReadOnlyDictionary<string, DotnetResult> PackResults => _packResults;

    private static readonly Dictionary<string, DotnetResult> _packResults = new(StringComparer.Ordinal);

    private static readonly Lazy<string> LazyCli = new(InstallCli, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The <c>containeropt</c> command, installed from the run's feed (its nuget.config maps ContainerOpt.* there) as a user installs the tool.</summary>
    public static string Cli => LazyCli.Value;

    private static string InstallCli()
    {
        string toolPath = Path.Combine(RunDirectory, ".tools");
        var install = DotnetRunner.Run(RunDirectory, new[]
        {
            "tool", "install", "ContainerOpt.Cli", "--tool-path", toolPath, "--version", PackageVersion,
        }, Environment, TimeSpan.FromMinutes(3));
        string command = Path.Combine(toolPath, OperatingSystem.IsWindows() ? "containeropt.exe" : "containeropt");
        if (install.ExitCode != 0 || !File.Exists(command))
        {
            throw new InvalidOperationException("installing the containeropt tool failed: " + install.Describe());
        }
        return command;
    }

    /// <summary>Environment of every scratch build.</summary>
    public static IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesDirectory,
    };

    public static void Initialize()
    {
        var now = DateTime.UtcNow;
        int pid = System.Environment.ProcessId;
        RunId = now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + pid.ToString(CultureInfo.InvariantCulture);
        var artifacts = Path.Combine(RepoRoot, "artifacts");
        DeleteOldRuns(Path.Combine(artifacts, "test-projects"));
        DeleteOldRuns(Path.Combine(artifacts, "test-packages"));
        DeleteOldRuns(Path.GetDirectoryName(ImageSamplesDirectory)!);

        FeedDirectory = Path.Combine(artifacts, "test-packages", RunId);
        RunDirectory = Path.Combine(artifacts, "test-projects", RunId);
        PackagesDirectory = Path.Combine(RunDirectory, ".nuget-packages");
        Directory.CreateDirectory(FeedDirectory);
        Directory.CreateDirectory(PackagesDirectory);
        // Every dotnet process of the run, with its wall time: where the suite spends its minutes.
        var results = Path.Combine(artifacts, "test-results");
        Directory.CreateDirectory(results);
        JournalPath = Path.Combine(results, "ContainerOpt.Build.Tests.dotnet-invocations.log");
        File.WriteAllText(JournalPath, $"run {RunId}\n");
        DotnetRunner.Journal = r =>
        {
            lock (Gate)
            {
                File.AppendAllText(JournalPath, string.Format(CultureInfo.InvariantCulture, "{0:HH:mm:ss} {1,7:F2} s  exit {2}  {3}  (in {4})\n",
                    DateTime.Now, r.Elapsed.TotalSeconds, r.ExitCode, string.Join(" ", r.Arguments), Path.GetRelativePath(RunDirectory, r.WorkingDirectory)));
            }
        };

        // The version: the repository's own major.minor.height (Nerdbank.GitVersioning's
        // BuildVersionSimple, from version.json and git) with a prerelease label unique to this run,
        // passed as -p:PackageVersion (Directory.Build.props keeps it over NBGV's package version).
        // Only PackageVersion changes, not the assembly version, so packing after a Release build of
        // the solution compiles nothing again.
        var prefix = DotnetRunner.Run(RepoRoot, new[]
        {
            "msbuild", "src/ContainerOpt.Tasks/ContainerOpt.Tasks.csproj", "-nologo", "-p:TargetFramework=net8.0",
            "-t:GetBuildVersion", "-getProperty:BuildVersionSimple",
        });
        if (prefix.ExitCode != 0 || string.IsNullOrWhiteSpace(prefix.Stdout))
        {
            throw new InvalidOperationException("could not read the version (BuildVersionSimple): " + prefix.Describe());
        }
        PackageVersion = $"{prefix.Stdout.Trim()}-test.t{now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)}p{pid}";

        foreach (var (id, project) in new[] { ("ContainerOpt.Build", "src/ContainerOpt.Tasks/ContainerOpt.Tasks.csproj"), ("ContainerOpt.Sdk", "sdk/ContainerOpt.Sdk.csproj"), ("ContainerOpt.Cli", "src/ContainerOpt.Cli/ContainerOpt.Cli.csproj") })
        {
            var pack = DotnetRunner.Run(RepoRoot, new[]
            {
                "pack", project, "-c", "Release", "-o", FeedDirectory, "-nologo", "-tl:off", "-v:n",
                "-p:PackageVersion=" + PackageVersion,
            }, timeout: TimeSpan.FromMinutes(8));
            if (pack.ExitCode != 0)
            {
                throw new InvalidOperationException("packing failed: " + pack.Describe());
            }
            _packResults[id] = pack;
        }
        foreach (var package in new[] { BuildPackagePath, SdkPackagePath, CliPackagePath })
        {
            if (!File.Exists(package))
            {
                throw new InvalidOperationException($"{package} was not written; the feed holds: {string.Join(", ", Directory.GetFiles(FeedDirectory).Select(Path.GetFileName))}");
            }
        }
        WriteRunFiles();
    }

    private static void WriteRunFiles()
    {
        // Packages the scratch projects need besides ContainerOpt's (net8.0 reference and apphost
        // packs of the multi-targeted projects) are taken from the user's package folder when they are
        // there, else restored from nuget.org into the isolated folder.
        string userPackages = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string fallback = Directory.Exists(userPackages)
            ? $"  <fallbackPackageFolders>\n    <clear />\n    <add key=\"user\" value=\"{Xml(userPackages)}\" />\n  </fallbackPackageFolders>\n"
            : "  <fallbackPackageFolders>\n    <clear />\n  </fallbackPackageFolders>\n";
        File.WriteAllText(Path.Combine(RunDirectory, "nuget.config"),
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n" +
            "  <packageSources>\n    <clear />\n" +
            $"    <add key=\"containeropt-under-test\" value=\"{Xml(FeedDirectory)}\" />\n" +
            "    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" />\n" +
            "  </packageSources>\n" +
            "  <packageSourceMapping>\n" +
            "    <packageSource key=\"containeropt-under-test\">\n      <package pattern=\"ContainerOpt.*\" />\n    </packageSource>\n" +
            "    <packageSource key=\"nuget.org\">\n      <package pattern=\"*\" />\n    </packageSource>\n" +
            "  </packageSourceMapping>\n" +
            fallback +
            "</configuration>\n");
        // Stop MSBuild's upward search here: the repository's Directory.Build.props (TreatWarningsAsErrors,
        // central package management) must not leak into the scratch projects.
        // NuGetAudit off: no vulnerability look-ups on every restore of a scratch project.
        File.WriteAllText(Path.Combine(RunDirectory, "Directory.Build.props"),
            "<Project>\n  <PropertyGroup>\n    <NuGetAudit>false</NuGetAudit>\n  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(RunDirectory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(RunDirectory, "Directory.Packages.props"),
            "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n</Project>\n");
    }

    /// <summary>A fresh folder for one test under the run's scratch root.</summary>
    public static string NewScratchDirectory(string name)
    {
        int n = Interlocked.Increment(ref _scratchCounter);
        var dir = Path.Combine(RunDirectory, $"{n:D2}-{name}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Where the image tests copy samples/generate/*: outside this repository, so none of its Directory.*.props apply.</summary>
    public static string ImageSamplesDirectory => Path.Combine(Path.GetTempPath(), "containeropt-images", RunId);

    public static void RecordFailure() => Interlocked.Increment(ref _failures);

    /// <summary>Removes the run's folders when every test passed; a failed run keeps them to look at.</summary>
    public static void Cleanup()
    {
        lock (Gate)
        {
            if (_failures > 0 || RunDirectory.Length == 0 || System.Environment.GetEnvironmentVariable("CONTAINEROPT_KEEP_TEST_PROJECTS") == "1")
            {
                return;
            }
            TryDelete(RunDirectory);
            TryDelete(FeedDirectory);
            TryDelete(ImageSamplesDirectory);
        }
    }

    private static void DeleteOldRuns(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }
        // Another run may be going on in the same work tree: only folders of runs long over go.
        foreach (var dir in Directory.GetDirectories(parent))
        {
            if (Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddHours(-2))
            {
                TryDelete(dir);
            }
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run's clean-up.
        }
    }

    public static string Xml(string s) => System.Security.SecurityElement.Escape(s)!;
}
