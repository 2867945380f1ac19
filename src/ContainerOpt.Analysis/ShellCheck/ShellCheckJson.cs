using System.Globalization;
using System.Text;

namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>One comment of ShellCheck's <c>--format=json1</c> output.</summary>
internal sealed class ShellCheckComment
{
    public ShellCheckComment(string file, int line, int column, int endLine, int endColumn, string level, int code, string message)
    {
        File = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        Level = level;
        Code = code;
        Message = message;
    }

    public string File { get; }

    /// <summary>1-based line and column; columns count characters (a tab is one), the end column is exclusive.</summary>
    public int Line { get; }
    public int Column { get; }
    public int EndLine { get; }
    public int EndColumn { get; }

    /// <summary>error, warning, info or style.</summary>
    public string Level { get; }
    public int Code { get; }
    public string Message { get; }
}

/// <summary>
/// Reads <c>{"comments":[{"file":…,"line":…,"endLine":…,"column":…,"endColumn":…,"level":…,"code":…,"message":…,"fix":…}]}</c>.
/// A small JSON reader of its own: this netstandard2.0 assembly (loaded by Visual Studio's MSBuild.exe) takes no
/// JSON package for one document shape. Returns null for output that is not that document.
/// </summary>
internal static class ShellCheckJson
{
    public static IReadOnlyList<ShellCheckComment>? Read(string json)
    {
        object? root;
        try
        {
            var reader = new Reader(json);
            root = reader.ReadDocument();
        }
        catch (FormatException)
        {
            return null;
        }
        if (root is not Dictionary<string, object?> document || !document.TryGetValue("comments", out var value) || value is not List<object?> comments)
        {
            return null;
        }
        var list = new List<ShellCheckComment>(comments.Count);
        foreach (var item in comments)
        {
            if (item is not Dictionary<string, object?> c)
            {
                return null;
            }
            list.Add(new ShellCheckComment(
                String(c, "file"), Int(c, "line"), Int(c, "column"), Int(c, "endLine"), Int(c, "endColumn"),
                String(c, "level"), Int(c, "code"), String(c, "message")));
        }
        return list;
    }

    private static string String(Dictionary<string, object?> o, string name) => o.TryGetValue(name, out var v) && v is string s ? s : "";

    private static int Int(Dictionary<string, object?> o, string name) =>
        o.TryGetValue(name, out var v) && v is double d && d >= int.MinValue && d <= int.MaxValue ? (int)d : 0;

    private sealed class Reader
    {
        private const int MaxDepth = 64;
        private readonly string _s;
        private int _i;

        public Reader(string s) => _s = s;

        public object? ReadDocument()
        {
            var value = ReadValue(0);
            SkipWhitespace();
            if (_i != _s.Length)
            {
                throw new FormatException("text after the JSON value");
            }
            return value;
        }

        private object? ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("nested too deep");
            }
            SkipWhitespace();
            if (_i >= _s.Length)
            {
                throw new FormatException("unexpected end");
            }
            char c = _s[_i];
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return ReadString();
                case 't':
                    Expect("true");
                    return true;
                case 'f':
                    Expect("false");
                    return false;
                case 'n':
                    Expect("null");
                    return null;
                default:
                    return ReadNumber();
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var o = new Dictionary<string, object?>(StringComparer.Ordinal);
            _i++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _i++;
                return o;
            }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw new FormatException("expected a name");
                }
                string name = ReadString();
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw new FormatException("expected ':'");
                }
                _i++;
                o[name] = ReadValue(depth + 1);
                SkipWhitespace();
                char next = Peek();
                _i++;
                if (next == '}')
                {
                    return o;
                }
                if (next != ',')
                {
                    throw new FormatException("expected ',' or '}'");
                }
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var a = new List<object?>();
            _i++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _i++;
                return a;
            }
            while (true)
            {
                a.Add(ReadValue(depth + 1));
                SkipWhitespace();
                char next = Peek();
                _i++;
                if (next == ']')
                {
                    return a;
                }
                if (next != ',')
                {
                    throw new FormatException("expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            if (!Dockerfile.Text.JsonStrings.TryRead(_s, ref _i, _s.Length, out var value))
            {
                throw new FormatException("malformed string");
            }
            return value;
        }

        private double ReadNumber()
        {
            int start = _i;
            while (_i < _s.Length && (char.IsDigit(_s[_i]) || _s[_i] is '-' or '+' or '.' or 'e' or 'E'))
            {
                _i++;
            }
            if (_i == start || !double.TryParse(_s.Substring(start, _i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            {
                throw new FormatException("not a JSON value");
            }
            return d;
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_s, _i, word, 0, word.Length) != 0)
            {
                throw new FormatException("not a JSON value");
            }
            _i += word.Length;
        }

        private char Peek() => _i < _s.Length ? _s[_i] : throw new FormatException("unexpected end");

        private void SkipWhitespace()
        {
            while (_i < _s.Length && _s[_i] is ' ' or '\t' or '\r' or '\n')
            {
                _i++;
            }
        }
    }
}
