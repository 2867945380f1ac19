using System.Diagnostics;
using System.Text;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

/// <summary>The parser is linear: 10 MB in well under a second, and no pathological input is quadratic.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ParserPerformanceTests
{
    // The same typical Dockerfile the benchmarks measure (tests/ContainerOpt.Benchmarks/Samples.cs).
    internal static string Make(int bytes) => Samples.Repeat(bytes);

    private static TimeSpan Time(Action action)
    {
        action(); // warm up (JIT)
        var best = TimeSpan.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return best;
    }

    [TestMethod]
    public void Ten_megabytes_parse_in_well_under_a_second()
    {
        string text = Make(10 * 1024 * 1024);
        DockerfileSyntax? syntax = null;
        var elapsed = Time(() => syntax = DockerfileParser.Parse(text));
        Assert.IsFalse(syntax!.FailsBuildKitParse);
        Assert.IsTrue(syntax.Instructions.Count > 150_000, syntax.Instructions.Count.ToString());
        Assert.IsTrue(elapsed < TimeSpan.FromMilliseconds(900), $"10 MB took {elapsed.TotalMilliseconds:F0} ms");
    }

    [TestMethod]
    public void Parse_work_grows_linearly()
    {
        string small = Make(2 * 1024 * 1024), large = Make(8 * 1024 * 1024);
        // Allocation is deterministic: 4x the input allocates 4x the memory (within 10%).
        DockerfileParser.Parse(small);
        long before = GC.GetAllocatedBytesForCurrentThread();
        DockerfileParser.Parse(small);
        long smallBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        DockerfileParser.Parse(large);
        long largeBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        double allocationRatio = (double)largeBytes / smallBytes;
        Assert.IsTrue(allocationRatio > 3.6 && allocationRatio < 4.4, $"2 MB allocated {smallBytes:N0} B, 8 MB {largeBytes:N0} B (x{allocationRatio:F2})");

        // Time without the collector's pauses (GC.GetTotalPauseDuration): the parser's own work must grow
        // like its input. Pauses grow with the live heap whatever the algorithm, and a larger heap costs
        // more page faults and cache misses, and tiered compilation may still be settling: a CI run measured
        // 8.7x for 4x the input (2 and 8 MB), six local runs 3x to 5x for 8x (1 and 8 MB). A quadratic parser
        // takes 64x for 8x the input; the bound leaves linear work twice its worst ratio seen.
        string tiny = Make(1024 * 1024);
        var t1 = MutatorTime(() => DockerfileParser.Parse(tiny));
        var t8 = MutatorTime(() => DockerfileParser.Parse(large));
        Assert.IsTrue(t8.TotalMilliseconds < 28 * Math.Max(t1.TotalMilliseconds, 2), $"without GC pauses: 1 MB {t1.TotalMilliseconds:F1} ms, 8 MB {t8.TotalMilliseconds:F1} ms");
    }

    private static TimeSpan MutatorTime(Action action)
    {
        action();
        var best = TimeSpan.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            var pausesBefore = GC.GetTotalPauseDuration();
            var watch = Stopwatch.StartNew();
            action();
            var elapsed = watch.Elapsed - (GC.GetTotalPauseDuration() - pausesBefore);
            if (elapsed < best) best = elapsed;
        }
        return best;
    }

    [TestMethod]
    public void Model_of_ten_megabytes_builds_in_seconds_not_minutes()
    {
        string text = Make(10 * 1024 * 1024);
        var syntax = DockerfileParser.Parse(text);
        var elapsed = Time(() => DockerfileModel.Build(syntax));
        Assert.IsTrue(elapsed < TimeSpan.FromSeconds(5), $"model took {elapsed.TotalMilliseconds:F0} ms");
    }

    [TestMethod]
    [DataRow("continuations")]
    [DataRow("one-long-line")]
    [DataRow("unclosed-quotes")]
    [DataRow("many-heredocs")]
    [DataRow("nested-json")]
    [DataRow("deep-expansion")]
    public void Pathological_input_is_linear(string kind)
    {
        string text = kind switch
        {
            "continuations" => "FROM a\nRUN " + string.Concat(Enumerable.Repeat("echo x \\\n", 100_000)) + "true\n",
            "one-long-line" => "FROM a\nENV " + string.Join(" ", Enumerable.Range(0, 100_000).Select(i => $"K{i}=v{i}")) + "\n",
            "unclosed-quotes" => "FROM a\nENV A=\"" + new string('x', 1_000_000) + "\nLABEL b='" + new string('\\', 1_000_000) + "\n",
            "many-heredocs" => "FROM a\nRUN " + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"<<E{i} ")) + "\n" + string.Concat(Enumerable.Range(0, 2_000).Select(i => $"x\nE{i}\n")),
            "nested-json" => "FROM a\nCMD " + new string('[', 200_000) + new string(']', 200_000) + "\n",
            _ => "FROM a\nARG X=" + string.Concat(Enumerable.Repeat("${A:-", 20_000)) + "x" + new string('}', 20_000) + "\n",
        };
        var elapsed = Time(() =>
        {
            var syntax = DockerfileParser.Parse(text);
            DockerfileModel.Build(syntax);
        });
        Assert.IsTrue(elapsed < TimeSpan.FromSeconds(2), $"{kind} took {elapsed.TotalMilliseconds:F0} ms");
    }
}
