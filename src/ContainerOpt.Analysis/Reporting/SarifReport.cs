using ContainerOpt.Core.Json;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>sarif</c>: SARIF 2.1.0 as GitHub code scanning reads it (also what MSBuild's <c>ContainerOptErrorLog</c> writes). One run:
/// the tool with its version; the rules that fired, each with its short and full description, its help page (text and
/// Markdown, from docs/rules), help URI, default level, tags and, for security rules, <c>security-severity</c>; one
/// invocation (no start or end time: the same findings give the same bytes); the results with exact regions, related
/// locations and <c>partialFingerprints</c> (<see cref="FindingFingerprints"/>).
/// </summary>
public sealed class SarifReport : FindingReportFormat
{
    public const string InformationUri = Core.ProductInfo.RepositoryUrl;

    public override string Name => "sarif";

    public override bool WritesFingerprints => true;

    public override string Description => "SARIF 2.1.0 for GitHub code scanning and other SARIF viewers";

    public override bool ReadsAllFilesFirst => true;

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        // Read twice: the rule table, then the results.
        var all = files as IReadOnlyCollection<FileFindings> ?? files.ToList();
        var rules = all.SelectMany(f => f.Findings).Select(f => f.Descriptor)
            .GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < rules.Count; i++)
        {
            ruleIndex[rules[i].Id] = i;
        }

        var json = new JsonWriter(output);
        json.StartObject();
        json.Property("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.Property("version", "2.1.0");
        json.Name("runs");
        json.StartArray();
        json.StartObject();

        json.Name("tool");
        json.StartObject();
        json.Name("driver");
        json.StartObject();
        json.Property("name", "ContainerOpt");
        json.Property("version", options.ToolVersion);
        json.Property("semanticVersion", options.ToolVersion);
        json.Property("informationUri", InformationUri);
        json.Name("rules");
        json.StartArray();
        foreach (var rule in rules)
        {
            WriteRule(json, rule);
        }
        json.EndArray();
        json.EndObject();
        json.EndObject();

        json.Name("invocations");
        json.StartArray();
        json.StartObject();
        json.Property("executionSuccessful", options.ExecutionSuccessful);
        if (options.CommandLine is { } commandLine)
        {
            json.Property("commandLine", commandLine);
        }
        json.EndObject();
        json.EndArray();

        json.Name("results");
        json.StartArray();
        foreach (var file in all)
        {
            var fingerprints = FindingFingerprints.Of(file.Findings);
            for (int i = 0; i < file.Findings.Count; i++)
            {
                WriteResult(json, file.Path, file.Findings[i], ruleIndex[file.Findings[i].Code], fingerprints[i]);
            }
        }
        json.EndArray();
        // Columns count UTF-16 code units, as every position ContainerOpt reports does.
        json.Property("columnKind", "utf16CodeUnits");

        json.EndObject();
        json.EndArray();
        json.EndObject();
        output.WriteLine();
    }

    private static void WriteRule(JsonWriter json, DiagnosticDescriptor rule)
    {
        json.StartObject();
        json.Property("id", rule.Id);
        json.Property("name", rule.Name);
        WriteMessage(json, "shortDescription", rule.Title);
        WriteMessage(json, "fullDescription", RuleHelp.FullDescription(rule));
        json.Property("helpUri", rule.HelpUri);
        json.Name("help");
        json.StartObject();
        json.Property("text", RuleHelp.Text(rule) ?? rule.Title + " (" + rule.HelpUri + ")");
        json.Property("markdown", RuleHelp.Markdown(rule) ?? "[" + rule.Title + "](" + rule.HelpUri + ")");
        json.EndObject();
        json.Name("defaultConfiguration");
        json.StartObject();
        json.Property("level", ReportText.SarifLevel(rule.DefaultSeverity));
        json.EndObject();
        json.Name("properties");
        json.StartObject();
        json.Property("category", rule.Category);
        json.Name("equivalents");
        json.StartArray();
        foreach (var e in rule.Equivalents)
        {
            json.String(e);
        }
        json.EndArray();
        json.Name("tags");
        json.StartArray();
        json.String(rule.Category);
        var securitySeverity = DiagnosticCatalog.SecuritySeverityOf(rule);
        if (securitySeverity is not null)
        {
            json.String("security");
        }
        json.EndArray();
        if (securitySeverity is not null)
        {
            json.Property("security-severity", securitySeverity);
        }
        json.EndObject();
        json.EndObject();
    }

    private static void WriteResult(JsonWriter json, string path, Finding f, int ruleIndex, string fingerprint)
    {
        json.StartObject();
        json.Property("ruleId", f.Code);
        json.Property("ruleIndex", ruleIndex);
        json.Property("level", ReportText.SarifLevel(f.Severity));
        WriteMessage(json, "message", f.Message);
        json.Name("locations");
        json.StartArray();
        WriteLocation(json, path, f.Location, id: null);
        json.EndArray();
        if (f.AdditionalLocations.Count > 0)
        {
            // The other places this one result stands for (SARIF 2.1.0 §3.27.22).
            json.Name("relatedLocations");
            json.StartArray();
            for (int i = 0; i < f.AdditionalLocations.Count; i++)
            {
                WriteLocation(json, path, f.AdditionalLocations[i], id: i + 1);
            }
            json.EndArray();
        }
        json.Name("partialFingerprints");
        json.StartObject();
        json.Property(FindingFingerprints.SarifKey, fingerprint);
        json.EndObject();
        if (f.Fix is { } fix)
        {
            WriteFix(json, path, fix);
        }
        json.EndObject();
    }

    /// <summary>
    /// The finding's fix as SARIF's <c>fixes</c> (§3.55): one artifact change of the finding's file, one replacement per
    /// edit. An insertion is an empty <c>deletedRegion</c>; a deletion has no <c>insertedContent</c>.
    /// </summary>
    private static void WriteFix(JsonWriter json, string path, CodeFix fix)
    {
        json.Name("fixes");
        json.StartArray();
        json.StartObject();
        WriteMessage(json, "description", fix.Title);
        json.Name("artifactChanges");
        json.StartArray();
        json.StartObject();
        json.Name("artifactLocation");
        json.StartObject();
        json.Property("uri", ReportText.Uri(path));
        json.EndObject();
        json.Name("replacements");
        json.StartArray();
        foreach (var edit in fix.Edits)
        {
            json.StartObject();
            json.Name("deletedRegion");
            json.StartObject();
            json.Property("startLine", edit.Location.Start.Line);
            json.Property("startColumn", edit.Location.Start.Column);
            json.Property("endLine", edit.Location.End.Line);
            json.Property("endColumn", edit.Location.End.Column);
            json.EndObject();
            if (edit.NewText.Length > 0)
            {
                json.Name("insertedContent");
                json.StartObject();
                json.Property("text", edit.NewText);
                json.EndObject();
            }
            json.EndObject();
        }
        json.EndArray();
        json.EndObject();
        json.EndArray();
        json.EndObject();
        json.EndArray();
    }

    private static void WriteMessage(JsonWriter json, string name, string text)
    {
        json.Name(name);
        json.StartObject();
        json.Property("text", text);
        json.EndObject();
    }

    /// <summary>A SARIF location: the file and the exact region (1-based; the end column is exclusive, as SARIF's). No region for a whole-file finding (line 0).</summary>
    private static void WriteLocation(JsonWriter json, string path, LinePositionSpan span, int? id)
    {
        json.StartObject();
        if (id is { } value)
        {
            json.Property("id", value);
        }
        json.Name("physicalLocation");
        json.StartObject();
        json.Name("artifactLocation");
        json.StartObject();
        json.Property("uri", ReportText.Uri(path));
        json.EndObject();
        if (span.Start.Line >= 1)
        {
            json.Name("region");
            json.StartObject();
            json.Property("startLine", span.Start.Line);
            bool columns = span.Start.Column >= 1;
            if (columns)
            {
                json.Property("startColumn", span.Start.Column);
            }
            if (span.End.Line >= span.Start.Line)
            {
                json.Property("endLine", span.End.Line);
                if (columns && span.End.Column >= 1 && (span.End.Line > span.Start.Line || span.End.Column >= span.Start.Column))
                {
                    json.Property("endColumn", span.End.Column);
                }
            }
            json.EndObject();
        }
        json.EndObject();
        json.EndObject();
    }
}
