using System.Text.Json;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Cli.Output;

/// <summary>The full syntax tree with spans (<c>parse --format json</c>).</summary>
internal static class SyntaxTreeJson
{
    public static void Write(TextWriter stdout, DockerfileSyntax syntax)
    {
        var source = syntax.Source;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, CliJson.WriterOptions))
        {
            json.WriteStartObject();
            if (source.Path is not null) json.WriteString("path", source.Path);
            json.WriteString("escapeToken", syntax.EscapeToken.ToString());
            json.WriteStartArray("directives");
            foreach (var d in syntax.Directives)
            {
                json.WriteStartObject();
                json.WriteString("name", d.Name);
                json.WriteString("value", d.Value);
                WriteSpan(json, source, "span", d.Span);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("instructions");
            foreach (var i in syntax.Instructions)
            {
                WriteInstruction(json, source, i);
            }
            json.WriteEndArray();
            json.WriteStartArray("comments");
            foreach (var c in syntax.Comments)
            {
                json.WriteStartObject();
                json.WriteString("text", c.Text);
                WriteSpan(json, source, "span", c.Span);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("diagnostics");
            foreach (var d in syntax.Diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("code", d.Code);
                json.WriteString("severity", d.Severity == ParseSeverity.Error ? "error" : "warning");
                json.WriteString("message", d.Message);
                WriteSpan(json, source, "span", d.Span);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteInstruction(Utf8JsonWriter json, SourceText source, InstructionSyntax i)
    {
        json.WriteStartObject();
        json.WriteString("instruction", i.Kind == InstructionKind.Unknown ? i.Keyword.Value.ToUpperInvariant() : i.Kind.ToKeyword());
        WriteToken(json, source, "keyword", i.Keyword);
        json.WriteNumber("startLine", i.StartLine);
        json.WriteNumber("endLine", i.EndLine);
        WriteSpan(json, source, "span", i.Span);
        json.WriteString("original", i.Original);
        json.WriteBoolean("jsonForm", i.IsJsonForm);
        json.WriteStartArray("flags");
        foreach (var f in i.Flags)
        {
            json.WriteStartObject();
            json.WriteString("name", f.Name);
            if (f.Value is null) json.WriteNull("value"); else json.WriteString("value", f.Value);
            WriteSpan(json, source, "span", f.Span);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("arguments");
        foreach (var a in i.Arguments)
        {
            WriteToken(json, source, null, a);
        }
        json.WriteEndArray();
        if (i.KeyValues.Count > 0)
        {
            json.WriteStartArray("keyValues");
            foreach (var kv in i.KeyValues)
            {
                json.WriteStartObject();
                WriteToken(json, source, "key", kv.Key);
                WriteToken(json, source, "value", kv.Value);
                json.WriteBoolean("legacyForm", kv.IsLegacyForm);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (i.Heredocs.Count > 0)
        {
            json.WriteStartArray("heredocs");
            foreach (var h in i.Heredocs)
            {
                json.WriteStartObject();
                json.WriteString("name", h.Name);
                json.WriteBoolean("expand", h.Expand);
                json.WriteBoolean("chomp", h.Chomp);
                json.WriteNumber("fileDescriptor", h.FileDescriptor);
                json.WriteString("content", h.Content);
                WriteSpan(json, source, "bodySpan", h.BodySpan);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (i.PrecedingComments.Count > 0)
        {
            json.WriteStartArray("precedingComments");
            foreach (var c in i.PrecedingComments) json.WriteStringValue(c);
            json.WriteEndArray();
        }
        if (i.OnbuildInstruction is not null)
        {
            json.WritePropertyName("trigger");
            WriteInstruction(json, source, i.OnbuildInstruction);
        }
        json.WriteEndObject();
    }

    private static void WriteToken(Utf8JsonWriter json, SourceText source, string? name, SyntaxToken token)
    {
        if (name is null) json.WriteStartObject(); else json.WriteStartObject(name);
        json.WriteString("value", token.Value);
        WriteSpan(json, source, "span", token.Span);
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, SourceText source, string name, TextSpan span)
    {
        var lines = source.GetLinePositionSpan(span);
        json.WriteStartObject(name);
        json.WriteNumber("line", lines.Start.Line);
        json.WriteNumber("column", lines.Start.Column);
        json.WriteNumber("endLine", lines.End.Line);
        json.WriteNumber("endColumn", lines.End.Column);
        json.WriteNumber("offset", span.Start);
        json.WriteNumber("length", span.Length);
        json.WriteEndObject();
    }
}
