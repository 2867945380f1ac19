using ContainerOpt.Core.Json;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>codeclimate</c>: Code Climate's engine output, as hadolint writes it: one issue per JSON document, each ended by a NUL
/// character (the engine specification's separator): <c>{"type":"issue","check_name","description","categories",
/// "location":{"path","positions":{"begin":{"line","column"},"end":{"line","column"}}},"severity","fingerprint"}</c>, with
/// the other places of a finding as a <c>trace</c>. Descriptions are one line, as the specification asks; positions are
/// characters (the end is the last character of the span); a whole-file finding is at line 1.
/// </summary>
public sealed class CodeClimateReport : FindingReportFormat
{
    public override string Name => "codeclimate";

    public override bool WritesFingerprints => true;

    public override string Description => "Code Climate engine issues, NUL-separated";

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        foreach (var file in files)
        {
            var fingerprints = FindingFingerprints.Of(file.Findings);
            string path = ReportText.ServicePath(file.Path);
            for (int i = 0; i < file.Findings.Count; i++)
            {
                var f = file.Findings[i];
                var json = new JsonWriter(output, indented: false);
                json.StartObject();
                json.Property("type", "issue");
                json.Property("check_name", f.Code);
                json.Property("description", ReportText.OneLine(f.Message));
                json.Name("categories");
                json.StartArray();
                json.String(Category(f.Descriptor));
                json.EndArray();
                json.Name("location");
                WriteLocation(json, path, f.Location);
                if (f.AdditionalLocations.Count > 0)
                {
                    json.Name("trace");
                    json.StartObject();
                    json.Name("locations");
                    json.StartArray();
                    foreach (var also in f.AdditionalLocations)
                    {
                        WriteLocation(json, path, also);
                    }
                    json.EndArray();
                    json.EndObject();
                }
                json.Property("severity", ReportText.CodeClimateSeverity(f.Severity));
                json.Property("fingerprint", FindingFingerprints.InReport(file.Path, fingerprints[i]));
                json.EndObject();
                output.Write('\0');
            }
        }
    }

    /// <summary>Code Climate's category of a rule: Security for the security rules, Performance for size and cache, else Bug Risk.</summary>
    internal static string Category(DiagnosticDescriptor rule) =>
        DiagnosticCatalog.IsSecurity(rule) ? "Security"
        : rule.Category == DiagnosticCategories.SizeAndCache ? "Performance"
        : "Bug Risk";

    private static void WriteLocation(JsonWriter json, string path, LinePositionSpan span)
    {
        json.StartObject();
        json.Property("path", path);
        json.Name("positions");
        json.StartObject();
        int line = Math.Max(1, span.Start.Line);
        int column = Math.Max(1, span.Start.Column);
        int endLine = Math.Max(line, span.End.Line);
        // The end is the span's last character: the column before its exclusive end, never before the beginning.
        int endColumn = Math.Max(1, span.End.Column - 1);
        if (endLine == line)
        {
            endColumn = Math.Max(column, endColumn);
        }
        WritePosition(json, "begin", line, column);
        WritePosition(json, "end", endLine, endColumn);
        json.EndObject();
        json.EndObject();
    }

    private static void WritePosition(JsonWriter json, string name, int line, int column)
    {
        json.Name(name);
        json.StartObject();
        json.Property("line", line);
        json.Property("column", column);
        json.EndObject();
    }
}
