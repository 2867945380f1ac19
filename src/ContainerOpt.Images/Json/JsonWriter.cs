using System.Globalization;

namespace ContainerOpt.Images.Json;

/// <summary>
/// Writes indented JSON (two spaces, RFC 8259 escaping, invariant culture) to a <see cref="TextWriter"/>.
/// The caller drives structure; the writer places commas, newlines and indentation.
/// </summary>
public sealed class JsonWriter
{
    private readonly TextWriter _output;
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;

    public JsonWriter(TextWriter output) => _output = output ?? throw new ArgumentNullException(nameof(output));

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
        _output.Write(": ");
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
                // U+2028/2029 are valid JSON but break JavaScript readers of the report.
                _ when c < 0x20 || c == '\u2028' || c == '\u2029' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
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
        _output.Write('\n');
        for (int i = 0; i < depth; i++) _output.Write("  ");
    }
}
