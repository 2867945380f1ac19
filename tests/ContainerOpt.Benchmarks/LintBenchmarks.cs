using BenchmarkDotNet.Attributes;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Benchmarks;

/// <summary>Full analysis (parse, model, every rule, pragmas) of a typical Dockerfile, in process.</summary>
[MemoryDiagnoser]
public class LintBenchmarks
{
    private readonly DockerfileAnalyzer _analyzer = new();
    private SourceText _typical = SourceText.From("");

    [GlobalSetup]
    public void Setup() => _typical = SourceText.From(Samples.Typical, "Dockerfile");

    [Benchmark(Description = "lint typical 40-line Dockerfile (all rules)")]
    public int LintTypical() => _analyzer.Analyze(new AnalysisInput(_typical) { DockerIgnoreText = "bin/\nobj/\n.git\n", ContextDirectory = "/src" }).Findings.Count;
}
