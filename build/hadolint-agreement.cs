#:project ../src/ContainerOpt.Analysis/ContainerOpt.Analysis.csproj
#:property Nullable=enable
#:property TreatWarningsAsErrors=true

// How far ContainerOpt's hadolint mode agrees with hadolint's own spec assertions.
//
//   dotnet run build/hadolint-agreement.cs -- CASES.jsonl [--json] [--rule DL3008] [--findings]
//   (or build/hadolint-agreement.sh [CASES.jsonl] [...], which defaults the cases' path)
//
// CASES.jsonl holds one assertion per line, extracted from hadolint's test suite (kept outside this
// repository: hadolint is GPL-3.0, none of its text is part of ContainerOpt). Each is analysed in process,
// as hadolint's test helper does: the Dockerfile plus "\n"; for ONBUILD cases every RUN instruction becomes
// ONBUILD RUN; the case's configuration (trusted registries, label schema, strict labels) as options; the
// analysis in hadolint mode with the case's rule switched on even when hadolint has it off by default.
//
// A case agrees when: catches/at_least_1 -> at least one finding carries the rule's code among its
// equivalents; exactly_N -> exactly N do; not -> none does. ShellCheck cases count apart.

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

string? casesPath = null;
bool json = false, showFindings = false;
var onlyRules = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--json": json = true; break;
        case "--findings": showFindings = true; break;
        case "--rule" when i + 1 < args.Length: onlyRules.Add(args[++i]); break;
        case "-h" or "--help":
            Console.WriteLine("usage: hadolint-agreement.cs CASES.jsonl [--json] [--rule DLxxxx]... [--findings]");
            return 0;
        default:
            if (args[i].StartsWith("-", StringComparison.Ordinal) || casesPath is not null)
            {
                Console.Error.WriteLine($"unknown argument '{args[i]}' (--help)");
                return 2;
            }
            casesPath = args[i];
            break;
    }
}
if (casesPath is null || !File.Exists(casesPath))
{
    Console.Error.WriteLine($"cases file not found: '{casesPath}' (usage: hadolint-agreement.cs CASES.jsonl [--json])");
    return 2;
}

// ShellCheck's cases are measured only once some rule stands for ShellCheck codes.
bool hasShellCheck = DiagnosticCatalog.All.Any(d => d.Equivalents.Any(IsShellCheckCode));
var analyzer = new DockerfileAnalyzer();
var results = new List<CaseResult>();
int lineNumber = 0;
foreach (var line in File.ReadLines(casesPath))
{
    lineNumber++;
    if (line.Trim().Length == 0) continue;
    JsonNode node;
    try
    {
        node = JsonNode.Parse(line)!;
    }
    catch (JsonException e)
    {
        Console.Error.WriteLine($"{casesPath}:{lineNumber}: not JSON: {e.Message}");
        return 2;
    }
    var c = new Case(
        (string?)node["id"] ?? $"line{lineNumber}",
        (string?)node["rule"] ?? "",
        (string?)node["assert"] ?? "",
        (bool?)node["onbuild"] ?? false,
        (string?)node["dockerfile"] ?? "",
        node["config"] as JsonObject,
        (string?)node["match"] ?? "",
        (int?)node["count"],
        (string?)node["description"] ?? "");
    if (onlyRules.Count > 0 && !onlyRules.Contains(c.Rule)) continue;
    results.Add(Evaluate(c));
}

var measured = results.Where(r => !r.Skipped).ToList();
var nonShellCheck = measured.Where(r => !r.Case.IsShellCheck).ToList();
var shellCheck = results.Where(r => r.Case.IsShellCheck).ToList();
var perRule = nonShellCheck.Concat(shellCheck.Where(r => !r.Skipped))
    .GroupBy(r => r.Case.Rule, StringComparer.Ordinal)
    .OrderBy(g => g.Key, StringComparer.Ordinal)
    .Select(g => (Rule: g.Key, Agree: g.Count(r => r.Agrees), Total: g.Count()))
    .ToList();
int agree = nonShellCheck.Count(r => r.Agrees);
double percent = nonShellCheck.Count == 0 ? 100 : 100.0 * agree / nonShellCheck.Count;

if (json)
{
    var root = new JsonObject
    {
        ["cases"] = results.Count,
        ["measured"] = nonShellCheck.Count,
        ["agree"] = agree,
        ["percent"] = Math.Round(percent, 2),
        ["shellcheck"] = new JsonObject
        {
            ["cases"] = shellCheck.Count,
            ["skipped"] = shellCheck.Count(r => r.Skipped),
            ["agree"] = shellCheck.Count(r => !r.Skipped && r.Agrees),
            ["reason"] = hasShellCheck ? null : "skipped: ShellCheck (another helper implements it)",
        },
        ["rules"] = new JsonArray(perRule.Select(r => (JsonNode)new JsonObject
        {
            ["rule"] = r.Rule, ["agree"] = r.Agree, ["total"] = r.Total,
        }).ToArray()),
        ["disagreements"] = new JsonArray(measured.Where(r => !r.Agrees).Select(r => (JsonNode)new JsonObject
        {
            ["id"] = r.Case.Id,
            ["rule"] = r.Case.Rule,
            ["onbuild"] = r.Case.Onbuild,
            ["expected"] = r.Case.Expected,
            ["actual"] = r.Actual,
            ["description"] = r.Case.Description,
            ["dockerfile"] = r.Case.Dockerfile,
            ["findings"] = new JsonArray(r.Findings.Select(f => (JsonNode)JsonValue.Create(Describe(f))!).ToArray()),
        }).ToArray()),
    };
    Console.WriteLine(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    return 0;
}

Console.WriteLine($"hadolint spec agreement (hadolint mode): {agree}/{nonShellCheck.Count} = {percent:0.0}% of the non-ShellCheck cases");
if (shellCheck.Count > 0)
{
    Console.WriteLine(hasShellCheck
        ? $"ShellCheck cases: {shellCheck.Count(r => r.Agrees)}/{shellCheck.Count} (not in the figure above)"
        : $"ShellCheck cases: {shellCheck.Count} skipped: ShellCheck (another helper implements it)");
}
Console.WriteLine();
Console.WriteLine("per rule (agree/total):");
foreach (var r in perRule)
{
    Console.WriteLine($"  {r.Rule,-10} {r.Agree,4}/{r.Total,-4}{(r.Agree == r.Total ? "" : "  <")}");
}
var disagreements = measured.Where(r => !r.Agrees).ToList();
Console.WriteLine();
Console.WriteLine($"disagreements ({disagreements.Count}):");
foreach (var r in disagreements)
{
    var firstLines = r.Case.Dockerfile.Split('\n').Take(2).Select(l => l.Length > 100 ? l.Substring(0, 100) + "…" : l);
    Console.WriteLine($"  {r.Case.Id} [{r.Case.Rule}{(r.Case.Onbuild ? ", onbuild" : "")}] expected {r.Case.Expected}, actual {r.Actual}: {r.Case.Description}");
    foreach (var l in firstLines)
    {
        Console.WriteLine($"      | {l}");
    }
    if (showFindings)
    {
        foreach (var f in r.Findings)
        {
            Console.WriteLine($"      > {Describe(f)}");
        }
    }
}
return 0;

CaseResult Evaluate(Case c)
{
    if (c.IsShellCheck && !hasShellCheck)
    {
        return new CaseResult(c, Skipped: true, Agrees: false, Actual: 0, Findings: Array.Empty<Finding>());
    }
    // hadolint's test helper parses the Dockerfile with one newline appended.
    string text = c.Dockerfile + "\n";
    if (c.Onbuild)
    {
        text = WrapRunsInOnbuild(text);
    }
    var options = new AnalysisOptions { Mode = AnalysisMode.Hadolint };
    ApplyConfig(c.Config, options);
    if (c.IsShellCheck)
    {
        // hadolint runs ShellCheck by default: every rule standing for a ShellCheck code is on.
        foreach (var d in DiagnosticCatalog.All.Where(d => d.Equivalents.Any(IsShellCheckCode)))
        {
            options.Severities[d.Id] = d.DefaultSeverity == DiagnosticSeverity.None ? DiagnosticSeverity.Info : d.DefaultSeverity;
        }
    }
    else
    {
        // The rule under test runs even when hadolint has it off by default, so its logic is what is measured.
        var hadolint = DiagnosticCatalog.HadolintDefault(c.Rule);
        options.Severities[c.Rule] = hadolint is { Severity: > DiagnosticSeverity.None } h ? h.Severity : DiagnosticSeverity.Info;
    }
    var findings = analyzer.Analyze(new AnalysisInput(SourceText.From(text, "Dockerfile")) { Options = options }).Findings;
    int actual = c.IsShellCheck
        ? findings.Count(f => f.Equivalents.Any(IsShellCheckCode))
        : findings.Count(f => f.Equivalents.Any(e => string.Equals(e, c.Rule, StringComparison.OrdinalIgnoreCase)));
    bool agrees = c.Match switch
    {
        "at_least_1" or "any_SC_code" => actual >= 1,
        "exactly_0" or "no_SC_code" => actual == 0,
        _ when c.Match.StartsWith("exactly_", StringComparison.Ordinal) => actual == c.ExpectedCount,
        _ => false,
    };
    return new CaseResult(c, Skipped: false, agrees, actual, findings);
}

// hadolint's onBuildRuleCatches: each RUN instruction (not the other instructions, and not text inside
// heredoc bodies) becomes ONBUILD RUN. Done on the parsed instructions' keyword spans.
static string WrapRunsInOnbuild(string text)
{
    var syntax = DockerfileParser.Parse(text);
    var sb = new StringBuilder(text);
    foreach (var instruction in syntax.Instructions.Where(i => i.Kind == InstructionKind.Run).OrderByDescending(i => i.Keyword.Span.Start))
    {
        sb.Insert(instruction.Keyword.Span.Start, "ONBUILD ");
    }
    return sb.ToString();
}

static void ApplyConfig(JsonObject? config, AnalysisOptions options)
{
    if (config is null) return;
    if (config["allowedRegistries"] is JsonArray registries)
    {
        foreach (var r in registries) options.TrustedRegistries.Add((string)r!);
    }
    if (config["labelSchema"] is JsonObject schema)
    {
        foreach (var pair in schema)
        {
            // hadolint's label type constructors, as the YAML names ContainerOpt reads.
            options.LabelSchema[pair.Key] = (string?)pair.Value switch
            {
                "RawText" => "text",
                "Url" => "url",
                "Rfc3339" => "rfc3339",
                "Spdx" => "spdx",
                "GitHash" => "hash",
                "SemVer" => "semver",
                "Email" => "email",
                var other => other?.ToLowerInvariant() ?? "text",
            };
        }
    }
    if (config["strictLabels"] is JsonValue strict && strict.TryGetValue<bool>(out var s))
    {
        options.StrictLabels = s;
    }
}

static bool IsShellCheckCode(string code) => code.StartsWith("SC", StringComparison.OrdinalIgnoreCase);

static string Describe(Finding f) =>
    $"{f.Location.Start.Line}:{f.Location.Start.Column} {f.Code} [{string.Join(",", f.Equivalents)}] {f.Severity.ToText()}: {f.Message}";

sealed record Case(string Id, string Rule, string Assert, bool Onbuild, string Dockerfile, JsonObject? Config, string Match, int? Count, string Description)
{
    public bool IsShellCheck => string.Equals(Rule, "ShellCheck", StringComparison.OrdinalIgnoreCase);

    public int ExpectedCount => Count ?? (Match.StartsWith("exactly_", StringComparison.Ordinal)
        && int.TryParse(Match.Substring("exactly_".Length), out var n) ? n : 0);

    public string Expected => Match switch
    {
        "at_least_1" => ">=1",
        "any_SC_code" => ">=1 SC",
        "no_SC_code" => "0 SC",
        _ => ExpectedCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

sealed record CaseResult(Case Case, bool Skipped, bool Agrees, int Actual, IReadOnlyList<Finding> Findings);
