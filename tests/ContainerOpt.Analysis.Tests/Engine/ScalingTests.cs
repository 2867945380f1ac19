using ContainerOpt.TestSupport;
using System.Diagnostics;
using System.Runtime;
using System.Text;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Engine;

/// <summary>
/// The whole analysis (parse, model, facts, every rule, pragmas) is linear in the number of instructions: floods of
/// one instruction (ENV, ARG, RUN, LABEL) cost at most 5x the time and 5x the memory for 4x the lines (a quadratic
/// path costs 16x), and a 5 MB flood lints in under 5 s with under 500 MB live. build/scaling.sh times the CLI the same way.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ScalingTests
{
    private const int Small = 8_000;
    private const int Large = 4 * Small;
    private const int FiveMegabytes = 5 * 1024 * 1024;


    private static AnalysisResult Analyze(string text) => new DockerfileAnalyzer().Analyze(SourceText.From(text, "Dockerfile"));

    /// <summary>The bytes one analysis allocates (deterministic: the analysis runs on this thread).</summary>
    private static long Allocated(string text)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(Analyze(text));
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>
    /// The best of a few runs (the noise of a busy 2-core machine only ever adds time): the whole time, and the time
    /// outside the collector's pauses.
    /// </summary>
    private static (TimeSpan Total, TimeSpan Mutator) Best(string text, int runs)
    {
        var best = (Total: TimeSpan.MaxValue, Mutator: TimeSpan.MaxValue);
        // No background collection racing the analysis for one of the 2 cores: all the collector's work is in its pauses.
        var latency = GCSettings.LatencyMode;
        GCSettings.LatencyMode = GCLatencyMode.Batch;
        try
        {
            for (int i = 0; i < runs; i++)
            {
                GC.Collect();
                var pauses = GC.GetTotalPauseDuration();
                var watch = Stopwatch.StartNew();
                GC.KeepAlive(Analyze(text));
                var total = watch.Elapsed;
                var mutator = total - (GC.GetTotalPauseDuration() - pauses);
                if (total < best.Total) best.Total = total;
                if (mutator < best.Mutator) best.Mutator = mutator;
            }
        }
        finally
        {
            GCSettings.LatencyMode = latency;
        }
        return best;
    }

    [TestMethod]
    [DataRow("ENV")]
    [DataRow("ARG")]
    [DataRow("RUN")]
    [DataRow("LABEL")]
    public void Four_times_the_instructions_cost_at_most_five_times_the_memory_and_time(string kind)
    {
        string small = Floods.Of(kind, Small), large = Floods.Of(kind, Large);
        Allocated(small);
        long smallBytes = Allocated(small), largeBytes = Allocated(large);
        double memory = (double)largeBytes / smallBytes;
        Console.WriteLine($"{kind}: {Small:N0} lines allocated {smallBytes:N0} B, {Large:N0} lines {largeBytes:N0} B (x{memory:F2})");
        Assert.IsTrue(memory <= 5, $"{kind}: {Small:N0} lines allocated {smallBytes:N0} B, {Large:N0} lines {largeBytes:N0} B (x{memory:F2})");

        // Time outside GC pauses (the runs above warmed the JIT), with the collector kept in the foreground: its work follows
        // the allocation bounded above, but a run that fits in its first budget pauses for nothing and a 4x one pauses
        // several times, a threshold, not growth. Both sizes are past the CPU's L2 cache for the same reason (a size that
        // fits a cache level is faster per line than one that does not). A quadratic path makes the analysis 16x slower.
        // Up to three rounds, keeping each size's best: a busy machine (CI runs builds beside) only ever adds time, and a
        // run of 25 ms is easily doubled by it, while a quadratic path stays 16x in every round.
        var smallTime = Best(small, 7);
        var largeTime = Best(large, 5);
        double time = largeTime.Mutator.TotalMilliseconds / Math.Max(smallTime.Mutator.TotalMilliseconds, 20);
        for (int round = 1; round < 3 && time > 5; round++)
        {
            var s = Best(small, 7);
            var l = Best(large, 5);
            if (s.Mutator < smallTime.Mutator) smallTime = s;
            if (l.Mutator < largeTime.Mutator) largeTime = l;
            time = largeTime.Mutator.TotalMilliseconds / Math.Max(smallTime.Mutator.TotalMilliseconds, 20);
        }
        Console.WriteLine($"{kind}: {Small:N0} lines took {smallTime.Mutator.TotalMilliseconds:F0} ms outside GC pauses ({smallTime.Total.TotalMilliseconds:F0} ms in all), "
            + $"{Large:N0} lines {largeTime.Mutator.TotalMilliseconds:F0} ms ({largeTime.Total.TotalMilliseconds:F0} ms) (x{time:F2})");
        Assert.IsTrue(time <= 5, $"{kind}: {Small:N0} lines took {smallTime.Mutator.TotalMilliseconds:F0} ms outside GC pauses, {Large:N0} lines {largeTime.Mutator.TotalMilliseconds:F0} ms (x{time:F2})");
    }

    [TestMethod]
    [DataRow("ENV")]
    [DataRow("ARG")]
    [DataRow("RUN")]
    [DataRow("LABEL")]
    public void Five_megabytes_lint_in_under_five_seconds_and_500_MB(string kind)
    {
        string text = Floods.Of(kind, bytes: FiveMegabytes);
        GC.KeepAlive(Analyze(Floods.Of(kind, 2_000))); // JIT
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var result = Analyze(text);
        var elapsed = watch.Elapsed;
        long live = GC.GetTotalMemory(forceFullCollection: true) - before;
        GC.KeepAlive(result);
        if (elapsed >= TimeSpan.FromSeconds(5))
        {
            // Once more: a busy 2-core machine only ever adds time, and the best run is the analysis' own.
            result = null!;
            GC.Collect();
            watch.Restart();
            result = Analyze(text);
            elapsed = watch.Elapsed;
        }
        int instructions = result.Syntax.Instructions.Count;
        Console.WriteLine($"{kind}: 5 MB ({instructions:N0} instructions) took {elapsed.TotalMilliseconds:F0} ms and keeps {live / 1e6:F0} MB live");
        Assert.IsTrue(instructions > 250_000, $"{kind}: {instructions} instructions");
        Assert.IsTrue(elapsed < TimeSpan.FromSeconds(5), $"{kind}: 5 MB ({instructions:N0} instructions) took {elapsed.TotalMilliseconds:F0} ms");
        Assert.IsTrue(live < 500L * 1024 * 1024, $"{kind}: 5 MB ({instructions:N0} instructions) keeps {live:N0} B live");
    }
}
