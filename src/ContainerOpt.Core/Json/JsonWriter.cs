using System.Globalization;

namespace ContainerOpt.Core.Json;

/// <summary>
/// Writes indented JSON (two spaces, RFC 8259 escaping, invariant culture) to a <see cref="TextWriter"/>.
/// The caller drives structure; the writer places commas, newlines and indentation. The image report and every
/// finding report (ContainerOpt.Analysis.Reporting) write through it: no JSON package in the netstandard2.0
/// assemblies Visual Studio's MSBuild loads, and nothing for the trimmer or Native AOT to resolve by reflection.
/// </summary>
public sealed class JsonWriter
{
    private readonly TextWriter _output;
    private readonly Stack<bool> _hasItems = new();
    private readonly bool _indented;
    private bool _afterName;

    /// <param name="output">Where the JSON goes.</param>
    /// <param name="indented">False: one line, no spaces (a document per line, as Codacy and Code Climate read them).</param>
    public JsonWriter(TextWriter output, bool indented = true)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _indented = indented;
    }

    public void StartObject()
    {
        BeforeValue();
        _output.Write('{');
        _hasItems.Push(false);
    }

    public void EndObject() => End('}');

    public void StartArray()
    {
        BeforeValue();
        _output.Write('[');
        _hasItems.Push(false);
    }

    public void EndArray() => End(']');

    public void Name(string name)
    {
        BeforeValue();
        WriteString(name);
        _output.Write(_indented ? ": " : ":");
        _afterName = true;
    }

    public void String(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        BeforeValue();
        WriteString(value);
    }

    public void Number(long value)
    {
        BeforeValue();
        _output.Write(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Number(int? value)
    {
        if (value is null) Null();
        else Number((long)value.Value);
    }

    /// <summary>Shortest round-trip form; JSON has no NaN or infinity, so those are refused.</summary>
    public void Number(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value)) throw new ArgumentOutOfRangeException(nameof(value), "JSON has no NaN or infinity.");
        BeforeValue();
        _output.Write(value.ToString("R", CultureInfo.InvariantCulture));
    }

    public void Boolean(bool value)
    {
        BeforeValue();
        _output.Write(value ? "true" : "false");
    }

    public void Null()
    {
        BeforeValue();
        _output.Write("null");
    }

    public void Property(string name, string? value)
    {
        Name(name);
        String(value);
    }

    public void Property(string name, long value)
    {
        Name(name);
        Number(value);
    }

    public void Property(string name, bool value)
    {
        Name(name);
        Boolean(value);
    }

    /// <summary>Escapes per RFC 8259: quote, backslash and control characters; everything else is written as is (UTF-8 output).</summary>
    public static string Escape(string value)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        new JsonWriter(writer).WriteString(value);
        return writer.ToString();
    }

    private void WriteString(string value)
    {
        _output.Write('"');
        int runStart = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            string? escape = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                // U+2028/2029 are valid JSON but break JavaScript readers of the report; DEL and the C1 controls are
                // valid too, but a terminal showing the report would act on them.
                _ when c < 0x20 || c is >= '\u007f' and <= '\u009f' || c == '\u2028' || c == '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escape is null) continue;
            _output.Write(value.Substring(runStart, i - runStart));
            _output.Write(escape);
            runStart = i + 1;
        }
        _output.Write(value.Substring(runStart));
        _output.Write('"');
    }

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }
        if (_hasItems.Count == 0) return;
        if (_hasItems.Peek()) _output.Write(',');
        _hasItems.Pop();
        _hasItems.Push(true);
        NewLine(_hasItems.Count);
    }

    private void End(char close)
    {
        bool hadItems = _hasItems.Pop();
        if (hadItems) NewLine(_hasItems.Count);
        _output.Write(close);
    }

    private void NewLine(int depth)
    {
        if (!_indented) return;
        _output.Write('\n');
        for (int i = 0; i < depth; i++) _output.Write("  ");
    }
}
