#:project ../src/ContainerOpt.Analysis/ContainerOpt.Analysis.csproj
// The precision harness behind build/precision.sh: lints every file of the given folders in process, in
// each analysis mode, and prints how loud ContainerOpt is on them (findings per file, per rule, per
// severity). With --sample it writes findings to label by hand; with --labels it scores a labelled sample.
// The Dockerfiles are others' code: keep them outside the repository and pass their folder.
using System.Globalization;
using System.Text;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

var folders = new List<string>();
string? sampleFile = null, labelsFile = null, sampleRule = null;
int sampleSize = 100, seed = 7;
var sampleMode = AnalysisMode.Recommended;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sample": sampleFile = args[++i]; break;
        case "--size": sampleSize = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--mode": AnalysisModeText.TryParse(args[++i], out sampleMode); break;
        case "--rule": sampleRule = args[++i]; break;
        case "--labels": labelsFile = args[++i]; break;
        default: folders.Add(args[i]); break;
    }
}
if (labelsFile is not null)
{
    Score(labelsFile);
    return 0;
}
if (folders.Count == 0)
{
    Console.Error.WriteLine("usage: build/precision.sh DIR... [--sample OUT.tsv --size N --seed S --mode M] | --labels LABELLED.tsv");
    return 2;
}
var files = folders.SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories))
    .Where(f => !f.EndsWith(".tsv", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal))
    .OrderBy(f => f, StringComparer.Ordinal).ToList();
var sources = files.Select(f => SourceText.From(File.ReadAllBytes(f), f)).ToList();
var analyzer = new DockerfileAnalyzer();
Console.WriteLine($"{files.Count} Dockerfiles in {string.Join(", ", folders)}");
foreach (var mode in new[] { AnalysisMode.Recommended, AnalysisMode.Minimum, AnalysisMode.All, AnalysisMode.Hadolint })
{
    var perFile = new List<int>();
    var bySeverity = new Dictionary<DiagnosticSeverity, int>();
    var byRule = new Dictionary<string, int>();
    var all = new List<Finding>();
    foreach (var source in sources)
    {
        // No build context and no project: what a lint of the file alone says (the .NET project rules need a project).
        var findings = analyzer.Analyze(new AnalysisInput(source) { Options = new AnalysisOptions { Mode = mode, Today = new DateTime(2026, 12, 1) } }).Findings;
        all.AddRange(findings);
        perFile.Add(findings.Count(f => f.Severity >= DiagnosticSeverity.Warning));
        foreach (var f in findings)
        {
            bySeverity[f.Severity] = bySeverity.GetValueOrDefault(f.Severity) + 1;
            if (f.Severity >= DiagnosticSeverity.Warning)
            {
                byRule[f.Code + " " + f.Descriptor.Name] = byRule.GetValueOrDefault(f.Code + " " + f.Descriptor.Name) + 1;
            }
        }
    }
    perFile.Sort();
    double median = perFile.Count == 0 ? 0 : perFile.Count % 2 == 1 ? perFile[perFile.Count / 2] : (perFile[perFile.Count / 2 - 1] + perFile[perFile.Count / 2]) / 2.0;
    Console.WriteLine();
    Console.WriteLine($"== mode {mode.ToText()}: {all.Count} findings; warnings+errors per file: median {median.ToString(CultureInfo.InvariantCulture)}, mean {(perFile.Count == 0 ? 0 : perFile.Average()):F1}, max {(perFile.Count == 0 ? 0 : perFile[^1])}; files with none: {perFile.Count(c => c == 0)}");
    Console.WriteLine("   by severity: " + string.Join(", ", bySeverity.OrderByDescending(p => p.Key).Select(p => $"{p.Key.ToText()} {p.Value}")));
    Console.WriteLine("   warnings+errors by rule:");
    foreach (var (rule, count) in byRule.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
    {
        Console.WriteLine($"   {count,6}  {rule}");
    }
    if (sampleFile is not null && mode == sampleMode)
    {
        WriteSample(all.Where(f => f.Severity >= DiagnosticSeverity.Warning && (sampleRule is null || f.Code == sampleRule)).ToList(), sampleFile);
    }
}
return 0;

void WriteSample(List<Finding> findings, string path)
{
    var random = new Random(seed);
    var sample = findings.OrderBy(_ => random.Next()).Take(sampleSize).OrderBy(f => f.FilePath, StringComparer.Ordinal).ThenBy(f => f.Location.Start.Line).ToList();
    var sb = new StringBuilder("label\tfile\tline\tcolumn\tseverity\tcode\tname\tmessage\tsource\n");
    foreach (var f in sample)
    {
        var text = File.ReadAllLines(f.FilePath!);
        int line = f.Location.Start.Line;
        string context = string.Join(" ⏎ ", text.Skip(Math.Max(0, line - 1)).Take(3)).Replace('\t', ' ');
        sb.Append('\t').Append(f.FilePath).Append('\t').Append(line).Append('\t').Append(f.Location.Start.Column).Append('\t')
          .Append(f.Severity.ToText()).Append('\t').Append(f.Code).Append('\t').Append(f.Descriptor.Name).Append('\t')
          .Append(f.Message.Replace('\t', ' ')).Append('\t').Append(context.Length > 300 ? context.Substring(0, 300) : context).Append('\n');
    }
    File.WriteAllText(path, sb.ToString());
    Console.WriteLine($"   wrote {sample.Count} of {findings.Count} warnings+errors to {path}: label each 'useful', 'low' (true, not worth acting on) or 'wrong'");
}

void Score(string path)
{
    var rows = File.ReadAllLines(path).Skip(1).Select(l => l.Split('\t')).Where(r => r.Length > 6 && r[0].Length > 0).ToList();
    int useful = rows.Count(r => r[0] == "useful"), low = rows.Count(r => r[0] == "low"), wrong = rows.Count(r => r[0] == "wrong");
    int errorsWrong = rows.Count(r => r[0] == "wrong" && r[4] == "error");
    int n = rows.Count;
    Console.WriteLine($"{n} labelled findings: {useful} useful ({100.0 * useful / Math.Max(1, n):F1}%), {low} true but low-value ({100.0 * low / Math.Max(1, n):F1}%), {wrong} wrong ({100.0 * wrong / Math.Max(1, n):F1}%); wrong errors: {errorsWrong}");
    foreach (var group in rows.Where(r => r[0] == "wrong").GroupBy(r => r[5]))
    {
        Console.WriteLine($"   wrong {group.Key}: {group.Count()}");
    }
}
