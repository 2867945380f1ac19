using System.Text;

namespace ContainerOpt.Analysis.Shell;

/// <summary>
/// Understands enough of POSIX sh to find every simple command: splits on <c>&amp;&amp; || ; | &amp;</c> and
/// newlines, honours quotes, escapes and line continuations, descends into <c>$(...)</c>, backticks,
/// subshells and <c>sh -c "..."</c>, drops redirections and skips here-document bodies.
/// Never throws; an unterminated quote ends the script.
/// </summary>
public static class ShellParser
{
    private const int MaxDepth = 16;

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "in", "esac",
    };

    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh", "busybox" };

    private enum TokenKind
    {
        Word,
        Operator,
    }

    private readonly struct Token
    {
        public Token(TokenKind kind, string op, ShellWord? word)
        {
            Kind = kind;
            Op = op;
            Word = word;
        }

        public TokenKind Kind { get; }
        public string Op { get; }
        public ShellWord? Word { get; }
    }

    public static ShellScript Parse(string text, int depth)
    {
        var commands = new List<ShellCommand>();
        bool hasPipe = false;
        bool complete = ParseInto(text, 0, text.Length, depth, offsetBase: 0, commands, ref hasPipe);
        // Stable: commands parsed out of one `sh -c` word share its start and must keep their order.
        bool sorted = true;
        for (int i = 1; i < commands.Count && sorted; i++)
        {
            sorted = commands[i - 1].Start <= commands[i].Start;
        }
        ShellCommand[] ordered = commands.Count == 0 ? Array.Empty<ShellCommand>()
            : sorted ? commands.ToArray() : commands.OrderBy(c => c.Start).ToArray();
        return new ShellScript(text, ordered, hasPipe, complete);
    }

    /// <summary>Parses text[start..end) (offsets reported relative to the whole script).</summary>
    private static bool ParseInto(string text, int start, int end, int depth, int offsetBase, List<ShellCommand> commands, ref bool hasPipe)
    {
        if (depth > MaxDepth)
        {
            return false;
        }
        var lexer = new Lexer(text, start, end, depth, commands);
        var tokens = lexer.Tokenize();
        hasPipe |= lexer.HasPipe;
        var current = new List<ShellWord>();
        var op = ShellOperator.None;
        for (int i = 0; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || tokens[i].Kind == TokenKind.Operator)
            {
                string next = i < tokens.Count ? tokens[i].Op : "";
                bool pipedOut = next is "|" or "|&";
                if (current.Count > 0)
                {
                    AddCommand(current, op, pipedOut || op == ShellOperator.Pipe, depth, commands, ref hasPipe, text);
                }
                current.Clear(); // AddCommand copied what it keeps
                op = next switch
                {
                    "&&" => ShellOperator.And,
                    "||" => ShellOperator.Or,
                    "|" or "|&" => ShellOperator.Pipe,
                    "&" => ShellOperator.Background,
                    "(" or ")" => op == ShellOperator.Pipe ? ShellOperator.Pipe : ShellOperator.Sequence,
                    _ => ShellOperator.Sequence,
                };
                if (pipedOut)
                {
                    hasPipe = true;
                }
                continue;
            }
            current.Add(tokens[i].Word!);
        }
        return lexer.Complete;
    }

    private static void AddCommand(List<ShellWord> words, ShellOperator op, bool inPipeline, int depth, List<ShellCommand> commands, ref bool hasPipe, string text)
    {
        int i = 0;
        // Reserved words that open compound commands come before the real command.
        while (i < words.Count && !words[i].IsQuoted && Keywords.Contains(words[i].Value))
        {
            i++;
        }
        if (i < words.Count && !words[i].IsQuoted && (words[i].Value is "for" or "case" or "select"))
        {
            return; // loop and case headers run no program
        }
        List<ShellWord>? assignments = null; // most commands have neither assignments nor wrappers
        while (i < words.Count && IsAssignment(words[i].Value))
        {
            (assignments ??= new List<ShellWord>()).Add(words[i]);
            i++;
        }
        if (i >= words.Count)
        {
            return; // only assignments
        }
        List<string>? wrappers = null;
        int name = SkipWrappers(words, i, ref wrappers, ref assignments);
        if (name >= words.Count)
        {
            return;
        }
        var kept = new ShellWord[words.Count - i];
        words.CopyTo(i, kept, 0, kept.Length);
        var command = new ShellCommand(kept, name - i,
            wrappers ?? (IReadOnlyList<string>)Array.Empty<string>(), assignments?.ToArray() ?? Array.Empty<ShellWord>(), op, inPipeline, depth);
        commands.Add(command);

        // sh -c "script": the script's commands are commands too.
        if (Shells.Contains(command.Name) && depth < MaxDepth)
        {
            var args = command.Arguments;
            for (int a = 0; a < args.Count - 1; a++)
            {
                if (args[a].Value == "-c" || (args[a].IsFlag && !args[a].Value.StartsWith("--", StringComparison.Ordinal) && args[a].Value.EndsWith("c", StringComparison.Ordinal)))
                {
                    var script = args[a + 1];
                    var inner = Parse(script.Value, depth + 1);
                    foreach (var c in inner.Commands)
                    {
                        commands.Add(Relocate(c, script));
                    }
                    hasPipe |= inner.HasPipe;
                    break;
                }
            }
        }
    }

    /// <summary>Commands parsed from a word's value get that word's position (the best span we have).</summary>
    private static ShellCommand Relocate(ShellCommand c, ShellWord within)
    {
        var words = c.Words.Select(w => new ShellWord(w.Value, w.Raw, within.Start, within.End, w.HasExpansion, w.IsQuoted)).ToArray();
        var assignments = c.Assignments.Select(w => new ShellWord(w.Value, w.Raw, within.Start, within.End, w.HasExpansion, w.IsQuoted)).ToArray();
        return new ShellCommand(words, c.NameIndex, c.Wrappers, assignments, c.PrecedingOperator, c.IsInPipeline, c.Depth);
    }

    internal static bool IsAssignment(string word)
    {
        int eq = word.IndexOf('=');
        if (eq <= 0)
        {
            return false;
        }
        if (!(char.IsLetter(word[0]) || word[0] == '_'))
        {
            return false;
        }
        for (int k = 1; k < eq; k++)
        {
            char c = word[k];
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return c == '+' && k == eq - 1; // X+=y
            }
        }
        return true;
    }

    /// <summary>Takes off sudo, env, xargs, nice, nohup, exec, command, time, timeout, stdbuf, chroot, gosu, su-exec.</summary>
    private static int SkipWrappers(List<ShellWord> words, int i, ref List<string>? wrappers, ref List<ShellWord>? assignments)
    {
        for (int guard = 0; guard < 8 && i < words.Count; guard++)
        {
            string program = words[i].Value;
            int slash = program.LastIndexOf('/');
            string name = slash >= 0 ? program.Substring(slash + 1) : program;
            int next;
            switch (name)
            {
                case "sudo":
                case "doas":
                    next = SkipOptions(words, i + 1, valueShort: "ugCDhprtUT", valueLong: new[] { "user", "group", "close-from", "chdir", "host", "prompt", "role", "type", "other-user", "command-timeout" });
                    break;
                case "env":
                    next = SkipOptions(words, i + 1, valueShort: "uCS", valueLong: new[] { "unset", "chdir", "split-string" });
                    while (next < words.Count && IsAssignment(words[next].Value))
                    {
                        (assignments ??= new List<ShellWord>()).Add(words[next]);
                        next++;
                    }
                    break;
                case "xargs":
                    next = SkipOptions(words, i + 1, valueShort: "IinPLlsdEa", valueLong: new[] { "max-args", "max-procs", "max-lines", "max-chars", "delimiter", "eof", "arg-file", "replace" });
                    break;
                case "nice":
                    next = SkipOptions(words, i + 1, valueShort: "n", valueLong: new[] { "adjustment" });
                    break;
                case "nohup":
                case "time":
                case "exec":
                case "command":
                case "builtin":
                    next = SkipOptions(words, i + 1, valueShort: "a", valueLong: Array.Empty<string>());
                    break;
                case "stdbuf":
                    next = SkipOptions(words, i + 1, valueShort: "ioe", valueLong: new[] { "input", "output", "error" });
                    break;
                case "timeout":
                    next = SkipOptions(words, i + 1, valueShort: "sk", valueLong: new[] { "signal", "kill-after" });
                    next++; // the duration
                    break;
                case "chroot":
                case "gosu":
                case "su-exec":
                    next = SkipOptions(words, i + 1, valueShort: "", valueLong: Array.Empty<string>()) + 1;
                    break;
                default:
                    return i;
            }
            (wrappers ??= new List<string>()).Add(name);
            i = next;
        }
        return i;
    }

    private static int SkipOptions(List<ShellWord> words, int i, string valueShort, string[] valueLong)
    {
        while (i < words.Count)
        {
            string w = words[i].Value;
            if (w == "--")
            {
                return i + 1;
            }
            if (w.Length < 2 || w[0] != '-')
            {
                return i;
            }
            if (w.StartsWith("--", StringComparison.Ordinal))
            {
                string longName = w.Substring(2);
                i += valueLong.Contains(longName) ? 2 : 1;
                continue;
            }
            // -u root takes a value; -uroot carries it; -E does not.
            char last = w[w.Length - 1];
            bool takesValue = w.Length == 2 && valueShort.IndexOf(w[1]) >= 0;
            i += takesValue ? 2 : 1;
            _ = last;
        }
        return i;
    }

    /// <summary>Splits text into words and operators, descending into substitutions.</summary>
    private sealed class Lexer
    {
        private readonly string _text;
        private readonly int _end;
        private readonly int _depth;
        private readonly List<ShellCommand> _commands;
        private List<(string Delimiter, bool StripTabs)>? _pendingHeredocs;
        private int _pos;

        public Lexer(string text, int start, int end, int depth, List<ShellCommand> commands)
        {
            _text = text;
            _pos = start;
            _end = end;
            _depth = depth;
            _commands = commands;
        }

        public bool Complete { get; private set; } = true;
        public bool HasPipe { get; private set; }

        /// <summary>
        /// Where the lexer is inside <c>case WORD in PATTERN|PATTERN) LIST ;; ... esac</c>: the header and the
        /// patterns run no program, and the '|' between patterns is not a pipe.
        /// </summary>
        private enum CasePart
        {
            Subject,
            In,
            Pattern,
            Body,
        }

        private static readonly HashSet<string> CommandStartKeywords = new(StringComparer.Ordinal)
        {
            "if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "fi", "done",
        };

        public List<Token> Tokenize()
        {
            var tokens = new List<Token>();
            bool expectRedirectTarget = false;
            string? heredocOperator = null;
            var cases = new Stack<CasePart>();
            bool commandStart = true;
            while (_pos < _end)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\r')
                {
                    _pos++;
                    continue;
                }
                if (c == '\\' && _pos + 1 < _end && _text[_pos + 1] == '\n')
                {
                    _pos += 2;
                    continue;
                }
                if (c == '\n')
                {
                    _pos++;
                    if (cases.Count == 0 || cases.Peek() == CasePart.Body)
                    {
                        tokens.Add(new Token(TokenKind.Operator, "\n", null));
                        commandStart = true;
                    }
                    SkipHeredocBodies();
                    continue;
                }
                if (c == '#')
                {
                    while (_pos < _end && _text[_pos] != '\n') _pos++;
                    continue;
                }
                string? op = ReadOperator();
                if (op is not null)
                {
                    if (op.EndsWith("<<", StringComparison.Ordinal) || op.EndsWith("<<-", StringComparison.Ordinal))
                    {
                        heredocOperator = op;
                        expectRedirectTarget = true;
                    }
                    else if (IsRedirection(op))
                    {
                        expectRedirectTarget = !op.EndsWith("&", StringComparison.Ordinal) || op == "&>" ? true : op.Length > 0 && !char.IsDigit(PeekAfterAmpersand());
                        if (op.EndsWith(">&", StringComparison.Ordinal) || op.EndsWith("<&", StringComparison.Ordinal))
                        {
                            expectRedirectTarget = true; // 2>&1: the "1" is the target
                        }
                    }
                    else if (cases.Count > 0 && cases.Peek() is CasePart.Pattern or CasePart.In or CasePart.Subject)
                    {
                        // 'a|b)' separates patterns; ')' ends them and the branch's commands follow.
                        if (op == ")" && cases.Peek() == CasePart.Pattern)
                        {
                            cases.Pop();
                            cases.Push(CasePart.Body);
                            tokens.Add(new Token(TokenKind.Operator, ";", null));
                            commandStart = true;
                        }
                    }
                    else if (op == ";;" && cases.Count > 0)
                    {
                        cases.Pop();
                        cases.Push(CasePart.Pattern);
                        tokens.Add(new Token(TokenKind.Operator, ";", null));
                        commandStart = true;
                    }
                    else
                    {
                        if (op is "|" or "|&") HasPipe = true;
                        tokens.Add(new Token(TokenKind.Operator, op, null));
                        commandStart = true;
                    }
                    continue;
                }
                var word = ReadWord();
                if (word is null)
                {
                    break;
                }
                if (expectRedirectTarget)
                {
                    expectRedirectTarget = false;
                    if (heredocOperator is not null)
                    {
                        (_pendingHeredocs ??= new()).Add((word.Value, heredocOperator.EndsWith("-", StringComparison.Ordinal)));
                        heredocOperator = null;
                    }
                    continue;
                }
                if (cases.Count > 0 && cases.Peek() != CasePart.Body)
                {
                    var part = cases.Pop();
                    if (part == CasePart.Subject || (part == CasePart.In && !(word.Value == "in" && !word.IsQuoted)))
                    {
                        cases.Push(CasePart.In);
                    }
                    else if (part == CasePart.In || (part == CasePart.Pattern && (word.IsQuoted || word.Value != "esac")))
                    {
                        cases.Push(CasePart.Pattern);
                    }
                    // else: 'esac' after the last ';;' closes the case
                    continue;
                }
                if (commandStart && !word.IsQuoted && word.Value == "case")
                {
                    cases.Push(CasePart.Subject);
                    continue;
                }
                if (commandStart && !word.IsQuoted && word.Value == "esac" && cases.Count > 0)
                {
                    cases.Pop();
                    continue;
                }
                commandStart = !word.IsQuoted && CommandStartKeywords.Contains(word.Value);
                tokens.Add(new Token(TokenKind.Word, "", word));
            }
            return tokens;
        }

        private char PeekAfterAmpersand() => _pos < _end ? _text[_pos] : '\0';

        private static bool IsRedirection(string op) => op.IndexOf('<') >= 0 || op.IndexOf('>') >= 0;

        private string? ReadOperator()
        {
            int p = _pos;
            // A file descriptor number right before a redirection: 2>/dev/null, 3<<EOF
            while (p < _end && char.IsDigit(_text[p])) p++;
            if (p < _end && p > _pos && (_text[p] == '>' || _text[p] == '<'))
            {
                // only when the digits start a token
                var rest = MatchOperator(p);
                if (rest is not null)
                {
                    _pos = p + rest.Length;
                    return _text.Substring(p, rest.Length);
                }
            }
            var op = MatchOperator(_pos);
            if (op is null)
            {
                return null;
            }
            _pos += op.Length;
            return op;
        }

        private static readonly string[] Operators = { "&&", "||", ";;", "|&", "&>>", "&>", "<<<", "<<-", "<<", ">>", ">&", "<&", ">|", "<>", ";", "|", "&", "(", ")", "<", ">" };

        private string? MatchOperator(int p)
        {
            if (p >= _end || _text[p] is not ('&' or '|' or ';' or '<' or '>' or '(' or ')'))
            {
                return null; // every operator starts with one of these
            }
            foreach (var candidate in Operators)
            {
                if (p + candidate.Length <= _end && string.CompareOrdinal(_text, p, candidate, 0, candidate.Length) == 0)
                {
                    return candidate;
                }
            }
            return null;
        }

        private void SkipHeredocBodies()
        {
            if (_pendingHeredocs is null)
            {
                return;
            }
            foreach (var (delimiter, stripTabs) in _pendingHeredocs)
            {
                while (_pos < _end)
                {
                    int lineEnd = _text.IndexOf('\n', _pos);
                    if (lineEnd < 0 || lineEnd > _end) lineEnd = _end;
                    string line = _text.Substring(_pos, lineEnd - _pos).TrimEnd('\r');
                    _pos = Math.Min(_end, lineEnd + 1);
                    if ((stripTabs ? line.TrimStart('\t') : line) == delimiter)
                    {
                        break;
                    }
                }
            }
            _pendingHeredocs.Clear();
        }

        // Words repeat across a file's scripts (program names, "install", "-y"): short ones are kept in a small
        // per-thread table and shared, so a file of thousands of RUNs keeps one "apt-get", not one per RUN.
        [ThreadStatic]
        private static string?[]? _sharedWords;

        private static string Shared(string text, int start, int length)
        {
            if (length > 24)
            {
                return text.Substring(start, length);
            }
            uint hash = 2166136261;
            for (int i = 0; i < length; i++)
            {
                hash = (hash ^ text[start + i]) * 16777619;
            }
            var table = _sharedWords ??= new string?[1024];
            ref string? slot = ref table[hash & 1023];
            if (slot is { } known && known.Length == length && string.CompareOrdinal(known, 0, text, start, length) == 0)
            {
                return known;
            }
            return slot = text.Substring(start, length);
        }

        // One builder per thread and depth: a substitution inside a word is read by a lexer one level deeper
        // before this word goes on, so two words being read never share one.
        [ThreadStatic]
        private static StringBuilder?[]? _builders;

        private StringBuilder Builder()
        {
            var builders = _builders ??= new StringBuilder?[MaxDepth + 2];
            return (builders[_depth] ??= new StringBuilder()).Clear();
        }

        private ShellWord? ReadWord()
        {
            int start = _pos;
            var value = Builder();
            bool expansion = false, quoted = false, escaped = false;
            while (_pos < _end)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')')
                {
                    break;
                }
                if (c == '\\')
                {
                    escaped = true;
                    if (_pos + 1 < _end)
                    {
                        if (_text[_pos + 1] != '\n') value.Append(_text[_pos + 1]);
                        _pos += 2;
                    }
                    else
                    {
                        _pos++;
                    }
                    continue;
                }
                if (c == '\'')
                {
                    quoted = true;
                    int close = _text.IndexOf('\'', _pos + 1);
                    if (close < 0 || close >= _end)
                    {
                        Complete = false;
                        value.Append(_text, _pos + 1, _end - _pos - 1);
                        _pos = _end;
                        break;
                    }
                    value.Append(_text, _pos + 1, close - _pos - 1);
                    _pos = close + 1;
                    continue;
                }
                if (c == '"')
                {
                    quoted = true;
                    _pos++;
                    while (_pos < _end && _text[_pos] != '"')
                    {
                        char d = _text[_pos];
                        if (d == '\\' && _pos + 1 < _end && "\"\\$`\n".IndexOf(_text[_pos + 1]) >= 0)
                        {
                            if (_text[_pos + 1] != '\n') value.Append(_text[_pos + 1]);
                            _pos += 2;
                            continue;
                        }
                        if (d == '$' || d == '`')
                        {
                            expansion = true;
                            int before = _pos;
                            ReadDollarOrBacktick();
                            value.Append(_text, before, _pos - before);
                            continue;
                        }
                        value.Append(d);
                        _pos++;
                    }
                    if (_pos >= _end)
                    {
                        Complete = false;
                    }
                    else
                    {
                        _pos++;
                    }
                    continue;
                }
                if (c == '$' && _pos + 1 < _end && _text[_pos + 1] == '\'')
                {
                    quoted = true;
                    _pos += 2;
                    while (_pos < _end && _text[_pos] != '\'')
                    {
                        if (_text[_pos] == '\\' && _pos + 1 < _end)
                        {
                            value.Append(_text[_pos + 1] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var x => x });
                            _pos += 2;
                            continue;
                        }
                        value.Append(_text[_pos]);
                        _pos++;
                    }
                    if (_pos < _end) _pos++; else Complete = false;
                    continue;
                }
                if (c == '$' || c == '`')
                {
                    expansion = true;
                    int before = _pos;
                    ReadDollarOrBacktick();
                    value.Append(_text, before, _pos - before);
                    continue;
                }
                value.Append(c);
                _pos++;
            }
            if (_pos == start)
            {
                // A character no rule consumed: step over it so the lexer always advances.
                _pos++;
                return null;
            }
            string raw = Shared(_text, start, _pos - start);
            // Most words are their own value (no quotes or escapes): one string then serves as both.
            string text = !quoted && !escaped ? raw : value.ToString();
            return new ShellWord(text, raw, start, _pos, expansion, quoted);
        }

        /// <summary>At '$' or '`': consumes a parameter, arithmetic or command substitution (parsing the latter).</summary>
        private void ReadDollarOrBacktick()
        {
            char c = _text[_pos];
            if (c == '`')
            {
                int close = _pos + 1;
                while (close < _end && _text[close] != '`')
                {
                    close += _text[close] == '\\' ? 2 : 1;
                }
                if (close >= _end)
                {
                    Complete = false;
                    _pos = _end;
                    return;
                }
                Substitution(_pos + 1, close);
                _pos = close + 1;
                return;
            }
            if (_pos + 1 >= _end)
            {
                _pos++;
                return;
            }
            char n = _text[_pos + 1];
            if (n == '(')
            {
                bool arithmetic = _pos + 2 < _end && _text[_pos + 2] == '(';
                int close = MatchParen(_pos + 1);
                if (close < 0)
                {
                    Complete = false;
                    _pos = _end;
                    return;
                }
                if (!arithmetic)
                {
                    Substitution(_pos + 2, close);
                }
                _pos = close + 1;
                return;
            }
            if (n == '{')
            {
                int depth = 0;
                int p = _pos + 1;
                for (; p < _end; p++)
                {
                    if (_text[p] == '{') depth++;
                    else if (_text[p] == '}' && --depth == 0) break;
                }
                _pos = p < _end ? p + 1 : _end;
                if (p >= _end) Complete = false;
                return;
            }
            _pos++;
            while (_pos < _end && (char.IsLetterOrDigit(_text[_pos]) || _text[_pos] == '_'))
            {
                _pos++;
            }
            if (_pos < _end && "@*#?$!-".IndexOf(_text[_pos]) >= 0 && _text[_pos - 1] == '$')
            {
                _pos++;
            }
        }

        private int MatchParen(int open)
        {
            int depth = 0;
            for (int p = open; p < _end; p++)
            {
                char c = _text[p];
                if (c == '\\') { p++; continue; }
                if (c == '\'')
                {
                    int close = _text.IndexOf('\'', p + 1);
                    if (close < 0 || close >= _end) return -1;
                    p = close;
                    continue;
                }
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) return p;
            }
            return -1;
        }

        private void Substitution(int start, int end)
        {
            bool pipe = false;
            ParseInto(_text, start, end, _depth + 1, 0, _commands, ref pipe);
            HasPipe |= pipe;
        }
    }
}
