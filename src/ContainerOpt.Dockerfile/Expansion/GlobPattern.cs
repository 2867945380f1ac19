using System.Text;

namespace ContainerOpt.Dockerfile.Expansion;

/// <summary>
/// The shell patterns of <c>${v#p}</c>, <c>${v%p}</c> and <c>${v/p/r}</c>, matched the way
/// BuildKit matches them. BuildKit turns the pattern into a Go regular expression
/// (<c>*</c> → <c>.*</c> or <c>.*?</c>, <c>?</c> → <c>.</c>, everything else literal, no bracket
/// expressions) and uses Go's leftmost-first semantics. So here: <c>*</c> and <c>?</c> never match
/// a line feed (Go's <c>.</c> without the s flag), <c>?</c> matches one code point, and the match
/// is found with a Pike VM (linear in the text for a given pattern, like Go's engine).
/// </summary>
internal sealed class GlobPattern
{
    private const int AnyToken = -1;
    private const int StarToken = -2;

    private readonly int[] _tokens;   // >= 0: a literal code point; AnyToken; StarToken
    private readonly bool _greedy;
    private readonly string? _literal; // the pattern's text when it is all literal, without surrogates

    private GlobPattern(int[] tokens, bool greedy)
    {
        _tokens = tokens;
        _greedy = greedy;
        var literal = new StringBuilder(tokens.Length);
        foreach (int token in tokens)
        {
            if (token < 0 || token >= 0xD800) return;
            literal.Append((char)token);
        }
        _literal = literal.ToString();
    }

    /// <summary>
    /// Parses <paramref name="pattern"/> like BuildKit's <c>convertShellPatternToRegex</c>:
    /// <c>\}</c> and <c>\/</c> drop the backslash; <c>\*</c>, <c>\?</c>, <c>\\</c> are literals;
    /// any other escape is an error. The escape here is always the backslash, whatever the
    /// Dockerfile's escape token (as in BuildKit).
    /// </summary>
    public static bool TryParse(string pattern, bool greedy, out GlobPattern? glob, out string? error)
    {
        var runes = Runes.ToRunes(pattern);
        var tokens = new List<int>(runes.Length);
        int i = 0;
        // Go's text/scanner drops a byte order mark at the very start.
        if (runes.Length > 0 && runes[0] == 0xFEFF) i = 1;
        while (i < runes.Length)
        {
            int tok = runes[i++];
            switch (tok)
            {
                case '*':
                    // ".*.*" finds the same matches as ".*" (both greedy or both lazy).
                    if (tokens.Count == 0 || tokens[tokens.Count - 1] != StarToken) tokens.Add(StarToken);
                    continue;
                case '?':
                    tokens.Add(AnyToken);
                    continue;
                case '\\':
                    int peek = i < runes.Length ? runes[i] : Runes.Eof;
                    if (peek == '}' || peek == '/') continue;
                    tok = i < runes.Length ? runes[i++] : Runes.Eof;
                    if (tok != '*' && tok != '?' && tok != '\\')
                    {
                        glob = null;
                        error = "invalid escape '\\" + Runes.ToGoString(tok) + "'";
                        return false;
                    }
                    break;
            }
            tokens.Add(tok);
        }
        glob = new GlobPattern(tokens.ToArray(), greedy);
        error = null;
        return true;
    }

    /// <summary>
    /// Finds the leftmost-first match in <paramref name="text"/> starting at or after the char
    /// index <paramref name="from"/> (exactly there when anchored), which must be a code point
    /// boundary. Positions are char indexes; the matching itself is by code point.
    /// </summary>
    public bool TryFind(string text, int from, bool anchored, out int matchStart, out int matchEnd)
    {
        if (_literal is not null) return TryFindLiteral(text, from, anchored, out matchStart, out matchEnd);
        var vm = new Vm(this, text);
        return vm.Run(from, anchored, out matchStart, out matchEnd);
    }

    // A pattern without wildcards or surrogates: ordinal search finds exactly what the
    // code-point matcher would (such a literal can't match inside a surrogate pair).
    private bool TryFindLiteral(string text, int from, bool anchored, out int matchStart, out int matchEnd)
    {
        string literal = _literal!;
        int index;
        if (anchored)
        {
            index = text.Length - from >= literal.Length && string.CompareOrdinal(text, from, literal, 0, literal.Length) == 0 ? from : -1;
        }
        else
        {
            index = literal.Length == 0 ? from : text.IndexOf(literal, from, StringComparison.Ordinal);
        }
        matchStart = index;
        matchEnd = index < 0 ? -1 : index + literal.Length;
        return index >= 0;
    }

    /// <summary>BuildKit's <c>reversePattern</c>: reverses the code points, keeping each backslash before the one it escapes.</summary>
    public static string ReversePattern(string pattern)
    {
        var runes = Runes.ToRunes(pattern);
        var reversed = new int[runes.Length];
        int last = runes.Length - 1;
        for (int i = 0; i <= last;)
        {
            int target = last - i;
            if (runes[i] == '\\' && i != last)
            {
                reversed[target - 1] = runes[i];
                reversed[target] = runes[i + 1];
                i += 2;
            }
            else
            {
                reversed[target] = runes[i];
                i++;
            }
        }
        return Runes.FromRunes(reversed, 0, reversed.Length);
    }

    /// <summary>BuildKit's <c>trimPrefix</c> (<c>${v#p}</c>, <c>${v##p}</c>).</summary>
    public static bool TryTrimPrefix(string pattern, string value, bool greedy, out string result, out string? error)
    {
        if (!TryParse(pattern, greedy, out var glob, out var parseError))
        {
            result = string.Empty;
            error = "invalid pattern (" + pattern + ") in substitution: " + parseError;
            return false;
        }
        result = glob!.TryFind(value, 0, anchored: true, out _, out int end) && end > 0 ? value.Substring(end) : value;
        error = null;
        return true;
    }

    /// <summary>
    /// BuildKit's <c>trimSuffix</c> (<c>${v%p}</c>, <c>${v%%p}</c>): the pattern and the value are
    /// reversed and the prefix trimmed. An error names the reversed pattern, as BuildKit's does.
    /// </summary>
    public static bool TryTrimSuffix(string pattern, string value, bool greedy, out string result, out string? error)
    {
        string reversedPattern = ReversePattern(pattern);
        string reversedValue = Runes.Reverse(value);
        if (!TryTrimPrefix(reversedPattern, reversedValue, greedy, out var trimmed, out error))
        {
            result = string.Empty;
            return false;
        }
        result = ReferenceEquals(trimmed, reversedValue) ? value : Runes.Reverse(trimmed);
        return true;
    }

    /// <summary>
    /// BuildKit's <c>${v/p/r}</c> and <c>${v//p/r}</c> (greedy, unanchored). The first form
    /// inserts the replacement as is; the second is Go's <c>ReplaceAllString</c>, whose
    /// replacement is a template (<c>$0</c>/<c>${0}</c> is the match, <c>$$</c> a dollar, other
    /// <c>$name</c> empty).
    /// </summary>
    public static bool TryReplace(string pattern, string value, string replacement, bool replaceAll, out string result, out string? error)
    {
        if (!TryParse(pattern, greedy: true, out var glob, out var parseError))
        {
            result = string.Empty;
            error = "invalid pattern (" + pattern + ") in substitution: " + parseError;
            return false;
        }
        error = null;
        if (!replaceAll)
        {
            result = glob!.TryFind(value, 0, anchored: false, out int start, out int end)
                ? value.Substring(0, start) + replacement + value.Substring(end)
                : value;
            return true;
        }

        var output = new StringBuilder(value.Length);
        int lastMatchEnd = 0;
        if (glob!._literal is { Length: > 0 } literal)
        {
            // Matches of a non-empty literal never overlap or touch the empty-match rules,
            // and the template expands the same way every time.
            var expanded = new StringBuilder();
            ExpandTemplate(expanded, replacement, literal, 0, literal.Length);
            string fixedReplacement = expanded.ToString();
            int index;
            while ((index = value.IndexOf(literal, lastMatchEnd, StringComparison.Ordinal)) >= 0)
            {
                output.Append(value, lastMatchEnd, index - lastMatchEnd).Append(fixedReplacement);
                lastMatchEnd = index + literal.Length;
            }
            output.Append(value, lastMatchEnd, value.Length - lastMatchEnd);
            result = output.ToString();
            return true;
        }

        // Go's regexp.(*Regexp).replaceAll; positions are code point boundaries.
        var vm = glob._literal is null ? new Vm(glob, value) : null;
        int searchPos = 0;
        while (searchPos <= value.Length)
        {
            int a0, a1;
            bool found = vm is null
                ? glob.TryFindLiteral(value, searchPos, anchored: false, out a0, out a1)
                : vm.Run(searchPos, anchored: false, out a0, out a1);
            if (!found) break;
            output.Append(value, lastMatchEnd, a0 - lastMatchEnd);
            // No replacement for an empty match right after the previous match.
            if (a1 > lastMatchEnd || a0 == 0) ExpandTemplate(output, replacement, value, a0, a1);
            lastMatchEnd = a1;
            int width = 0;
            if (searchPos < value.Length) Runes.At(value, searchPos, out width);
            if (searchPos + width > a1) searchPos += width;
            else if (searchPos + 1 > a1) searchPos++;
            else searchPos = a1;
        }
        output.Append(value, lastMatchEnd, value.Length - lastMatchEnd);
        result = output.ToString();
        return true;
    }

    /// <summary>Go's <c>Regexp.expand</c> for a regular expression with only group 0 and no names.</summary>
    private static void ExpandTemplate(StringBuilder output, string template, string text, int matchStart, int matchEnd)
    {
        int i = 0;
        while (i < template.Length)
        {
            int dollar = template.IndexOf('$', i);
            if (dollar < 0) break;
            output.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                output.Append('$');
                i++;
                continue;
            }
            if (!TryExtractGroupReference(template, i, out int groupNumber, out int rest))
            {
                output.Append('$');
                continue;
            }
            i = rest;
            if (groupNumber == 0) output.Append(text, matchStart, matchEnd - matchStart);
            // Any other number or name refers to a group this expression doesn't have: empty.
        }
        output.Append(template, i, template.Length - i);
    }

    /// <summary>Go's <c>extract</c>: a <c>name</c> or <c>{name}</c> of letters, digits and underscores.</summary>
    private static bool TryExtractGroupReference(string template, int start, out int groupNumber, out int rest)
    {
        groupNumber = -1;
        rest = start;
        int i = start;
        if (i >= template.Length) return false;
        bool brace = false;
        if (template[i] == '{')
        {
            brace = true;
            i++;
        }
        int nameStart = i;
        while (i < template.Length)
        {
            int rune = Runes.At(template, i, out int width);
            if (!Runes.IsLetter(rune) && !Runes.IsDigit(rune) && rune != '_') break;
            i += width;
        }
        if (i == nameStart) return false;
        int nameEnd = i;
        if (brace)
        {
            if (i >= template.Length || template[i] != '}') return false;
            i++;
        }
        long number = 0;
        for (int k = nameStart; k < nameEnd; k++)
        {
            char c = template[k];
            if (c < '0' || c > '9' || number >= 100000000)
            {
                number = -1;
                break;
            }
            number = number * 10 + (c - '0');
        }
        if (template[nameStart] == '0' && nameEnd - nameStart > 1) number = -1;
        groupNumber = (int)number;
        rest = i;
        return true;
    }

    /// <summary>
    /// A Pike VM over the pattern's tokens. States are token indexes; state m (past the last
    /// token) is the match. Threads are kept in priority order, so the first thread to reach
    /// the match state, together with the higher-priority threads still running, gives Go's
    /// leftmost-first answer. Time is linear in the text for a given pattern.
    /// </summary>
    private sealed class Vm
    {
        private readonly int[] _tokens;
        private readonly bool _greedy;
        private readonly string _text;
        private readonly int _firstChar; // a literal BMP first token, for skipping ahead; else -1
        private readonly int[] _visited;
        private int _stamp;
        private ThreadList _current;
        private ThreadList _next;

        public Vm(GlobPattern glob, string text)
        {
            _tokens = glob._tokens;
            _greedy = glob._greedy;
            _text = text;
            _firstChar = _tokens.Length > 0 && _tokens[0] >= 0 && _tokens[0] < 0x10000 && !char.IsSurrogate((char)_tokens[0]) ? _tokens[0] : -1;
            int size = _tokens.Length + 1;
            _visited = new int[size];
            _current = new ThreadList(size);
            _next = new ThreadList(size);
        }

        public bool Run(int from, bool anchored, out int matchStart, out int matchEnd)
        {
            matchStart = -1;
            matchEnd = -1;
            bool matched = false;
            int[] tokens = _tokens;
            int m = tokens.Length;
            string text = _text;
            int n = text.Length;
            _current.Count = 0;
            int stamp = NewStamp();
            int pos = from;
            while (true)
            {
                if (!matched && (!anchored || pos == from))
                {
                    if (_current.Count == 0 && !anchored && _firstChar >= 0)
                    {
                        // No thread is running: the next match can only start at the first token's character.
                        int next = pos < n ? text.IndexOf((char)_firstChar, pos) : -1;
                        if (next < 0) break;
                        pos = next;
                    }
                    AddThread(_current, 0, pos, stamp);
                }
                if (_current.Count == 0) break;

                int rune = Runes.Eof;
                int width = 0;
                if (pos < n) rune = Runes.At(text, pos, out width);
                stamp = NewStamp();
                var current = _current;
                var following = _next;
                following.Count = 0;
                for (int t = 0; t < current.Count; t++)
                {
                    int state = current.States[t];
                    if (state == m)
                    {
                        matched = true;
                        matchStart = current.Starts[t];
                        matchEnd = pos;
                        break; // lower-priority threads are cut off
                    }
                    if (rune == Runes.Eof) continue;
                    int token = tokens[state];
                    if (token == StarToken)
                    {
                        if (rune != '\n') AddThread(following, state, current.Starts[t], stamp);
                    }
                    else if (token == AnyToken ? rune != '\n' : token == rune)
                    {
                        AddThread(following, state + 1, current.Starts[t], stamp);
                    }
                }
                _current = following;
                _next = current;
                if (_current.Count == 0 && (matched || anchored)) break;
                if (pos >= n) break;
                pos += width;
            }
            return matched;
        }

        private int NewStamp()
        {
            if (_stamp == int.MaxValue)
            {
                Array.Clear(_visited, 0, _visited.Length);
                _stamp = 0;
            }
            return ++_stamp;
        }

        // Follows the empty transitions from state in priority order. Consecutive stars were
        // merged when parsing, so a star is never followed by another.
        private void AddThread(ThreadList list, int state, int start, int stamp)
        {
            if (_visited[state] == stamp) return;
            _visited[state] = stamp;
            if (state < _tokens.Length && _tokens[state] == StarToken)
            {
                int exit = state + 1;
                bool exitNew = _visited[exit] != stamp;
                _visited[exit] = stamp;
                if (_greedy)
                {
                    list.Push(state, start);
                    if (exitNew) list.Push(exit, start);
                }
                else
                {
                    if (exitNew) list.Push(exit, start);
                    list.Push(state, start);
                }
                return;
            }
            list.Push(state, start);
        }
    }

    private sealed class ThreadList
    {
        public readonly int[] States;
        public readonly int[] Starts;
        public int Count;

        public ThreadList(int size)
        {
            States = new int[size];
            Starts = new int[size];
        }

        public void Push(int state, int start)
        {
            States[Count] = state;
            Starts[Count] = start;
            Count++;
        }
    }
}

/// <summary>Code-point helpers mirroring Go's rune handling and its <c>unicode</c> predicates.</summary>
internal static class Runes
{
    public const int Eof = -1;

    /// <summary>The code point at <paramref name="index"/>; a lone surrogate is returned as itself.</summary>
    public static int At(string s, int index, out int width)
    {
        char c = s[index];
        if (char.IsHighSurrogate(c) && index + 1 < s.Length && char.IsLowSurrogate(s[index + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(c, s[index + 1]);
        }
        width = 1;
        return c;
    }

    public static int[] ToRunes(string s)
    {
        var runes = new int[s.Length];
        int count = 0;
        for (int i = 0; i < s.Length;)
        {
            runes[count++] = At(s, i, out int width);
            i += width;
        }
        if (count == runes.Length) return runes;
        var trimmed = new int[count];
        Array.Copy(runes, trimmed, count);
        return trimmed;
    }

    public static string FromRunes(int[] runes, int start, int end)
    {
        var sb = new StringBuilder(end - start);
        Append(sb, runes, start, end);
        return sb.ToString();
    }

    public static void Append(StringBuilder sb, int[] runes, int start, int end)
    {
        for (int i = start; i < end; i++) Append(sb, runes[i]);
    }

    public static void Append(StringBuilder sb, int rune)
    {
        if (rune < 0x10000)
        {
            sb.Append((char)rune);
        }
        else
        {
            int v = rune - 0x10000;
            sb.Append((char)(0xD800 + (v >> 10)));
            sb.Append((char)(0xDC00 + (v & 0x3FF)));
        }
    }

    /// <summary>Go's <c>string(r)</c>: EOF (and anything invalid) becomes U+FFFD.</summary>
    public static string ToGoString(int rune)
    {
        if (rune < 0 || rune > 0x10FFFF) return "\uFFFD";
        var sb = new StringBuilder(2);
        Append(sb, rune);
        return sb.ToString();
    }

    /// <summary>Reverses the code points of <paramref name="s"/> (a surrogate pair stays in order).</summary>
    public static string Reverse(string s)
    {
        var chars = s.ToCharArray();
        Array.Reverse(chars);
        // A pair reversed char by char reads low, high: put it back in order.
        for (int i = 0; i + 1 < chars.Length; i++)
        {
            if (char.IsLowSurrogate(chars[i]) && char.IsHighSurrogate(chars[i + 1]))
            {
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                i++;
            }
        }
        return new string(chars);
    }

    private static System.Globalization.UnicodeCategory Category(int rune)
    {
        if (rune < 0x10000) return System.Globalization.CharUnicodeInfo.GetUnicodeCategory((char)rune);
        if (rune > 0x10FFFF) return System.Globalization.UnicodeCategory.OtherNotAssigned;
        return System.Globalization.CharUnicodeInfo.GetUnicodeCategory(char.ConvertFromUtf32(rune), 0);
    }

    /// <summary>Go's <c>unicode.IsLetter</c>: categories Lu, Ll, Lt, Lm, Lo.</summary>
    public static bool IsLetter(int rune)
    {
        if (rune < 0) return false;
        if (rune < 0x80) return (rune | 0x20) >= 'a' && (rune | 0x20) <= 'z';
        switch (Category(rune))
        {
            case System.Globalization.UnicodeCategory.UppercaseLetter:
            case System.Globalization.UnicodeCategory.LowercaseLetter:
            case System.Globalization.UnicodeCategory.TitlecaseLetter:
            case System.Globalization.UnicodeCategory.ModifierLetter:
            case System.Globalization.UnicodeCategory.OtherLetter:
                return true;
            default:
                return false;
        }
    }

    /// <summary>Go's <c>unicode.IsDigit</c>: category Nd.</summary>
    public static bool IsDigit(int rune)
    {
        if (rune < 0) return false;
        if (rune < 0x80) return rune >= '0' && rune <= '9';
        return Category(rune) == System.Globalization.UnicodeCategory.DecimalDigitNumber;
    }

    /// <summary>Go's <c>unicode.IsSpace</c>: the Unicode White_Space property.</summary>
    public static bool IsSpace(int rune)
    {
        switch (rune)
        {
            case '\t': case '\n': case '\v': case '\f': case '\r': case ' ':
            case 0x85: case 0xA0: case 0x1680:
            case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000:
                return true;
            default:
                return rune >= 0x2000 && rune <= 0x200A;
        }
    }

    /// <summary>Go's <c>unicode.IsPrint</c>: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    public static bool IsPrint(int rune)
    {
        if (rune == ' ') return true;
        if (rune < 0 || rune > 0x10FFFF || (rune >= 0xD800 && rune <= 0xDFFF)) return false;
        switch (Category(rune))
        {
            case System.Globalization.UnicodeCategory.Control:
            case System.Globalization.UnicodeCategory.Format:
            case System.Globalization.UnicodeCategory.Surrogate:
            case System.Globalization.UnicodeCategory.PrivateUse:
            case System.Globalization.UnicodeCategory.OtherNotAssigned:
            case System.Globalization.UnicodeCategory.SpaceSeparator:
            case System.Globalization.UnicodeCategory.LineSeparator:
            case System.Globalization.UnicodeCategory.ParagraphSeparator:
                return false;
            default:
                return true;
        }
    }

    /// <summary>Go's <c>strconv.Quote</c> (<c>%q</c>), for error messages.</summary>
    public static string GoQuote(string s)
    {
        var sb = new StringBuilder(s.Length + 2);
        sb.Append('"');
        for (int i = 0; i < s.Length;)
        {
            int rune = At(s, i, out int width);
            i += width;
            if (rune == '"' || rune == '\\')
            {
                sb.Append('\\').Append((char)rune);
                continue;
            }
            if (IsPrint(rune))
            {
                Append(sb, rune);
                continue;
            }
            switch (rune)
            {
                case '\a': sb.Append("\\a"); continue;
                case '\b': sb.Append("\\b"); continue;
                case '\f': sb.Append("\\f"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\v': sb.Append("\\v"); continue;
            }
            if (rune < ' ' || rune == 0x7F) sb.Append("\\x").Append(rune.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            else if (rune < 0x10000) sb.Append("\\u").Append(rune.ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append("\\U").Append(rune.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        }
        sb.Append('"');
        return sb.ToString();
    }
}
