using System.Text;
using System.Text.Json;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.TestSupport;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Tests.Conformance;

/// <summary>
/// BuildKit's build-check cases (lint_cases.jsonl): for every case the findings that stand for a
/// BuildKit check must be exactly BuildKit's warnings (check name and line). At least 95% of the
/// cases must match exactly; the per-rule table is printed either way.
/// </summary>
[TestClass]
public sealed class BuildKitLintCasesTests
{
    public TestContext TestContext { get; set; } = null!;

    internal sealed record Case(int Number, string Func, string Dockerfile, string? DockerIgnore, Dictionary<string, string> BuildArgs, List<(string Rule, int Line, string Detail)> Expected);

    internal static List<Case> LoadCases()
    {
        var path = Corpus.Require("buildkit", "lint_cases.jsonl");
        var cases = new List<Case>();
        int number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var c = JsonDocument.Parse(line).RootElement;
            if (c.TryGetProperty("skipped", out _) || c.GetProperty("dockerfile").ValueKind != JsonValueKind.String)
            {
                continue;
            }
            var args = new Dictionary<string, string>();
            if (c.TryGetProperty("frontend_attrs", out var attrs))
            {
                foreach (var a in attrs.EnumerateObject())
                {
                    if (a.Name.StartsWith("build-arg:", StringComparison.Ordinal))
                    {
                        args[a.Name.Substring("build-arg:".Length)] = a.Value.GetString() ?? "";
                    }
                }
            }
            var expected = c.GetProperty("warnings").EnumerateArray()
                .Select(w => (w.GetProperty("rule").GetString()!, w.GetProperty("line").GetInt32(), w.GetProperty("detail").GetString() ?? ""))
                .ToList();
            cases.Add(new Case(number, c.GetProperty("func").GetString()!, c.GetProperty("dockerfile").GetString()!,
                c.TryGetProperty("dockerignore", out var di) ? di.GetString() : null, args, expected));
        }
        return cases;
    }

    internal static List<(string Rule, int Line, string Message)> Actual(Case c)
    {
        var options = new AnalysisOptions();
        foreach (var pair in c.BuildArgs) options.BuildArgs[pair.Key] = pair.Value;
        var input = new AnalysisInput(SourceText.From(c.Dockerfile, "Dockerfile"))
        {
            DockerIgnoreText = c.DockerIgnore,
            ContextDirectory = "/context",
            Options = options,
        };
        var result = new DockerfileAnalyzer().Analyze(input);
        var actual = new List<(string, int, string)>();
        foreach (var f in result.Findings)
        {
            foreach (var e in f.Equivalents.Where(BuildKitChecks.Contains))
            {
                actual.Add((e, f.Location.Start.Line, f.Message));
            }
        }
        return actual;
    }

    internal static readonly HashSet<string> BuildKitChecks = new(StringComparer.Ordinal)
    {
        "StageNameCasing", "FromAsCasing", "NoEmptyContinuation", "ConsistentInstructionCasing", "DuplicateStageName",
        "ReservedStageName", "JSONArgsRecommended", "MaintainerDeprecated", "UndefinedArgInFrom", "WorkdirRelativePath",
        "UndefinedVar", "MultipleInstructionsDisallowed", "LegacyKeyValueFormat", "RedundantTargetPlatform",
        "SecretsUsedInArgOrEnv", "InvalidDefaultArgInFrom", "FromPlatformFlagConstDisallowed", "CopyIgnoredFile",
        "ExposeProtoCasing", "ExposeInvalidFormat", "InvalidDefinitionDescription", "InvalidBaseImagePlatform",
    };

    [TestMethod]
    public void At_least_95_percent_of_buildkit_lint_cases_match_exactly()
    {
        var cases = LoadCases();
        int exact = 0;
        var report = new StringBuilder();
        var perRule = new SortedDictionary<string, (int Ok, int Total)>(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            var expected = c.Expected.Select(e => $"{e.Rule}@{e.Line}").OrderBy(x => x, StringComparer.Ordinal).ToList();
            var actual = Actual(c).Select(a => $"{a.Rule}@{a.Line}").OrderBy(x => x, StringComparer.Ordinal).ToList();
            bool ok = expected.SequenceEqual(actual);
            if (ok) exact++;
            else report.AppendLine($"case {c.Number} ({c.Func}): expected [{string.Join(", ", expected)}] actual [{string.Join(", ", actual)}]");
            foreach (var rule in c.Expected.Select(e => e.Rule).Concat(Actual(c).Select(a => a.Rule)).Distinct())
            {
                perRule.TryGetValue(rule, out var t);
                perRule[rule] = (t.Ok + (ok ? 1 : 0), t.Total + 1);
            }
        }
        double rate = (double)exact / cases.Count;
        TestContext.WriteLine($"BuildKit lint cases: {exact}/{cases.Count} exact ({rate:P1})");
        foreach (var pair in perRule) TestContext.WriteLine($"  {pair.Key,-34} {pair.Value.Ok}/{pair.Value.Total}");
        TestContext.WriteLine(report.ToString());
        Assert.IsTrue(rate >= 0.95, $"{exact}/{cases.Count} cases exact ({rate:P1}); mismatches:\n{report}");
    }
}
