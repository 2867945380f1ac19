using BenchmarkDotNet.Attributes;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Benchmarks;

/// <summary>
/// The 10 MB parse with the workstation GC non-concurrent: on 2 cores the background collector
/// competes with the parser for a core; this shows the parser's own cost.
/// </summary>
[MemoryDiagnoser]
[GcConcurrent(false)]
public class ParserGcBenchmarks
{
    private string _tenMegabytes = "";

    [GlobalSetup]
    public void Setup() => _tenMegabytes = Samples.Repeat(10 * 1024 * 1024);

    [Benchmark(Description = "parse 10 MB Dockerfile (non-concurrent GC)")]
    public DockerfileSyntax ParseTenMegabytes() => DockerfileParser.Parse(_tenMegabytes);
}
