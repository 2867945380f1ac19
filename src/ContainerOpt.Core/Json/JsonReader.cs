using System.Globalization;
using System.Text;

namespace ContainerOpt.Core.Json;

/// <summary>
/// A strict RFC 8259 reader into <see cref="JsonValue"/>. Bad input raises <see cref="FormatException"/>
/// with the character offset; nesting deeper than <see cref="MaxDepth"/> is refused so hostile
/// metadata cannot exhaust the stack.
/// </summary>
public sealed class JsonReader
{
    public const int MaxDepth = 128;

    private readonly string _text;
    private int _position;

    private JsonReader(string text) => _text = text;

    public static JsonValue Parse(string text)
    {
        if (text is null) throw new ArgumentNullException(nameof(text));
        var reader = new JsonReader(text);
        reader.SkipWhitespace();
        // A UTF-8 byte order mark is tolerated at the start, as Go's and .NET's readers do not but tools write it.
        if (reader._position < text.Length && text[reader._position] == '\uFEFF') reader._position++;
        JsonValue value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._position != text.Length) throw reader.Error("unexpected text after the JSON value");
        return value;
    }

    /// <summary>Parses UTF-8 bytes (invalid sequences are an error: they are not JSON).</summary>
    public static JsonValue Parse(byte[] utf8)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("Invalid JSON: the bytes are not UTF-8 (" + e.Message + ")", e);
        }
        return Parse(text);
    }

    private JsonValue ReadValue(int depth)
    {
        if (depth > MaxDepth) throw Error($"nesting deeper than {MaxDepth} levels");
        SkipWhitespace();
        if (_position >= _text.Length) throw Error("unexpected end of input");
        char c = _text[_position];
        switch (c)
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"': return JsonValue.String(ReadString());
            case 't': ExpectWord("true"); return JsonValue.True;
            case 'f': ExpectWord("false"); return JsonValue.False;
            case 'n': ExpectWord("null"); return JsonValue.Null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                throw Error($"unexpected character '{Printable(c)}'");
        }
    }

    private JsonValue ReadObject(int depth)
    {
        _position++;
        var members = new List<KeyValuePair<string, JsonValue>>();
        SkipWhitespace();
        if (Peek() == '}')
        {
            _position++;
            return JsonValue.Object(members);
        }
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"') throw Error("expected a member name in double quotes");
            string name = ReadString();
            SkipWhitespace();
            if (Peek() != ':') throw Error("expected ':' after a member name");
            _position++;
            JsonValue value = ReadValue(depth + 1);
            members.Add(new KeyValuePair<string, JsonValue>(name, value));
            SkipWhitespace();
            char c = Peek();
            _position++;
            if (c == '}') return JsonValue.Object(members);
            if (c != ',')
            {
                _position--;
                throw Error("expected ',' or '}' in an object");
            }
        }
    }

    private JsonValue ReadArray(int depth)
    {
        _position++;
        var items = new List<JsonValue>();
        SkipWhitespace();
        if (Peek() == ']')
        {
            _position++;
            return JsonValue.Array(items);
        }
        while (true)
        {
            items.Add(ReadValue(depth + 1));
            SkipWhitespace();
            char c = Peek();
            _position++;
            if (c == ']') return JsonValue.Array(items);
            if (c != ',')
            {
                _position--;
                throw Error("expected ',' or ']' in an array");
            }
        }
    }

    private string ReadString()
    {
        _position++; // opening quote
        StringBuilder? builder = null;
        int runStart = _position;
        while (true)
        {
            if (_position >= _text.Length) throw Error("unterminated string");
            char c = _text[_position];
            if (c == '"')
            {
                string result = builder is null
                    ? _text.Substring(runStart, _position - runStart)
                    : builder.Append(_text, runStart, _position - runStart).ToString();
                _position++;
                return result;
            }
            if (c < 0x20) throw Error("control character in a string (escape it)");
            if (c != '\\')
            {
                _position++;
                continue;
            }
            builder ??= new StringBuilder();
            builder.Append(_text, runStart, _position - runStart);
            _position++;
            if (_position >= _text.Length) throw Error("unterminated escape");
            char e = _text[_position++];
            switch (e)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                    {
                        throw Error("\\u needs four hex digits");
                    }
                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    _position--;
                    throw Error($"unknown escape '\\{Printable(e)}'");
            }
            runStart = _position;
        }
    }

    private JsonValue ReadNumber()
    {
        int start = _position;
        if (Peek() == '-') _position++;
        if (Peek() == '0')
        {
            _position++;
        }
        else if (IsDigit(Peek()))
        {
            while (IsDigit(Peek())) _position++;
        }
        else
        {
            throw Error("a number needs digits");
        }
        if (Peek() == '.')
        {
            _position++;
            if (!IsDigit(Peek())) throw Error("a fraction needs digits");
            while (IsDigit(Peek())) _position++;
        }
        if (Peek() == 'e' || Peek() == 'E')
        {
            _position++;
            if (Peek() == '+' || Peek() == '-') _position++;
            if (!IsDigit(Peek())) throw Error("an exponent needs digits");
            while (IsDigit(Peek())) _position++;
        }
        return JsonValue.Number(_text.Substring(start, _position - start));
    }

    private void ExpectWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0) throw Error($"expected '{word}'");
        _position += word.Length;
    }

    private void SkipWhitespace()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            _position++;
        }
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static string Printable(char c) => c < 0x20 || c > 0x7E ? "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) : c.ToString();

    private FormatException Error(string what) =>
        new($"Invalid JSON at offset {_position.ToString(CultureInfo.InvariantCulture)}: {what}.");
}
