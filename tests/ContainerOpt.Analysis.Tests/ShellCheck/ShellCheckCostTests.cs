using System.Diagnostics;
using System.Globalization;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.ShellCheck;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.ShellCheck;

/// <summary>
/// What ShellCheck costs per Dockerfile — the default (a process per core, side by side), one process for all the
/// scripts, one process per script — on the typical 40-line .NET Dockerfile of the benchmarks (4 scripts) and a
/// 12-RUN one. Medians of interleaved runs, written to artifacts/measurements/shellcheck.txt (README "ShellCheck"
/// quotes them).
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ShellCheckCostTests
{
    private const int Runs = 15;

    private static readonly string TwelveRuns = "FROM debian:12\nARG VERSION=1\n" + string.Concat(Enumerable.Range(0, 12).Select(i =>
        $"RUN apt-get update && apt-get install -y --no-install-recommends pkg{i}=\"$VERSION\" \\\n    && rm -rf /var/lib/apt/lists/* && echo step{i} $HOME\n"));

    [TestMethod]
    public void Batches_cost_less_than_a_process_per_script()
    {
        var tool = ShellCheckRun.Tool();
        var lines = new List<string>
        {
            $"ShellCheck {tool.Version}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd} (ShellCheckCostTests, medians of {Runs} interleaved runs)",
        };
        foreach (var (name, text) in new[] { ("typical 40-line .NET Dockerfile (Samples.Typical, 4 scripts)", TestSupport.Samples.Typical), ("12 RUNs", TwelveRuns) })
        {
            int scripts = ShellCheckScripts.Collect(Facts(text)).Count;
            // Warm up (JIT, the OS's file cache of the shellcheck binary).
            Measure(text, tool, 500, Environment.ProcessorCount);
            Measure(text, tool, 1, 1);
            var byDefault = new List<double>();
            var oneProcess = new List<double>();
            var perScript = new List<double>();
            var none = new List<double>();
            for (int i = 0; i < Runs; i++)
            {
                byDefault.Add(Measure(text, tool, 500, Environment.ProcessorCount));
                oneProcess.Add(Measure(text, tool, 500, 1));
                perScript.Add(Measure(text, tool, 1, 1));
                none.Add(Measure(text, null, 0, 0));
            }
            double d = Median(byDefault), o = Median(oneProcess), p = Median(perScript), n = Median(none);
            lines.Add(string.Format(CultureInfo.InvariantCulture,
                "{0}: analysis without ShellCheck {1:0.0} ms; with it: default ({2} processes side by side) {3:0.0} ms, one process {4:0.0} ms, one process per script ({5} in turn) {6:0.0} ms",
                name, n, Math.Min(Environment.ProcessorCount, (scripts + 1) / 2), d, o, scripts, p));
            if (scripts > 1)
            {
                Assert.IsTrue(o < p, $"{name}: one process {o:0.0} ms, a process per script {p:0.0} ms");
            }
        }
        string folder = Path.Combine(Corpus.RepoRoot, "artifacts", "measurements");
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, "shellcheck.txt"), lines);
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    private static DockerfileFacts Facts(string text) =>
        new(Dockerfile.Semantics.DockerfileModel.Build(Dockerfile.Syntax.DockerfileParser.Parse(text)));

    /// <summary>Milliseconds for one whole analysis (parse, model, the engine; no rules) with the tool or without.</summary>
    private static double Measure(string text, ShellCheckTool? tool, int perProcess, int parallel)
    {
        if (tool is not null)
        {
            tool = new ShellCheckTool(tool.Path, tool.Version) { ScriptsPerProcess = perProcess, MaxParallelProcesses = parallel };
        }
        var options = new AnalysisOptions { Mode = AnalysisMode.All, ShellCheck = tool };
        var watch = Stopwatch.StartNew();
        var findings = new DockerfileAnalyzer(Array.Empty<ContainerOpt.Analysis.Rules.DockerfileRule>())
            .Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = options }).Findings;
        watch.Stop();
        Assert.IsFalse(findings.Any(f => f.Code == DiagnosticCatalog.ShellCheckFailed.Id), string.Join("\n", findings));
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
