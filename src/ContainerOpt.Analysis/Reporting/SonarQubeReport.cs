using ContainerOpt.Core.Json;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>sonarqube</c>: SonarQube's generic issue import format (<c>sonar.externalIssuesReportPaths</c>), the one of SonarQube
/// Server 10.3 and later and SonarQube Cloud: <c>{"rules":[{"id","name","description","engineId","cleanCodeAttribute",
/// "impacts":[{"softwareQuality","severity"}]}],"issues":[{"ruleId","primaryLocation":{"message","filePath","textRange"},
/// "secondaryLocations"}]}</c>. A rule's impact is SECURITY for the security rules, RELIABILITY for correctness, syntax, tool
/// and .NET rules, MAINTAINABILITY for practice, size and cache; its severity the highest of its findings (error HIGH, warning
/// MEDIUM, else LOW). Text ranges have 0-based columns, the end exclusive; a whole-file finding has none.
/// </summary>
public sealed class SonarQubeReport : FindingReportFormat
{
    public const string EngineId = "ContainerOpt";

    public override string Name => "sonarqube";

    public override string Description => "SonarQube generic issue import (10.3 and later, SonarQube Cloud)";

    public override bool ReadsAllFilesFirst => true;

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        // Read twice: the rule table, then the results.
        var all = files as IReadOnlyCollection<FileFindings> ?? files.ToList();
        var rules = all.SelectMany(f => f.Findings).GroupBy(f => f.Code, StringComparer.Ordinal)
            .Select(g => (Rule: g.First().Descriptor, Severity: g.Max(f => f.Severity)))
            .OrderBy(r => r.Rule.Id, StringComparer.Ordinal).ToList();
        var json = new JsonWriter(output);
        json.StartObject();
        json.Name("rules");
        json.StartArray();
        foreach (var (rule, severity) in rules)
        {
            json.StartObject();
            json.Property("id", rule.Id);
            json.Property("name", rule.Title);
            json.Property("description", RuleHelp.FullDescription(rule) + " " + rule.HelpUri);
            json.Property("engineId", EngineId);
            json.Property("cleanCodeAttribute", CleanCodeAttribute(rule));
            json.Name("impacts");
            json.StartArray();
            json.StartObject();
            json.Property("softwareQuality", SoftwareQuality(rule));
            json.Property("severity", severity switch
            {
                DiagnosticSeverity.Error => "HIGH",
                DiagnosticSeverity.Warning => "MEDIUM",
                _ => "LOW",
            });
            json.EndObject();
            json.EndArray();
            json.EndObject();
        }
        json.EndArray();
        json.Name("issues");
        json.StartArray();
        foreach (var file in all)
        {
            foreach (var f in file.Findings)
            {
                json.StartObject();
                json.Property("ruleId", f.Code);
                json.Name("primaryLocation");
                WriteLocation(json, f.Message, file.Path, f.Location);
                if (f.AdditionalLocations.Count > 0)
                {
                    json.Name("secondaryLocations");
                    json.StartArray();
                    foreach (var also in f.AdditionalLocations)
                    {
                        WriteLocation(json, f.Descriptor.Title, file.Path, also);
                    }
                    json.EndArray();
                }
                json.EndObject();
            }
        }
        json.EndArray();
        json.EndObject();
        output.WriteLine();
    }

    private static string SoftwareQuality(DiagnosticDescriptor rule) =>
        DiagnosticCatalog.IsSecurity(rule) ? "SECURITY"
        : rule.Category is DiagnosticCategories.Practice or DiagnosticCategories.SizeAndCache ? "MAINTAINABILITY"
        : "RELIABILITY";

    private static string CleanCodeAttribute(DiagnosticDescriptor rule) =>
        DiagnosticCatalog.IsSecurity(rule) ? "TRUSTWORTHY"
        : rule.Category == DiagnosticCategories.SizeAndCache ? "EFFICIENT"
        : rule.Category == DiagnosticCategories.Practice ? "CONVENTIONAL"
        : "LOGICAL";

    private static void WriteLocation(JsonWriter json, string message, string path, LinePositionSpan span)
    {
        json.StartObject();
        json.Property("message", message);
        json.Property("filePath", path);
        if (span.Start.Line >= 1)
        {
            json.Name("textRange");
            json.StartObject();
            json.Property("startLine", span.Start.Line);
            int endLine = Math.Max(span.Start.Line, span.End.Line);
            json.Property("endLine", endLine);
            if (span.Start.Column >= 1 && span.End.Column >= 1 && (endLine > span.Start.Line || span.End.Column > span.Start.Column))
            {
                json.Property("startColumn", span.Start.Column - 1);
                json.Property("endColumn", span.End.Column - 1);
            }
            json.EndObject();
        }
        json.EndObject();
    }
}
