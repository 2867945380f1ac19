using System.Text.Json;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Analysis.Tests.Fixes;

/// <summary>
/// Every fixer at once, on the corpus (BuildKit's parser, heredoc and build-check cases, the samples) and on thousands of
/// its files mutated with the mistakes the fixers fix: the engine never throws; a file that parses still parses after
/// fixing and one that does not is not touched; a second run changes nothing; no fixed rule has more findings after than
/// before, and what is left of a fixed rule is left because its fixer declined; no error-severity finding is new; and
/// BuildKit's AST dump of the fixed file differs from the original's only in the instructions the fixes touched.
/// </summary>
[TestClass]
public sealed class CorpusFixTests
{
    private static readonly DockerfileFixEngine Engine = new();

    /// <summary>The corpus files, by name.</summary>
    private static List<(string Name, string Text, ProjectModel? Project)> Files()
    {
        var files = new List<(string, string, ProjectModel?)>();
        string parser = Corpus.Require("buildkit", "parser");
        foreach (var folder in Directory.GetDirectories(parser).OrderBy(d => d, StringComparer.Ordinal))
        {
            string path = Path.Combine(folder, "Dockerfile");
            if (File.Exists(path))
            {
                files.Add(("parser/" + Path.GetFileName(folder), File.ReadAllText(path), null));
            }
        }
        int line = 0;
        foreach (var json in File.ReadLines(Corpus.Require("buildkit", "lint_cases.jsonl")))
        {
            line++;
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.GetProperty("dockerfile").GetString() is { } dockerfile)
            {
                files.Add(("lint_cases:" + line, dockerfile, null));
            }
        }
        using (var heredocs = JsonDocument.Parse(File.ReadAllText(Corpus.Require("buildkit", "heredoc_cases.json"))))
        {
            foreach (var test in heredocs.RootElement.EnumerateObject())
            {
                if (test.Value.ValueKind == JsonValueKind.Object && test.Value.TryGetProperty("dockerfile", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    files.Add(("heredoc:" + test.Name, text.GetString()!, null));
                }
                else if (test.Value.ValueKind == JsonValueKind.Array)
                {
                    int i = 0;
                    foreach (var item in test.Value.EnumerateArray())
                    {
                        i++;
                        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("dockerfile", out var t) && t.ValueKind == JsonValueKind.String)
                        {
                            files.Add(($"heredoc:{test.Name}:{i}", t.GetString()!, null));
                        }
                    }
                }
            }
        }
        foreach (var path in Directory.GetFiles(Path.Combine(Corpus.RepoRoot, "samples"), "Dockerfile*", SearchOption.AllDirectories).OrderBy(p => p, StringComparer.Ordinal))
        {
            files.Add(("samples/" + Path.GetRelativePath(Path.Combine(Corpus.RepoRoot, "samples"), path), File.ReadAllText(path), WebProject()));
        }
        return files;
    }

    private static ProjectModel WebProject() => new()
    {
        ProjectPath = "/context/Api.csproj",
        TargetFrameworks = new[] { "net10.0" },
        OutputType = "Exe",
        AssemblyName = "Api",
        TargetName = "Api",
        Kind = ProjectKind.Web,
        FrameworkReferences = new[] { "Microsoft.AspNetCore.App" },
        RestoreInputs = new[] { "/context/nuget.config" },
    };

    [TestMethod]
    public void Every_fixer_on_the_corpus()
    {
        var files = Files();
        Assert.IsTrue(files.Count > 120, files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        int changed = 0;
        foreach (var (name, text, project) in files)
        {
            changed += Check(name, text, project) ? 1 : 0;
        }
        Console.WriteLine($"{files.Count} corpus files, {changed} changed");
        Assert.IsTrue(changed > 20, "the corpus gives the fixers work: " + changed);
    }

    /// <summary>
    /// Others' Dockerfiles, read in place from the folder $CONTAINEROPT_REAL_DOCKERFILES names (never copied here): the same
    /// checks in the default mode and in 'all', and the counts printed (fixes by rule, findings left by reason).
    /// </summary>
    [TestMethod]
    public void Every_fixer_on_real_dockerfiles()
    {
        string? folder = Environment.GetEnvironmentVariable("CONTAINEROPT_REAL_DOCKERFILES");
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            Assert.Inconclusive("Set CONTAINEROPT_REAL_DOCKERFILES to a folder of real Dockerfiles (they are others' code: kept outside the repository).");
        }
        foreach (var mode in new[] { AnalysisMode.Recommended, AnalysisMode.All })
        {
            int files = 0, changed = 0, notParsed = 0;
            var fixes = new SortedDictionary<string, int>(StringComparer.Ordinal);
            var left = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (var path in Directory.GetFiles(folder!).OrderBy(p => p, StringComparer.Ordinal))
            {
                files++;
                var result = Check(Path.GetFileName(path), File.ReadAllText(path), null, mode);
                changed += result?.Changed == true ? 1 : 0;
                notParsed += result is null ? 1 : 0;
                foreach (var fix in result?.Fixed ?? Array.Empty<AppliedFix>())
                {
                    fixes[fix.Code] = fixes.TryGetValue(fix.Code, out int n) ? n + 1 : 1;
                }
                foreach (var l in result?.Left ?? Array.Empty<LeftFinding>())
                {
                    string key = l.Reason.ToString();
                    left[key] = left.TryGetValue(key, out int n) ? n + 1 : 1;
                }
            }
            Console.WriteLine($"{mode}: {files} files, {changed} changed, {notParsed} not fixed (parse errors), {fixes.Values.Sum()} fixes");
            Console.WriteLine("  fixes: " + string.Join(", ", fixes.Select(p => $"{p.Key} {p.Value}")));
            Console.WriteLine("  left: " + string.Join(", ", left.Select(p => $"{p.Key} {p.Value}")));
        }
    }

    /// <summary>The mistakes the fixers fix, put into corpus files at random places (a fixed seed: the same files every run).</summary>
    private static readonly string[] Mistakes =
    {
        "RUN apt-get update", "RUN apt-get install curl", "RUN apt-get update && apt-get install -y \\\n    curl \\\n    wget",
        "RUN apk add git", "RUN pip install flask", "RUN npm ci", "RUN yum install httpd", "RUN dnf install jq", "RUN zypper install curl",
        "CMD python app.py", "ENTRYPOINT dotnet Wrong.dll", "CMD exec nginx -g 'daemon off;'", "ENV A b c", "ENV PATH /opt/bin:$PATH",
        "LABEL k v", "MAINTAINER me <me@example.com>", "WORKDIR sub", "WORKDIR /abs", "RUN mkdir /x", "RUN mkdir /y \\\n # why\n && mkdir /z",
        "EXPOSE 80", "run echo lower", "RUN <<EOF\napt-get update\napt-get install -y curl\nEOF", "COPY . .", "RUN dotnet restore",
        "RUN dotnet publish -c Release -o /app", "FROM mcr.microsoft.com/dotnet/sdk:6.0 as Build", "FROM mcr.microsoft.com/dotnet/runtime:8.0",
    };

    [TestMethod]
    public void Every_fixer_on_thousands_of_mutated_corpus_files()
    {
        var random = new Random(14);
        var files = Files().Where(f => !HasErrors(Parse(f.Text))).ToList();
        int count = 0, changed = 0;
        foreach (var (name, text, _) in files)
        {
            for (int variant = 0; variant < 11; variant++)
            {
                string mutated = Mutate(text, random, variant);
                count++;
                changed += Check($"{name} variant {variant}", mutated, variant % 2 == 0 ? WebProject() : null) ? 1 : 0;
                if (Environment.GetEnvironmentVariable("CONTAINEROPT_FIX_SAMPLES") is { Length: > 0 } folder && count % 97 == 0)
                {
                    // For reading by eye: the input and its fix, side by side.
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(Path.Combine(folder, count + ".before"), mutated);
                    File.WriteAllText(Path.Combine(folder, count + ".after"), Engine.Fix(new AnalysisInput(SourceText.From(mutated, "Dockerfile"))
                    {
                        ContextDirectory = "/context",
                        Project = variant % 2 == 0 ? WebProject() : null,
                        Options = new AnalysisOptions { Mode = AnalysisMode.All, Today = new DateTime(2026, 1, 15) },
                    }).FixedText);
                }
            }
        }
        Console.WriteLine($"{count} mutated files, {changed} changed");
        Assert.IsTrue(count >= 1000, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(changed > count / 2, "the mutations give the fixers work: " + changed);
    }

    /// <summary>Mistakes inserted between instructions after the first FROM; odd variants in CRLF, every fourth with the backtick escape.</summary>
    private static string Mutate(string text, Random random, int variant)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        var syntax = DockerfileParser.Parse(text.Replace("\r\n", "\n"));
        var starts = syntax.Instructions.Where(i => i.Kind != InstructionKind.From || i != syntax.Instructions.FirstOrDefault(x => x.Kind == InstructionKind.From))
            .Select(i => i.StartLine).Where(l => syntax.Instructions.Any(f => f.Kind == InstructionKind.From && f.StartLine < l)).ToList();
        int insertions = 1 + random.Next(4);
        var after = syntax.Instructions.FirstOrDefault(i => i.Kind == InstructionKind.From)?.EndLine ?? 0;
        for (int k = 0; k < insertions; k++)
        {
            int at = starts.Count == 0 || random.Next(3) == 0 ? after : starts[random.Next(starts.Count)] - 1;
            at = Math.Min(at, lines.Count);
            lines.Insert(at, Mistakes[random.Next(Mistakes.Length)]);
            starts = starts.Select(s => s > at ? s + 1 : s).ToList();
        }
        string result = string.Join("\n", lines);
        if (variant % 4 == 3 && !result.Contains('`') && syntax.EscapeToken == '\\' && syntax.Directives.Count == 0)
        {
            result = "# escape=`\n" + result.Replace("\\\n", "`\n");
        }
        return variant % 2 == 1 ? result.Replace("\n", "\r\n") : result;
    }

    private static DockerfileModel Parse(string text) => DockerfileModel.Build(DockerfileParser.Parse(text));

    private static bool HasErrors(DockerfileModel model) => model.AllDiagnostics.Any(d => d.Severity == ParseSeverity.Error);

    private static bool Check(string name, string text, ProjectModel? project) => Check(name, text, project, AnalysisMode.All)?.Changed == true;

    /// <summary>Fixes the file with every fixer and checks the fix; null for a file that does not parse (and was left as it is).</summary>
    private static FixResult? Check(string name, string text, ProjectModel? project, AnalysisMode mode)
    {
        AnalysisInput Input(string t) => new(SourceText.From(t, "Dockerfile"))
        {
            ContextDirectory = "/context",
            Project = project,
            Options = new AnalysisOptions { Mode = mode, Today = new DateTime(2026, 1, 15) },
        };
        FixResult result;
        try
        {
            result = Engine.Fix(Input(text));
        }
        catch (Exception e)
        {
            Assert.Fail($"{name}: the engine threw {e}");
            throw;
        }
        var before = Parse(text);
        if (HasErrors(before))
        {
            Assert.AreEqual(text, result.FixedText, name + ": a file that does not parse is not touched");
            Assert.AreEqual("COPT0030", result.NotFixed?.Code, name);
            return null;
        }
        var after = Parse(result.FixedText);
        Assert.IsFalse(HasErrors(after), $"{name}: the fixed file parses\n{result.FixedText}\n{string.Join("\n", after.AllDiagnostics)}");

        var again = Engine.Fix(Input(result.FixedText));
        Assert.AreEqual(result.FixedText, again.FixedText, $"{name}: a second run changes nothing\n{UnifiedDiff.Format(result.FixedText, again.FixedText, "a", "b")}");

        var original = new DockerfileAnalyzer().Analyze(Input(text)).Findings;
        foreach (var code in result.Fixed.Select(f => f.Code).Distinct())
        {
            Assert.IsTrue(result.Remaining.Count(f => f.Code == code) <= original.Count(f => f.Code == code), $"{name}: {code} has no more findings after its fixes");
        }
        foreach (var left in result.Left.Where(l => l.Reason == LeftReason.PassesExhausted))
        {
            Assert.Fail($"{name}: {left} (a fix still waiting after {result.Passes} passes)\n{result.FixedText}");
        }
        var errorsBefore = original.Where(f => f.Severity == DiagnosticSeverity.Error).Select(f => f.Code).ToHashSet();
        foreach (var error in result.Remaining.Where(f => f.Severity == DiagnosticSeverity.Error))
        {
            Assert.IsTrue(errorsBefore.Contains(error.Code), $"{name}: a new error {error.ToCanonicalString()}\n{result.FixedText}");
        }
        AssertOnlyTouchedInstructionsDiffer(name, text, result.FixedText);
        return result;
    }

    /// <summary>BuildKit's AST dump of the instructions no changed line belongs to is the same, in the same order, before and after.</summary>
    private static void AssertOnlyTouchedInstructionsDiffer(string name, string before, string after)
    {
        var diff = UnifiedDiff.Compare(before, after);
        var deleted = diff.Where(d => d.Kind == DiffKind.Deleted).Select(d => d.OldLine).ToHashSet();
        var inserted = diff.Where(d => d.Kind == DiffKind.Inserted).Select(d => d.NewLine).ToHashSet();
        static List<string> Untouched(string text, HashSet<int> changed) =>
            DockerfileParser.Parse(text).Instructions
                .Where(i => !Enumerable.Range(i.StartLine, i.EndLine - i.StartLine + 1).Any(changed.Contains))
                .Select(BuildKitAstDump.DumpInstruction).ToList();
        var kept = Untouched(before, deleted);
        var still = Untouched(after, inserted);
        CollectionAssert.AreEqual(kept, still, $"{name}: only the instructions the fixes touched differ\n{UnifiedDiff.Format(before, after, "a", "b")}");
    }
}
