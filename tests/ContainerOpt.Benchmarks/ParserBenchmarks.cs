using BenchmarkDotNet.Attributes;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Benchmarks;

/// <summary>Parse throughput: MB/s = size / mean time (the README quotes it).</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private string _typical = "";
    private string _tenMegabytes = "";

    [GlobalSetup]
    public void Setup()
    {
        _typical = Samples.Typical;
        _tenMegabytes = Samples.Repeat(10 * 1024 * 1024);
    }

    [Benchmark(Description = "parse typical 40-line Dockerfile")]
    public DockerfileSyntax ParseTypical() => DockerfileParser.Parse(_typical);

    [Benchmark(Description = "parse + model typical 40-line Dockerfile")]
    public DockerfileModel ParseAndModelTypical() => DockerfileModel.Build(DockerfileParser.Parse(_typical));

    [Benchmark(Description = "parse 10 MB Dockerfile")]
    public DockerfileSyntax ParseTenMegabytes() => DockerfileParser.Parse(_tenMegabytes);
}
