using ContainerOpt.Dockerfile.Text;
using System.Text.Json;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Cli.Commands;

namespace ContainerOpt.Cli.Output;

/// <summary>SARIF 2.1.0: one run, the rules that fired with help URIs, results with regions.</summary>
internal static class SarifReport
{
    public static void Write(TextWriter stdout, IReadOnlyList<FileFindings> files, string version)
    {
        var rules = files.SelectMany(f => f.Findings).Select(f => f.Descriptor)
            .GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var ruleIndex = rules.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WritePropertyName("tool");
            json.WriteStartObject();
            json.WritePropertyName("driver");
            json.WriteStartObject();
            json.WriteString("name", "ContainerOpt");
            json.WriteString("semanticVersion", version);
            json.WriteString("informationUri", "https://github.com/containeropt/containeropt");
            json.WriteStartArray("rules");
            foreach (var d in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", d.Id);
                json.WriteString("name", d.Name);
                json.WritePropertyName("shortDescription");
                json.WriteStartObject();
                json.WriteString("text", d.Title);
                json.WriteEndObject();
                json.WriteString("helpUri", d.HelpUri);
                json.WritePropertyName("defaultConfiguration");
                json.WriteStartObject();
                json.WriteString("level", Level(d.DefaultSeverity));
                json.WriteEndObject();
                json.WritePropertyName("properties");
                json.WriteStartObject();
                json.WriteString("category", d.Category);
                json.WriteStartArray("equivalents");
                foreach (var e in d.Equivalents) json.WriteStringValue(e);
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var file in files)
            {
                foreach (var f in file.Findings)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", f.Code);
                    json.WriteNumber("ruleIndex", ruleIndex[f.Code]);
                    json.WriteString("level", Level(f.Severity));
                    json.WritePropertyName("message");
                    json.WriteStartObject();
                    json.WriteString("text", f.Message);
                    json.WriteEndObject();
                    json.WriteStartArray("locations");
                    WriteLocation(json, file.Path, f.Location, id: null);
                    json.WriteEndArray();
                    if (f.AdditionalLocations.Count > 0)
                    {
                        // The other places this one result stands for (SARIF 2.1.0 §3.27.22).
                        json.WriteStartArray("relatedLocations");
                        for (int i = 0; i < f.AdditionalLocations.Count; i++)
                        {
                            WriteLocation(json, file.Path, f.AdditionalLocations[i], id: i + 1);
                        }
                        json.WriteEndArray();
                    }
                    json.WriteEndObject();
                }
            }
            json.WriteEndArray();

            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info or DiagnosticSeverity.Style => "note",
        _ => "none",
    };

    /// <summary>A SARIF location: the file and the exact region (1-based; the end column is exclusive, as SARIF's).</summary>
    private static void WriteLocation(Utf8JsonWriter json, string path, LinePositionSpan span, int? id)
    {
        json.WriteStartObject();
        if (id is { } value)
        {
            json.WriteNumber("id", value);
        }
        json.WritePropertyName("physicalLocation");
        json.WriteStartObject();
        json.WritePropertyName("artifactLocation");
        json.WriteStartObject();
        json.WriteString("uri", path.Replace('\\', '/'));
        json.WriteEndObject();
        json.WritePropertyName("region");
        json.WriteStartObject();
        json.WriteNumber("startLine", span.Start.Line);
        json.WriteNumber("startColumn", span.Start.Column);
        json.WriteNumber("endLine", span.End.Line);
        json.WriteNumber("endColumn", span.End.Column);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
