using ContainerOpt.Core.Json;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>json</c>, the contract's shape: <c>{"files":[{"path","diagnostics":[{"code","name","severity","line","column","endLine",
/// "endColumn","message","equivalents","additionalLocations"?,"helpUri"}]}]}</c>, every file linted, every finding.
/// </summary>
public sealed class JsonReport : FindingReportFormat
{
    public override string Name => "json";

    public override string Description => "every file and finding with exact spans (ContainerOpt's own shape)";

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        var json = new JsonWriter(output);
        json.StartObject();
        json.Name("files");
        json.StartArray();
        foreach (var file in files)
        {
            json.StartObject();
            json.Property("path", file.Path);
            json.Name("diagnostics");
            json.StartArray();
            foreach (var f in file.Findings)
            {
                WriteFinding(json, f);
            }
            json.EndArray();
            json.EndObject();
        }
        json.EndArray();
        json.EndObject();
        output.WriteLine();
    }

    private static void WriteFinding(JsonWriter json, Finding f)
    {
        json.StartObject();
        json.Property("code", f.Code);
        json.Property("name", f.Descriptor.Name);
        json.Property("severity", f.Severity.ToText());
        WriteSpan(json, f.Location);
        json.Property("message", f.Message);
        json.Name("equivalents");
        json.StartArray();
        foreach (var e in f.Equivalents)
        {
            json.String(e);
        }
        json.EndArray();
        if (f.AdditionalLocations.Count > 0)
        {
            json.Name("additionalLocations");
            json.StartArray();
            foreach (var also in f.AdditionalLocations)
            {
                json.StartObject();
                WriteSpan(json, also);
                json.EndObject();
            }
            json.EndArray();
        }
        json.Property("helpUri", f.Descriptor.HelpUri);
        json.EndObject();
    }

    /// <summary>A span as the JSON format names it: line, column, endLine, endColumn (1-based, the end column exclusive).</summary>
    private static void WriteSpan(JsonWriter json, LinePositionSpan span)
    {
        json.Property("line", span.Start.Line);
        json.Property("column", span.Start.Column);
        json.Property("endLine", span.End.Line);
        json.Property("endColumn", span.End.Column);
    }
}
