using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Benchmarks;

/// <summary>
/// The CLI end to end on a folder of 1,000 Dockerfiles (process start, discovery, reading, all rules,
/// text output). Uses the CLI built next to this benchmark (src/ContainerOpt.Cli, Release).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class CliFolderBenchmarks
{
    private string _folder = "";
    private string _cli = "";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "containeropt-bench-1000");
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        for (int i = 0; i < 1000; i++)
        {
            var dir = Path.Combine(_folder, $"svc{i:D4}");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "Dockerfile"), Samples.Typical.Replace("Api", "Svc" + i));
        }
        _cli = FindCli();
    }

    private static string FindCli()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "ContainerOpt.Cli", "bin", "Release", "net8.0", "containeropt.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException("Build the CLI first: dotnet build src/ContainerOpt.Cli -c Release");
    }

    [Benchmark(Description = "containeropt lint <folder of 1,000 Dockerfiles>")]
    public int LintFolder()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_cli);
        start.ArgumentList.Add("lint");
        start.ArgumentList.Add(_folder);
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }
}
