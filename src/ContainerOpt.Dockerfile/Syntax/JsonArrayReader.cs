using System.Runtime.CompilerServices;
using System.Text;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// Reads the exec form <c>["a", "b"]</c> the way BuildKit does (Go's json.Decoder into <c>[]interface{}</c>):
/// the text must start with one valid JSON array, and whatever follows it is ignored; any valid array whose
/// elements are not all strings is an error; anything else is not JSON and falls back to shell form.
/// </summary>
internal static class JsonArrayReader
{
    public enum Outcome
    {
        StringArray,
        NotJson,
        NotStringArray,
    }

    public readonly struct Element
    {
        public Element(string value, int start, int end)
        {
            Value = value;
            Start = start;
            End = end;
        }

        public string Value { get; }
        public int Start { get; }
        public int End { get; }
    }

    public static Outcome Read(string text, int start, int end, List<Element> elements)
    {
        elements.Clear();
        int pos = start;
        SkipWhitespace(text, ref pos, end);
        if (pos >= end || text[pos] != '[')
        {
            return Outcome.NotJson;
        }
        pos++;
        bool allStrings = true;
        SkipWhitespace(text, ref pos, end);
        if (pos < end && text[pos] == ']')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                SkipWhitespace(text, ref pos, end);
                int valueStart = pos;
                if (pos < end && text[pos] == '"')
                {
                    if (!JsonStrings.TryRead(text, ref pos, end, out var value))
                    {
                        return Outcome.NotJson;
                    }
                    elements.Add(new Element(value, valueStart, pos));
                }
                else
                {
                    if (!SkipValue(text, ref pos, end, depth: 0))
                    {
                        return Outcome.NotJson;
                    }
                    allStrings = false;
                }
                SkipWhitespace(text, ref pos, end);
                if (pos >= end)
                {
                    return Outcome.NotJson;
                }
                if (text[pos] == ',')
                {
                    pos++;
                    continue;
                }
                if (text[pos] == ']')
                {
                    pos++;
                    break;
                }
                return Outcome.NotJson;
            }
        }
        // Go's json.Decoder reads one value and leaves the rest unread: ["a", "b"] # note is exec form ["a", "b"]
        // (the engine shows both builders ignoring the trailing text).
        return allStrings ? Outcome.StringArray : Outcome.NotStringArray;
    }

    private static void SkipWhitespace(string text, ref int pos, int end)
    {
        while (pos < end && IsWhitespace(text[pos]))
        {
            pos++;
        }
    }

    private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

    /// <summary>
    /// False when <see cref="Read"/> would find no array in text[start, end) at its first character: most arguments
    /// (shell forms) are told so without the call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MayStartArray(string text, int start, int end) => start < end && (text[start] == '[' || IsWhitespace(text[start]));

    /// <summary>Skips any JSON value; depth is bounded so hostile nesting cannot overflow the stack.</summary>
    private static bool SkipValue(string text, ref int pos, int end, int depth)
    {
        if (depth > 512 || pos >= end)
        {
            return false;
        }
        char c = text[pos];
        switch (c)
        {
            case '"':
                return JsonStrings.TryRead(text, ref pos, end, out _);
            case '[':
            case '{':
                {
                    char close = c == '[' ? ']' : '}';
                    pos++;
                    SkipWhitespace(text, ref pos, end);
                    if (pos < end && text[pos] == close)
                    {
                        pos++;
                        return true;
                    }
                    while (true)
                    {
                        SkipWhitespace(text, ref pos, end);
                        if (c == '{')
                        {
                            if (pos >= end || text[pos] != '"' || !JsonStrings.TryRead(text, ref pos, end, out _))
                            {
                                return false;
                            }
                            SkipWhitespace(text, ref pos, end);
                            if (pos >= end || text[pos] != ':')
                            {
                                return false;
                            }
                            pos++;
                            SkipWhitespace(text, ref pos, end);
                        }
                        if (!SkipValue(text, ref pos, end, depth + 1))
                        {
                            return false;
                        }
                        SkipWhitespace(text, ref pos, end);
                        if (pos >= end)
                        {
                            return false;
                        }
                        if (text[pos] == ',')
                        {
                            pos++;
                            continue;
                        }
                        if (text[pos] == close)
                        {
                            pos++;
                            return true;
                        }
                        return false;
                    }
                }
            case 't':
                return SkipLiteral(text, ref pos, end, "true");
            case 'f':
                return SkipLiteral(text, ref pos, end, "false");
            case 'n':
                return SkipLiteral(text, ref pos, end, "null");
            default:
                return SkipNumber(text, ref pos, end);
        }
    }

    private static bool SkipLiteral(string text, ref int pos, int end, string literal)
    {
        if (pos + literal.Length > end || string.CompareOrdinal(text, pos, literal, 0, literal.Length) != 0)
        {
            return false;
        }
        pos += literal.Length;
        return true;
    }

    private static bool SkipNumber(string text, ref int pos, int end)
    {
        int p = pos;
        if (p < end && text[p] == '-') p++;
        if (p >= end) return false;
        if (text[p] == '0') p++;
        else if (text[p] >= '1' && text[p] <= '9') { while (p < end && char.IsDigit(text[p]) && text[p] < 128) p++; }
        else return false;
        if (p < end && text[p] == '.')
        {
            p++;
            int digits = p;
            while (p < end && text[p] >= '0' && text[p] <= '9') p++;
            if (p == digits) return false;
        }
        if (p < end && (text[p] == 'e' || text[p] == 'E'))
        {
            p++;
            if (p < end && (text[p] == '+' || text[p] == '-')) p++;
            int digits = p;
            while (p < end && text[p] >= '0' && text[p] <= '9') p++;
            if (p == digits) return false;
        }
        pos = p;
        return true;
    }
}
