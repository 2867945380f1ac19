using System.Text.Json;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Cli.Commands;

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

    public static void WriteFinding(Utf8JsonWriter json, Finding f)
    {
        json.WriteStartObject();
        json.WriteString("code", f.Code);
        json.WriteString("name", f.Descriptor.Name);
        json.WriteString("severity", f.Severity.ToText());
        json.WriteNumber("line", f.Location.Start.Line);
        json.WriteNumber("column", f.Location.Start.Column);
        json.WriteNumber("endLine", f.Location.End.Line);
        json.WriteNumber("endColumn", f.Location.End.Column);
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
                json.WriteNumber("line", also.Start.Line);
                json.WriteNumber("column", also.Start.Column);
                json.WriteNumber("endLine", also.End.Line);
                json.WriteNumber("endColumn", also.End.Column);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteString("helpUri", f.Descriptor.HelpUri);
        json.WriteEndObject();
    }
}
