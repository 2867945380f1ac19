using System.Text.Json;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Cli.Commands;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Cli.Output;

/// <summary><c>{"files":[{"path","diagnostics":[{"code","name","severity","line","column","endLine","endColumn","message","equivalents","helpUri"}]}]}</c>.</summary>
internal static class JsonReport
{
    public static void Write(TextWriter stdout, IReadOnlyList<FileFindings> files)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("path", file.Path);
                json.WriteStartArray("diagnostics");
                foreach (var f in file.Findings)
                {
                    WriteFinding(json, f);
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A span as the JSON format names it: line, column, endLine, endColumn (1-based).</summary>
    private static void WriteSpan(Utf8JsonWriter json, LinePositionSpan span)
    {
        json.WriteNumber("line", span.Start.Line);
        json.WriteNumber("column", span.Start.Column);
        json.WriteNumber("endLine", span.End.Line);
        json.WriteNumber("endColumn", span.End.Column);
    }

    public static void WriteFinding(Utf8JsonWriter json, Finding f)
    {
        json.WriteStartObject();
        json.WriteString("code", f.Code);
        json.WriteString("name", f.Descriptor.Name);
        json.WriteString("severity", f.Severity.ToText());
        WriteSpan(json, f.Location);
        json.WriteString("message", f.Message);
        json.WriteStartArray("equivalents");
        foreach (var e in f.Equivalents)
        {
            json.WriteStringValue(e);
        }
        json.WriteEndArray();
        if (f.AdditionalLocations.Count > 0)
        {
            json.WriteStartArray("additionalLocations");
            foreach (var also in f.AdditionalLocations)
            {
                json.WriteStartObject();
                WriteSpan(json, also);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteString("helpUri", f.Descriptor.HelpUri);
        json.WriteEndObject();
    }
}
