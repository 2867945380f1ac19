using System.Globalization;
using ContainerOpt.Build.Tests.Infrastructure;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// What the package costs a developer: the wall time of a no-op incremental `dotnet build` (the build
/// run most often) of the same web app with and without ContainerOpt.Build, and of its first build.
/// </summary>
[TestClass]
public sealed class PerformanceTests : BuildTestBase
{
    private const int Runs = 5;
    private const double MaxOverhead = 0.15;
    private const int MaxBatches = 3;

    [TestMethod]
    [DoNotParallelize]
    public void NoOpIncrementalBuild_WithThePackage_CostsLessThan15PercentMore()
    {
        var scratch = new Scratch("performance");
        var with = scratch.WebApp("with");
        var without = scratch.WebApp("without", reference: false);

        // Cold: the first build of each (restore, compile, and for "with" the first analysis).
        var coldWithout = scratch.Build(without);
        BuildAssert.Succeeded(coldWithout);
        var coldWith = scratch.Build(with);
        BuildAssert.Succeeded(coldWith);
        BuildAssert.Findings(coldWith, Expected.Warning("COPT1100", scratch.PathOf("with/Dockerfile"), 1, 21, 1, 26, with));

        // Warm-up, then the runs interleaved so drift in the machine's load hits both alike. A batch
        // whose medians are over the limit is followed by another (at most two more), the medians then
        // taken over all runs: on a 2-core machine shared with other builds single runs vary by ±20%,
        // several times the ~50 ms the package costs, and one unlucky batch must not decide.
        Timed(scratch, without);
        Timed(scratch, with);
        var withTimes = new List<double>();
        var withoutTimes = new List<double>();
        int batches = 0;
        double medianWith, medianWithout, overhead;
        do
        {
            batches++;
            for (int i = 0; i < Runs; i++)
            {
                withoutTimes.Add(Timed(scratch, without));
                var w = scratch.Build(with, "--no-restore");
                BuildAssert.Succeeded(w);
                BuildAssert.Findings(w, Expected.Warning("COPT1100", scratch.PathOf("with/Dockerfile"), 1, 21, 1, 26, with));
                withTimes.Add(w.Elapsed.TotalSeconds);
            }
            medianWith = Median(withTimes);
            medianWithout = Median(withoutTimes);
            overhead = medianWith / medianWithout - 1;
        }
        while (overhead >= MaxOverhead && batches < MaxBatches);

        string report = string.Format(CultureInfo.InvariantCulture,
            "no-op incremental dotnet build --no-restore, median of {0} runs each after a warm-up: without ContainerOpt.Build {1:F3} s, with {2:F3} s, overhead {3:+0.0;-0.0}% ({4:+0;-0} ms)\n" +
            "  runs without: {5}\n  runs with:    {6}\n" +
            "first (cold) dotnet build incl. restore: without {7:F3} s, with {8:F3} s, difference {9:+0.000;-0.000} s\n",
            withTimes.Count, medianWithout, medianWith, overhead * 100, (medianWith - medianWithout) * 1000,
            string.Join(" ", withoutTimes.Select(t => t.ToString("F3", CultureInfo.InvariantCulture))),
            string.Join(" ", withTimes.Select(t => t.ToString("F3", CultureInfo.InvariantCulture))),
            coldWithout.Elapsed.TotalSeconds, coldWith.Elapsed.TotalSeconds, coldWith.Elapsed.TotalSeconds - coldWithout.Elapsed.TotalSeconds);
        TestContext.WriteLine(report);
        Console.WriteLine(report);
        var results = Path.Combine(RunFixture.RepoRoot, "artifacts", "test-results");
        Directory.CreateDirectory(results);
        File.WriteAllText(Path.Combine(results, "containeropt-build-overhead.txt"), report);

        Assert.IsLessThan(MaxOverhead, overhead, report);
    }

    private static double Timed(Scratch scratch, string project)
    {
        var result = scratch.Build(project, "--no-restore");
        BuildAssert.Succeeded(result);
        return result.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
