using System.Text;

namespace ContainerOpt.Dockerfile.Expansion;

/// <summary>
/// BuildKit's shell word lexer (<c>frontend/dockerfile/shell</c>): quote and escape removal,
/// variable expansion (<c>$v ${v} ${v:-x} ${v-x} ${v:+x} ${v+x} ${v:?x} ${v?x} ${v#p} ${v##p}
/// ${v%p} ${v%%p} ${v/p/r} ${v//p/r}</c>) and word splitting, with BuildKit's Unix behaviour
/// (variable names are case-sensitive). Never throws: errors come back in the result.
/// </summary>
/// <remarks>
/// Differences from BuildKit, all on inputs BuildKit itself handles poorly: nesting of
/// <c>${...}</c> deeper than <see cref="MaxNesting"/> is an error (BuildKit recurses without
/// limit); <see cref="ShellWordResult.Words"/> keeps the text before a nested
/// <c>${v:-...}</c> (newer BuildKit shares one word buffer between nesting levels and loses it).
/// An instance holds only settings, so it may be used from several threads.
/// </remarks>
public sealed class ShellLex
{
    /// <summary>How deeply <c>${...}</c> may nest before expansion fails.</summary>
    public const int MaxNesting = 256;

    /// <summary>Creates a lexer whose escape character is <paramref name="escapeToken"/> (<c>\</c> or <c>`</c>).</summary>
    public ShellLex(char escapeToken = '\\')
    {
        EscapeToken = escapeToken;
    }

    /// <summary>The escape character (the Dockerfile's <c># escape=</c> directive).</summary>
    public char EscapeToken { get; }

    /// <summary>Keep quote characters in the output.</summary>
    public bool RawQuotes { get; set; }

    /// <summary>Keep escape characters in the output.</summary>
    public bool RawEscapes { get; set; }

    /// <summary>Leave references to unset variables as written instead of expanding them to "".</summary>
    public bool SkipUnsetEnv { get; set; }

    /// <summary>Treat quote characters as ordinary characters (BuildKit's <c>SkipProcessQuotes</c>).</summary>
    public bool SkipProcessQuotes { get; set; }

    /// <summary>This lexer's settings as they are now, in one number (a result that splits its word later reads it with them).</summary>
    internal int PackedSettings =>
        EscapeToken | (RawQuotes ? 1 << 16 : 0) | (RawEscapes ? 1 << 17 : 0) | (SkipUnsetEnv ? 1 << 18 : 0) | (SkipProcessQuotes ? 1 << 19 : 0);

    /// <summary>A lexer with <see cref="PackedSettings"/>.</summary>
    internal static ShellLex FromPackedSettings(int settings) => new((char)(settings & 0xFFFF))
    {
        RawQuotes = (settings & (1 << 16)) != 0,
        RawEscapes = (settings & (1 << 17)) != 0,
        SkipUnsetEnv = (settings & (1 << 18)) != 0,
        SkipProcessQuotes = (settings & (1 << 19)) != 0,
    };

    /// <summary>Expands one word (BuildKit's <c>ProcessWord</c>/<c>ProcessWordWithMatches</c>); whitespace is kept.</summary>
    public ShellWordResult ProcessWord(string word, IVariableLookup env) => Process(word, env, splitWords: false);

    /// <summary>
    /// <see cref="ProcessWord"/> of a word its caller found not <see cref="IsPlainWord"/>: the word is not tested again
    /// (a test reads every character up to the first special one).
    /// </summary>
    internal ShellWordResult ProcessNonPlainWord(string word, IVariableLookup env) => ProcessWithRun(word, env, splitWords: false);

    /// <summary><see cref="ProcessWord"/>'s <see cref="ShellWordResult.Result"/>, without a result object for a word with nothing to expand.</summary>
    internal string ExpandToString(string word, IVariableLookup env) =>
        word is null ? string.Empty : IsPlainWord(word) ? word : ProcessWithRun(word, env, splitWords: false).Result;

    /// <summary>Expands and splits into words (BuildKit's <c>ProcessWords</c>): whitespace from the text or from unquoted expansions separates words.</summary>
    public ShellWordResult ProcessWords(string word, IVariableLookup env) => Process(word, env, splitWords: true);

    /// <summary>
    /// Expands <paramref name="word"/>. Without <paramref name="splitWords"/> (<see cref="ProcessWord"/>, whose callers
    /// read the result) the words are not collected: the result splits the word again only if they are asked for.
    /// </summary>
    private ShellWordResult Process(string word, IVariableLookup env, bool splitWords)
    {
        word ??= string.Empty;
        if (IsPlainWord(word))
        {
            // Most words (names, paths, versions) have nothing to expand, unquote or split: they are their own result.
            return ShellWordResult.Plain(word);
        }
        return ProcessWithRun(word, env, splitWords);
    }

    /// <summary><see cref="Process"/> past its plain-word test.</summary>
    private ShellWordResult ProcessWithRun(string word, IVariableLookup env, bool splitWords)
    {
        // One expansion state per thread, reused: taken out while in use, so a lookup that expands again gets its own.
        var run = t_spareRun ?? new Run();
        t_spareRun = null;
        run.Start(this, word, env ?? DictionaryVariableLookup.Empty);
        var result = run.Execute(splitWords);
        // A run that expanded a huge word is let go rather than keep its buffers for the thread.
        if (run.Finish())
        {
            t_spareRun = run;
        }
        return result;
    }

    [ThreadStatic]
    private static Run? t_spareRun;

    /// <summary>
    /// True when every character of the word is one <see cref="Run"/> copies as it is (no <c>$</c>, quote, escape,
    /// <c>&lt;</c>, whitespace or surrogate, and no byte order mark to skip): the word then expands to itself and reads
    /// no variable, so a caller may skip <see cref="ProcessWord"/> and its result object.
    /// </summary>
    public bool IsPlainWord(string word)
    {
        if (word.Length > 0 && word[0] == '\uFEFF')
        {
            return false;
        }
        char escape = EscapeToken;
        bool quotes = !SkipProcessQuotes;
        int i = 0;
        if (escape is '\\' or '`')
        {
            // The characters plain under any setting first, by table (one test a character where the loop below makes
            // several); the loop then decides from the first other one on.
            while (i < word.Length && word[i] is var ordinary && ordinary < 0x80 && AlwaysPlain[ordinary]) i++;
        }
        for (; i < word.Length; i++)
        {
            char c = word[i];
            // Printable ASCII: no space among it, so only '$', '<', the escape and (unless skipped) the quotes are special.
            if (c > ' ' && c < 0x7F)
            {
                if (c == '$' || c == '<' || c == escape || (quotes && (c == '\'' || c == '"')))
                {
                    return false;
                }
                continue;
            }
            if (c == '$' || c == '<' || c == escape || (quotes && (c == '\'' || c == '"')) || char.IsSurrogate(c) || Runes.IsSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// By ASCII code, the characters <see cref="IsPlainWord"/> accepts whatever the settings (either escape token, quotes
    /// processed or not): printable ASCII but for '$', '&lt;', the quotes and the two escape tokens.
    /// </summary>
    private static readonly bool[] AlwaysPlain = MakeAlwaysPlain();

    private static bool[] MakeAlwaysPlain()
    {
        var plain = new bool[0x80];
        for (char c = '!'; c < (char)0x7F; c++)
        {
            plain[c] = c is not ('$' or '<' or '\\' or '`' or '\'' or '"');
        }
        return plain;
    }

    /// <summary>The state of one expansion: BuildKit's <c>shellWord</c>.</summary>
    private sealed class Run
    {
        private ShellLex _lex = null!;
        private string _source = "";
        private IVariableLookup _env = null!;
        private int _escape;
        private int _pos;
        private bool _rawEscapes;
        private int _depth;
        private string? _error;
        // Made on the first variable read: most words read none.
        private List<string>? _matched;
        private List<string>? _unmatched;
        private HashSet<string>? _matchedSet;
        private HashSet<string>? _unmatchedSet;
        private readonly Stack<StringBuilder> _builders = new Stack<StringBuilder>();
        private readonly WordSplitter _words = new WordSplitter();

        public void Start(ShellLex lex, string source, IVariableLookup env)
        {
            _lex = lex;
            _source = source;
            _env = env;
            _escape = lex.EscapeToken;
            _rawEscapes = lex.RawEscapes;
            _pos = 0;
            _depth = 0;
            _error = null;
            // Go's text/scanner skips a byte order mark at the start of its input.
            if (source.Length > 0 && source[0] == '\uFEFF') _pos = 1;
        }

        /// <summary>Forgets the word and the lookup; true when the run is small enough to keep for the thread's next expansion.</summary>
        public bool Finish()
        {
            _source = "";
            _env = null!;
            _lex = null!;
            _matched?.Clear();
            _unmatched?.Clear();
            _matchedSet = null;
            _unmatchedSet = null;
            bool small = _words.Reset();
            foreach (var builder in _builders)
            {
                small &= builder.Capacity <= MaxKeptCapacity;
            }
            return small;
        }

        /// <summary>Characters a kept run's buffers may hold.</summary>
        private const int MaxKeptCapacity = 4096;

        public ShellWordResult Execute(bool splitWords)
        {
            var words = splitWords ? _words : null;
            if (!ProcessStopOn(Runes.Eof, _rawEscapes, words, out var result))
            {
                string message = "failed to process " + Runes.GoQuote(_source) + ": " + (_error ?? "unknown error");
                return ShellWordResult.Failure(message, ToArray(_matched), ToArray(_unmatched));
            }
            return words is not null
                ? new ShellWordResult(result, words.GetWords(), ToArray(_matched), ToArray(_unmatched), null)
                : ShellWordResult.Unsplit(result, ToArray(_matched), ToArray(_unmatched), _lex.PackedSettings, _source, _env);
        }

        private static string[] ToArray(List<string>? names) => names is null || names.Count == 0 ? Array.Empty<string>() : names.ToArray();

        /// <summary>Adds a name once, in first-seen order; a set is made only for words that read many variables.</summary>
        private static void AddDistinct(ref List<string>? names, ref HashSet<string>? set, string name)
        {
            names ??= new List<string>();
            if (set is not null)
            {
                if (set.Add(name)) names.Add(name);
                return;
            }
            for (int i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i], name, StringComparison.Ordinal)) return;
            }
            names.Add(name);
            if (names.Count > 16)
            {
                set = new HashSet<string>(names, StringComparer.Ordinal);
            }
        }

        private bool Fail(string message)
        {
            _error = message;
            return false;
        }

        private int Peek() => _pos < _source.Length ? Runes.At(_source, _pos, out _) : Runes.Eof;

        private int Next()
        {
            if (_pos >= _source.Length) return Runes.Eof;
            int rune = Runes.At(_source, _pos, out int width);
            _pos += width;
            return rune;
        }

        private bool IsQuote(int rune) => !_lex.SkipProcessQuotes && (rune == '\'' || rune == '"');

        private StringBuilder RentBuilder()
        {
            if (_builders.Count > 0) return _builders.Pop();
            return new StringBuilder();
        }

        private string ReturnBuilder(StringBuilder sb)
        {
            string text = sb.ToString();
            sb.Clear();
            _builders.Push(sb);
            return text;
        }

        // An ordinary character that can be copied in bulk: not special here, not whitespace
        // (which separates words), not half of a surrogate pair.
        // The table first: it answers for most characters in one test where the settings' checks make several.
        private bool IsPlain(char c, int stopChar) => c < 0x80 && AlwaysPlain[c]
            ? c != stopChar
            : c != '$' && c != '<' && c != _escape && c != stopChar && !IsQuote(c)
            && ((c > ' ' && c < 0x7F) || (!char.IsSurrogate(c) && !Runes.IsSpace(c))); // printable ASCII holds no space


        /// <summary>
        /// BuildKit's processPossibleHeredoc: <c>&lt;&lt;</c> keeps the blanks after it (and after a
        /// <c>-</c>) in the same word, so <c>&lt;&lt; EOF</c> and <c>&lt;&lt;- EOF</c> stay one heredoc word.
        /// </summary>
        private string ProcessPossibleHeredoc()
        {
            int start = _pos;
            _pos++;
            if (_pos >= _source.Length || _source[_pos] != '<')
            {
                return "<";
            }
            _pos++;
            int afterOperator = _pos;
            if (_pos < _source.Length && _source[_pos] == '-')
            {
                _pos++;
            }
            int blanks = _pos;
            while (_pos < _source.Length && (_source[_pos] == ' ' || _source[_pos] == '\t'))
            {
                _pos++;
            }
            if (_pos == blanks)
            {
                _pos = afterOperator; // no blanks: the '-' is read as an ordinary character
            }
            return _source.Substring(start, _pos - start);
        }

        /// <summary>
        /// BuildKit's <c>processStopOn</c>: reads up to <paramref name="stopChar"/> (consumed) or
        /// the end. <paramref name="words"/> is null for nested calls, whose words nobody reads.
        /// </summary>
        private bool ProcessStopOn(int stopChar, bool rawEscapes, WordSplitter? words, out string result)
        {
            result = string.Empty;
            var sb = RentBuilder();
            bool savedRawEscapes = _rawEscapes;
            _rawEscapes = rawEscapes;
            try
            {
                int length = _source.Length;
                while (_pos < length)
                {
                    char c = _source[_pos];
                    if (c == stopChar)
                    {
                        _pos++;
                        result = sb.ToString();
                        return true;
                    }
                    if (c == '$' || IsQuote(c))
                    {
                        string piece;
                        bool ok = c == '$' ? ProcessDollar(out piece)
                            : c == '\'' ? ProcessSingleQuote(out piece)
                            : ProcessDoubleQuote(out piece);
                        if (!ok) return false;
                        sb.Append(piece);
                        if (words != null)
                        {
                            if (c == '$') words.AddString(piece);
                            else words.AddRawString(piece, 0, piece.Length);
                        }
                        continue;
                    }
                    if (c == '<')
                    {
                        string heredoc = ProcessPossibleHeredoc();
                        sb.Append(heredoc);
                        words?.AddRawString(heredoc, 0, heredoc.Length);
                        continue;
                    }
                    if (IsPlain(c, stopChar))
                    {
                        int start = _pos;
                        do _pos++;
                        while (_pos < length && IsPlain(_source[_pos], stopChar));
                        sb.Append(_source, start, _pos - start);
                        words?.AddRawString(_source, start, _pos - start);
                        continue;
                    }

                    int ch = Next();
                    if (ch == _escape)
                    {
                        if (_rawEscapes)
                        {
                            words?.AddRawChar(ch);
                            Runes.Append(sb, ch);
                        }
                        // The escape escapes the next character; at the end it is dropped.
                        ch = Next();
                        if (ch == Runes.Eof) break;
                        words?.AddRawChar(ch);
                    }
                    else
                    {
                        words?.AddChar(ch);
                    }
                    Runes.Append(sb, ch);
                }
                if (stopChar != Runes.Eof)
                {
                    return Fail("unexpected end of statement while looking for matching " + Runes.ToGoString(stopChar));
                }
                result = sb.ToString();
                return true;
            }
            finally
            {
                _rawEscapes = savedRawEscapes;
                sb.Clear();
                _builders.Push(sb);
            }
        }

        // Everything between single quotes is literal; a single quote can't be escaped.
        private bool ProcessSingleQuote(out string result)
        {
            result = string.Empty;
            int open = _pos;
            int close = _source.IndexOf('\'', open + 1);
            if (close < 0)
            {
                _pos = _source.Length;
                return Fail("unexpected end of statement while looking for matching single-quote");
            }
            _pos = close + 1;
            result = _lex.RawQuotes
                ? _source.Substring(open, close + 1 - open)
                : _source.Substring(open + 1, close - open - 1);
            return true;
        }

        // Between double quotes only $ is expanded, and the escape character escapes only
        // ", $ and itself (otherwise it stays).
        private bool ProcessDoubleQuote(out string result)
        {
            result = string.Empty;
            var sb = RentBuilder();
            int ch = Next();
            if (_lex.RawQuotes) Runes.Append(sb, ch);
            int length = _source.Length;
            while (true)
            {
                if (_pos >= length)
                {
                    ReturnBuilder(sb);
                    return Fail("unexpected end of statement while looking for matching double-quote");
                }
                char c = _source[_pos];
                if (c == '"')
                {
                    _pos++;
                    if (_lex.RawQuotes) sb.Append('"');
                    result = ReturnBuilder(sb);
                    return true;
                }
                if (c == '$')
                {
                    if (!ProcessDollar(out var value))
                    {
                        ReturnBuilder(sb);
                        return false;
                    }
                    sb.Append(value);
                    continue;
                }
                if (c != _escape && !char.IsSurrogate(c))
                {
                    int start = _pos;
                    do _pos++;
                    while (_pos < length && _source[_pos] is var d && d != '"' && d != '$' && d != _escape && !char.IsSurrogate(d));
                    sb.Append(_source, start, _pos - start);
                    continue;
                }
                ch = Next();
                if (ch == _escape)
                {
                    if (_rawEscapes) Runes.Append(sb, ch);
                    int next = Peek();
                    if (next == Runes.Eof) continue; // dropped at the end of the word
                    if (next == '"' || next == '$' || next == _escape) ch = Next();
                }
                Runes.Append(sb, ch);
            }
        }

        private bool ProcessDollar(out string result)
        {
            result = string.Empty;
            Next(); // $

            if (Peek() != '{')
            {
                string plainName = ProcessName();
                if (plainName.Length == 0)
                {
                    result = "$";
                    return true;
                }
                bool plainFound = GetEnv(plainName, out var plainValue);
                result = !plainFound && _lex.SkipUnsetEnv ? "$" + plainName : plainValue;
                return true;
            }

            Next(); // {
            int first = Peek();
            if (first == Runes.Eof) return Fail("syntax error: missing '}'");
            if (first == '{' || first == '}' || first == ':') return Fail("syntax error: bad substitution");

            if (_depth >= MaxNesting) return Fail("syntax error: substitutions nested more than " + MaxNesting + " deep");
            _depth++;
            try
            {
                return ProcessBraced(out result);
            }
            finally
            {
                _depth--;
            }
        }

        private bool ProcessBraced(out string result)
        {
            result = string.Empty;
            string name = ProcessName();
            int ch = Next();

            if (ch == '}')
            {
                bool set = GetEnv(name, out var value);
                result = !set && _lex.SkipUnsetEnv ? "${" + name + "}" : value;
                return true;
            }
            if (ch == ':') return ProcessModifier(name, Next(), nullIsUnset: true, out result);
            if (ch == '+' || ch == '-' || ch == '?' || ch == '#' || ch == '%') return ProcessModifier(name, ch, nullIsUnset: false, out result);
            if (ch == '/') return ProcessReplace(name, out result);
            return Fail("unsupported modifier (" + Runes.ToGoString(ch) + ") in substitution");
        }

        // BuildKit's "chs": the modifier as written, e.g. ":-" or "#".
        private static string ModifierText(int ch, bool nullIsUnset) =>
            nullIsUnset ? ":" + Runes.ToGoString(ch) : Runes.ToGoString(ch);

        // ${name-word} ${name+word} ${name?word} ${name#word} ${name%word} and their ':' forms.
        // After ':' any character lands here (BuildKit's fallthrough) and is rejected once the
        // word has been read.
        private bool ProcessModifier(string name, int ch, bool nullIsUnset, out string result)
        {
            result = string.Empty;
            bool patternModifier = ch == '#' || ch == '%';
            if (nullIsUnset && patternModifier) return Fail("unsupported modifier (" + ModifierText(ch, nullIsUnset) + ") in substitution");

            if (!ProcessStopOn('}', patternModifier, null, out var word))
            {
                if (Peek() == Runes.Eof) return Fail("syntax error: missing '}'");
                return false;
            }

            bool set = GetEnv(name, out var value);
            if (_lex.SkipUnsetEnv && !set)
            {
                result = "${" + name + ModifierText(ch, nullIsUnset) + word + "}";
                return true;
            }

            switch (ch)
            {
                case '-':
                    result = !set || (nullIsUnset && value.Length == 0) ? word : value;
                    return true;
                case '+':
                    result = !set || (nullIsUnset && value.Length == 0) ? string.Empty : word;
                    return true;
                case '?':
                    if (!set) return Fail(name + ": " + (word.Length != 0 ? word : "is not allowed to be unset"));
                    if (nullIsUnset && value.Length == 0) return Fail(name + ": " + (word.Length != 0 ? word : "is not allowed to be empty"));
                    result = value;
                    return true;
                case '%':
                case '#':
                    // '#'/'%' match the shortest, '##'/'%%' the longest.
                    bool greedy = false;
                    if (word.Length > 0 && word[0] == ch)
                    {
                        greedy = true;
                        word = word.Substring(1);
                    }
                    string? error;
                    bool ok = ch == '%'
                        ? GlobPattern.TryTrimSuffix(word, value, greedy, out result, out error)
                        : GlobPattern.TryTrimPrefix(word, value, greedy, out result, out error);
                    return ok || Fail(error!);
                default:
                    return Fail("unsupported modifier (" + ModifierText(ch, nullIsUnset) + ") in substitution");
            }
        }

        // ${name/pattern/replacement} and ${name//pattern/replacement}.
        private bool ProcessReplace(string name, out string result)
        {
            result = string.Empty;
            bool replaceAll = Peek() == '/';
            if (replaceAll) Next();

            if (!ProcessStopOn('/', true, null, out var pattern))
            {
                if (Peek() == Runes.Eof) return Fail("syntax error: missing '/' in ${}");
                return false;
            }
            if (!ProcessStopOn('}', true, null, out var replacement))
            {
                if (Peek() == Runes.Eof) return Fail("syntax error: missing '}'");
                return false;
            }

            bool set = GetEnv(name, out var value);
            if (_lex.SkipUnsetEnv && !set)
            {
                result = "${" + name + "/" + pattern + "/" + replacement + "}";
                return true;
            }
            return GlobPattern.TryReplace(pattern, value, replacement, replaceAll, out result, out var error) || Fail(error!);
        }

        // A name of letters, digits and '_'; or all the digits of a positional parameter; or
        // one special parameter character.
        private string ProcessName()
        {
            int start = _pos;
            int first = Peek();
            if (Runes.IsDigit(first))
            {
                while (Runes.IsDigit(Peek())) Next();
            }
            else if (IsSpecialParameter(first))
            {
                Next();
            }
            else
            {
                // ASCII names (nearly all) by character; from the first other character on, by code point.
                while (_pos < _source.Length && _source[_pos] is var c && (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')) _pos++;
                while (Peek() is var ch && ch != Runes.Eof && (Runes.IsLetter(ch) || Runes.IsDigit(ch) || ch == '_')) Next();
            }
            // The name is exactly the text read (code points are copied unchanged).
            return _pos == start ? string.Empty : NameAt(start, _pos - start);
        }

        // Names repeat; reuse the strings of the last few instead of allocating each time.
        private string[]? _recentNames;
        private int _nextRecentName;

        private string NameAt(int start, int length)
        {
            _recentNames ??= new string[8];
            foreach (var recent in _recentNames)
            {
                if (recent is not null && recent.Length == length && string.CompareOrdinal(recent, 0, _source, start, length) == 0) return recent;
            }
            var name = _source.Substring(start, length);
            _recentNames[_nextRecentName] = name;
            _nextRecentName = (_nextRecentName + 1) % _recentNames.Length;
            return name;
        }

        private static bool IsSpecialParameter(int ch) =>
            ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';

        private bool GetEnv(string name, out string value)
        {
            bool found;
            try
            {
                found = _env.TryGetValue(name, out value);
            }
            catch (Exception)
            {
                // A faulty lookup is taken as "unset" rather than let its exception escape.
                found = false;
                value = string.Empty;
            }
            if (found)
            {
                value ??= string.Empty;
                AddDistinct(ref _matched, ref _matchedSet, name);
                return true;
            }
            value = string.Empty;
            AddDistinct(ref _unmatched, ref _unmatchedSet, name);
            return false;
        }
    }

    /// <summary>BuildKit's <c>wordsStruct</c>: collects words as the text is read.</summary>
    private sealed class WordSplitter
    {
        private readonly StringBuilder _word = new StringBuilder();
        private readonly List<string> _words = new List<string>();
        private bool _inWord;

        /// <summary>Empties the splitter; true when its buffers are small enough to keep.</summary>
        public bool Reset()
        {
            _word.Clear();
            _words.Clear();
            _inWord = false;
            return _word.Capacity <= 4096 && _words.Capacity <= 256;
        }

        // Unquoted, unescaped text: whitespace ends a word.
        public void AddChar(int ch)
        {
            if (Runes.IsSpace(ch))
            {
                if (_inWord && _word.Length != 0)
                {
                    _words.Add(_word.ToString());
                    _word.Clear();
                    _inWord = false;
                }
            }
            else
            {
                AddRawChar(ch);
            }
        }

        public void AddRawChar(int ch)
        {
            Runes.Append(_word, ch);
            _inWord = true;
        }

        // An unquoted expansion: split at whitespace like unquoted text.
        public void AddString(string s)
        {
            int i = 0;
            while (i < s.Length)
            {
                int start = i;
                while (i < s.Length && !char.IsSurrogate(s[i]) && !Runes.IsSpace(s[i])) i++;
                if (i > start) AddRawString(s, start, i - start);
                if (i < s.Length)
                {
                    AddChar(Runes.At(s, i, out int width));
                    i += width;
                }
            }
        }

        public void AddRawString(string s, int start, int count)
        {
            _word.Append(s, start, count);
            _inWord = true;
        }

        /// <summary>The words, copied out (the splitter is reused).</summary>
        public string[] GetWords()
        {
            if (_word.Length > 0)
            {
                _words.Add(_word.ToString());
                _word.Clear();
                _inWord = false;
            }
            return _words.Count == 0 ? Array.Empty<string>() : _words.ToArray();
        }
    }
}
