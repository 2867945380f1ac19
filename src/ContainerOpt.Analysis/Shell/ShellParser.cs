using System.Text;
using ContainerOpt.Dockerfile.Collections;

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

    public static ShellScript Parse(string text, int depth)
    {
        // One list per thread and depth: a nested Parse (sh -c) runs one level deeper and finishes before this one goes on.
        var commands = Pool.CommandsAt(depth);
        commands.Clear(); // empty unless a parse on this thread ever stopped half-way
        bool hasPipe = false;
        bool complete = ParseInto(text, 0, text.Length, depth, commands, ref hasPipe);
        ShellCommand[] ordered = commands.Count == 0 ? Array.Empty<ShellCommand>() : ToArray(commands);
        commands.Clear();
        // Commands inside $(...) are found while their command is still being read, so they come first: put back in
        // source order. Stable: commands parsed out of one `sh -c` word share its start and must keep their order.
        SortByStart(ordered);
        return new ShellScript(text, ordered, hasPipe, complete);
    }

    /// <summary>
    /// The list's commands in an array of their number, stored one by one: a script has one or two, for which List.ToArray's
    /// Array.Copy (its checks and bulk move) costs several times the stores (ShellCommand is sealed: no covariance check).
    /// </summary>
    private static ShellCommand[] ToArray(List<ShellCommand> commands)
    {
        var array = new ShellCommand[commands.Count];
        for (int i = 0; i < array.Length; i++)
        {
            array[i] = commands[i];
        }
        return array;
    }

    private static void SortByStart(ShellCommand[] commands)
    {
        bool sorted = true;
        for (int i = 1; i < commands.Length && sorted; i++)
        {
            sorted = commands[i - 1].Start <= commands[i].Start;
        }
        if (sorted)
        {
            return;
        }
        if (commands.Length > 64)
        {
            // Stable for any length: the original position breaks ties.
            var keys = new long[commands.Length];
            for (int i = 0; i < keys.Length; i++)
            {
                keys[i] = ((long)commands[i].Start << 32) | (uint)i;
            }
            Array.Sort(keys, commands);
            return;
        }
        // Few commands, each displaced by the few substitutions of its own words: insertion sort (stable).
        for (int i = 1; i < commands.Length; i++)
        {
            var command = commands[i];
            int start = command.Start, k = i - 1;
            while (k >= 0 && commands[k].Start > start)
            {
                commands[k + 1] = commands[k];
                k--;
            }
            commands[k + 1] = command;
        }
    }

    /// <summary>Parses text[start..end) (offsets reported relative to the whole script).</summary>
    private static bool ParseInto(string text, int start, int end, int depth, List<ShellCommand> commands, ref bool hasPipe)
    {
        if (depth > MaxDepth)
        {
            return false;
        }
        var lexer = Pool.LexerAt(depth);
        lexer.Reset(text, start, end, commands);
        lexer.Run();
        hasPipe |= lexer.HasPipe;
        bool complete = lexer.Complete;
        lexer.Release();
        return complete;
    }

    private static bool IsKeyword(string word) => word switch
    {
        "if" or "then" or "else" or "elif" or "fi" or "do" or "done" or "while" or "until" or "!" or "{" or "}" or "in" or "esac" => true,
        _ => false,
    };

    private static void AddCommand(List<ShellWord> words, ShellOperator op, bool inPipeline, int depth, List<ShellCommand> commands, ref bool hasPipe)
    {
        int i = 0;
        // Reserved words that open compound commands come before the real command.
        while (i < words.Count && !words[i].IsQuoted && IsKeyword(words[i].Value))
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
        int name = SkipWrappers(words, i, ref wrappers, ref assignments, out string program);
        if (name >= words.Count)
        {
            return;
        }
        var kept = new ShellWord[words.Count - i];
        words.CopyTo(i, kept, 0, kept.Length);
        var command = new ShellCommand(kept, name - i, program,
            wrappers ?? (IReadOnlyList<string>)Array.Empty<string>(), assignments?.ToArray() ?? Array.Empty<ShellWord>(), op, inPipeline, depth);
        commands.Add(command);

        // sh -c "script": the script's commands are commands too.
        if (depth < MaxDepth && ShellFacts.IsPosixShell(command))
        {
            var args = command.Arguments;
            for (int a = 0; a < args.Count - 1; a++)
            {
                if (ShellFacts.IsCommandStringFlag(args[a]))
                {
                    var script = args[a + 1];
                    var inner = Parse(script.Value, depth + 1);
                    var innerCommands = inner.CommandArray;
                    for (int c = 0; c < innerCommands.Length; c++)
                    {
                        commands.Add(Relocate(innerCommands[c], script));
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
        return new ShellCommand(Relocate(c.Words, within), c.NameIndex, c.Name, c.Wrappers, Relocate(c.Assignments, within), c.PrecedingOperator, c.IsInPipeline, c.Depth);
    }

    private static ShellWord[] Relocate(ArrayView<ShellWord> words, ShellWord within)
    {
        if (words.Count == 0)
        {
            return Array.Empty<ShellWord>();
        }
        var relocated = new ShellWord[words.Count];
        for (int i = 0; i < relocated.Length; i++)
        {
            var w = words[i];
            relocated[i] = ShellWord.Of(w.Value, w.Raw, within.Start, within.End, w.HasExpansion, w.IsQuoted);
        }
        return relocated;
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

    // Long options of the wrappers that take a value (static: a wrapper on every command allocates no table).
    private static readonly string[] SudoLong = new[] { "user", "group", "close-from", "chdir", "host", "prompt", "role", "type", "other-user", "command-timeout" };
    private static readonly string[] EnvLong = new[] { "unset", "chdir", "split-string" };
    private static readonly string[] XargsLong = new[] { "max-args", "max-procs", "max-lines", "max-chars", "delimiter", "eof", "arg-file", "replace" };
    private static readonly string[] NiceLong = new[] { "adjustment" };
    private static readonly string[] StdbufLong = new[] { "input", "output", "error" };
    private static readonly string[] TimeoutLong = new[] { "signal", "kill-after" };

    /// <summary>
    /// Takes off sudo, env, xargs, nice, nohup, exec, command, time, timeout, stdbuf, chroot, gosu, su-exec; the program's
    /// base name in <paramref name="program"/> ("" past the words), read once for the test and the command.
    /// </summary>
    private static int SkipWrappers(List<ShellWord> words, int i, ref List<string>? wrappers, ref List<ShellWord>? assignments, out string program)
    {
        for (int guard = 0; guard < 8 && i < words.Count; guard++)
        {
            string name = ShellFacts.BaseName(words[i].Value);
            int next;
            switch (name)
            {
                case "sudo":
                case "doas":
                    next = SkipOptions(words, i + 1, valueShort: "ugCDhprtUT", valueLong: SudoLong);
                    break;
                case "env":
                    next = SkipOptions(words, i + 1, valueShort: "uCS", valueLong: EnvLong);
                    while (next < words.Count && IsAssignment(words[next].Value))
                    {
                        (assignments ??= new List<ShellWord>()).Add(words[next]);
                        next++;
                    }
                    break;
                case "xargs":
                    next = SkipOptions(words, i + 1, valueShort: "IinPLlsdEa", valueLong: XargsLong);
                    break;
                case "nice":
                    next = SkipOptions(words, i + 1, valueShort: "n", valueLong: NiceLong);
                    break;
                case "nohup":
                case "time":
                case "exec":
                case "command":
                case "builtin":
                    next = SkipOptions(words, i + 1, valueShort: "a", valueLong: Array.Empty<string>());
                    break;
                case "stdbuf":
                    next = SkipOptions(words, i + 1, valueShort: "ioe", valueLong: StdbufLong);
                    break;
                case "timeout":
                    next = SkipOptions(words, i + 1, valueShort: "sk", valueLong: TimeoutLong);
                    next++; // the duration
                    break;
                case "chroot":
                case "gosu":
                case "su-exec":
                    next = SkipOptions(words, i + 1, valueShort: "", valueLong: Array.Empty<string>()) + 1;
                    break;
                default:
                    program = name;
                    return i;
            }
            (wrappers ??= new List<string>()).Add(name);
            i = next;
        }
        program = i < words.Count ? ShellFacts.BaseName(words[i].Value) : "";
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
                i += TakesLongValue(w, valueLong) ? 2 : 1;
                continue;
            }
            // -u root takes a value; -uroot carries it; -E does not.
            bool takesValue = w.Length == 2 && valueShort.IndexOf(w[1]) >= 0;
            i += takesValue ? 2 : 1;
        }
        return i;
    }

    /// <summary>True when <paramref name="flag"/> is <c>--name</c> for one of the names.</summary>
    private static bool TakesLongValue(string flag, string[] names)
    {
        foreach (var name in names)
        {
            if (flag.Length == name.Length + 2 && string.CompareOrdinal(flag, 2, name, 0, name.Length) == 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// What is reused from script to script on a thread: a lexer and a command list per depth. A nested parse
    /// (<c>$(...)</c>, <c>sh -c</c>) runs one level deeper and finishes before the level above goes on, so no two
    /// parses in progress share one.
    /// </summary>
    private static class Pool
    {
        [ThreadStatic]
        private static Lexer?[]? _lexers;

        [ThreadStatic]
        private static List<ShellCommand>?[]? _commands;

        public static Lexer LexerAt(int depth)
        {
            var lexers = _lexers ??= new Lexer?[MaxDepth + 1];
            return lexers[depth] ??= new Lexer(depth);
        }

        public static List<ShellCommand> CommandsAt(int depth)
        {
            var lists = _commands ??= new List<ShellCommand>?[MaxDepth + 1];
            if ((uint)depth >= (uint)lists.Length)
            {
                return new List<ShellCommand>();
            }
            var list = lists[depth] ??= new List<ShellCommand>();
            if (list.Capacity > LargeCapacity)
            {
                // One huge script does not keep its array alive for the rest of the thread's life.
                lists[depth] = list = new List<ShellCommand>();
            }
            return list;
        }
    }

    private const int LargeCapacity = 1024;

    /// <summary>
    /// Splits text into words and operators, descending into substitutions, and hands each simple command to
    /// <see cref="AddCommand"/> as soon as an operator ends it: no list of tokens in between.
    /// </summary>
    private sealed class Lexer
    {
        private readonly int _depth;
        private string _text = "";
        private int _end;
        private List<ShellCommand> _commands = null!;
        private List<(string Delimiter, bool StripTabs)>? _pendingHeredocs;
        private int _pos;
        private bool _hasPipe;

        // The simple command being read: its words so far, and the operator before it.
        private List<ShellWord> _words = new();
        private ShellOperator _op;

        // The case statements the lexer is in, innermost last.
        private CasePart[] _cases = new CasePart[4];
        private int _caseCount;

        // The word just read by ReadWord: text[_wordStart.._pos), its unquoted value in _value unless plain.
        private readonly StringBuilder _value = new();
        private readonly char[] _valueChars = new char[24]; // a short value copied out of _value to be hashed and compared
        private int _wordStart;
        private bool _wordQuoted, _wordEscaped, _wordExpansion;

        // The hash of text[_wordStart.._pos) when ReadWord read the whole word in its plain loop (_wordHashed), so
        // MakeWord looks the word up in the shared table without reading its characters a second time.
        private uint _wordHash;
        private bool _wordHashed;

        public Lexer(int depth)
        {
            _depth = depth;
        }

        public bool Complete { get; private set; } = true;
        public bool HasPipe => _hasPipe;

        public void Reset(string text, int start, int end, List<ShellCommand> commands)
        {
            _text = text;
            _pos = start;
            _end = end;
            _commands = commands;
            _hasPipe = false;
            Complete = true;
            _op = ShellOperator.None;
            _words.Clear();
            _caseCount = 0;
            _pendingHeredocs?.Clear();
        }

        /// <summary>Lets go of the script (the pool keeps the lexer, not the text).</summary>
        public void Release()
        {
            _text = "";
            _commands = null!;
            _words.Clear();
            if (_words.Capacity > LargeCapacity)
            {
                _words = new List<ShellWord>();
            }
        }

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

        private static bool IsCommandStartKeyword(string word) => word switch
        {
            "if" or "then" or "else" or "elif" or "do" or "while" or "until" or "!" or "{" or "}" or "fi" or "done" => true,
            _ => false,
        };

        private void PushCase(CasePart part)
        {
            if (_caseCount == _cases.Length)
            {
                Array.Resize(ref _cases, _cases.Length * 2);
            }
            _cases[_caseCount++] = part;
        }

        /// <summary>An operator (or the end, "") ends the command being read.</summary>
        private void EndCommand(string next)
        {
            bool pipedOut = next is "|" or "|&";
            if (_words.Count > 0)
            {
                AddCommand(_words, _op, pipedOut || _op == ShellOperator.Pipe, _depth, _commands, ref _hasPipe);
                _words.Clear(); // AddCommand copied what it keeps
            }
            _op = next switch
            {
                "&&" => ShellOperator.And,
                "||" => ShellOperator.Or,
                "|" or "|&" => ShellOperator.Pipe,
                "&" => ShellOperator.Background,
                "(" or ")" => _op == ShellOperator.Pipe ? ShellOperator.Pipe : ShellOperator.Sequence,
                _ => ShellOperator.Sequence,
            };
            if (pipedOut)
            {
                _hasPipe = true;
            }
        }

        public void Run()
        {
            bool expectRedirectTarget = false;
            string? heredocOperator = null;
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
                    if (_caseCount == 0 || _cases[_caseCount - 1] == CasePart.Body)
                    {
                        EndCommand("\n");
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
                // Only a digit (2>/dev/null) or an operator character can start an operator: most tokens are words.
                string? op = (c < 128 ? CharKinds[c] is CharKind.Digit or CharKind.Break : char.IsDigit(c)) ? ReadOperator() : null;
                if (op is not null)
                {
                    if (IsHeredoc(op))
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
                    else if (_caseCount > 0 && _cases[_caseCount - 1] is CasePart.Pattern or CasePart.In or CasePart.Subject)
                    {
                        // 'a|b)' separates patterns; ')' ends them and the branch's commands follow.
                        if (op == ")" && _cases[_caseCount - 1] == CasePart.Pattern)
                        {
                            _cases[_caseCount - 1] = CasePart.Body;
                            EndCommand(";");
                            commandStart = true;
                        }
                    }
                    else if (op == ";;" && _caseCount > 0)
                    {
                        _cases[_caseCount - 1] = CasePart.Pattern;
                        EndCommand(";");
                        commandStart = true;
                    }
                    else
                    {
                        EndCommand(op);
                        commandStart = true;
                    }
                    continue;
                }
                if (!ReadWord())
                {
                    break;
                }
                // Redirection targets and case headers are read, never kept: no word object for them.
                if (expectRedirectTarget)
                {
                    expectRedirectTarget = false;
                    if (heredocOperator is not null)
                    {
                        (_pendingHeredocs ??= new()).Add((WordValue(), heredocOperator.EndsWith("-", StringComparison.Ordinal)));
                        heredocOperator = null;
                    }
                    continue;
                }
                if (_caseCount > 0 && _cases[_caseCount - 1] != CasePart.Body)
                {
                    var part = _cases[--_caseCount];
                    if (part == CasePart.Subject || (part == CasePart.In && !(!_wordQuoted && WordIs("in"))))
                    {
                        PushCase(CasePart.In);
                    }
                    else if (part == CasePart.In || (part == CasePart.Pattern && (_wordQuoted || !WordIs("esac"))))
                    {
                        PushCase(CasePart.Pattern);
                    }
                    // else: 'esac' after the last ';;' closes the case
                    continue;
                }
                if (commandStart && !_wordQuoted && WordIs("case"))
                {
                    PushCase(CasePart.Subject);
                    continue;
                }
                if (commandStart && !_wordQuoted && _caseCount > 0 && WordIs("esac"))
                {
                    _caseCount--;
                    continue;
                }
                var word = MakeWord();
                commandStart = !_wordQuoted && IsCommandStartKeyword(word.Value);
                _words.Add(word);
            }
            EndCommand("");
        }

        private char PeekAfterAmpersand() => _pos < _end ? _text[_pos] : '\0';

        // The operators are MatchOperator's few literals: told apart by their first two characters, no string search.

        /// <summary>True for &lt;&lt;, &lt;&lt;- and &lt;&lt;&lt; (which ends with &lt;&lt; too).</summary>
        private static bool IsHeredoc(string op) => op.Length >= 2 && op[0] == '<' && op[1] == '<';

        /// <summary>True when the operator holds &lt; or &gt;: it starts with one, or is &amp;&gt; or &amp;&gt;&gt;.</summary>
        private static bool IsRedirection(string op) => op[0] is '<' or '>' || (op.Length > 1 && op[1] == '>');

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
                    return rest;
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

        /// <summary>The longest operator at p (<c>&amp;&gt;&gt;</c> before <c>&amp;&gt;</c> before <c>&amp;</c>), or null.</summary>
        private string? MatchOperator(int p)
        {
            if (p >= _end)
            {
                return null;
            }
            char next = p + 1 < _end ? _text[p + 1] : '\0';
            char third = p + 2 < _end ? _text[p + 2] : '\0';
            switch (_text[p])
            {
                case '&':
                    return next == '&' ? "&&" : next == '>' ? (third == '>' ? "&>>" : "&>") : "&";
                case '|':
                    return next == '|' ? "||" : next == '&' ? "|&" : "|";
                case ';':
                    return next == ';' ? ";;" : ";";
                case '<':
                    return next switch
                    {
                        '<' => third == '<' ? "<<<" : third == '-' ? "<<-" : "<<",
                        '&' => "<&",
                        '>' => "<>",
                        _ => "<",
                    };
                case '>':
                    return next switch
                    {
                        '>' => ">>",
                        '&' => ">&",
                        '|' => ">|",
                        _ => ">",
                    };
                case '(':
                    return "(";
                case ')':
                    return ")";
                default:
                    return null; // every operator starts with one of these
            }
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
                    // The line without its trailing CRs (and leading tabs for <<-), compared where it stands.
                    int first = _pos, last = lineEnd;
                    while (last > first && _text[last - 1] == '\r') last--;
                    if (stripTabs)
                    {
                        while (first < last && _text[first] == '\t') first++;
                    }
                    _pos = Math.Min(_end, lineEnd + 1);
                    if (last - first == delimiter.Length && string.CompareOrdinal(_text, first, delimiter, 0, delimiter.Length) == 0)
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
            uint hash = FnvOffset;
            for (int i = 0; i < length; i++)
            {
                hash = (hash ^ text[start + i]) * FnvPrime;
            }
            return Shared(text, start, length, hash);
        }

        // FNV-1a over the characters: one hash for the table, wherever it is computed.
        private const uint FnvOffset = 2166136261;
        private const uint FnvPrime = 16777619;

        /// <summary>text[start..start+length) through the table, its <paramref name="hash"/> already known.</summary>
        private static string Shared(string text, int start, int length, uint hash)
        {
            if (length > 24)
            {
                return text.Substring(start, length);
            }
            var table = _sharedWords ??= new string?[1024];
            int slot = (int)(hash & 1023);
            // Read into a local, compared char by char: a ref into a string array and CompareOrdinal cost more than a short word.
            string? known = table[slot];
            if (known is not null && known.Length == length && SameChars(text, start, known))
            {
                return known;
            }
            string made = text.Substring(start, length);
            table[slot] = made;
            return made;
        }

        /// <summary>
        /// The quoted or escaped word's value (<see cref="_value"/>), shared through the same table as
        /// <see cref="Shared(string, int, int)"/> (the same hash of the same characters: <c>"install"</c> and <c>install</c>
        /// share one string): quoted words repeat too. Copied out once into <see cref="_valueChars"/> and read there: the
        /// StringBuilder's indexer walks its chunks for every character.
        /// </summary>
        private string SharedValue()
        {
            var value = _value;
            int length = value.Length;
            if (length > 24)
            {
                return value.ToString();
            }
            var chars = _valueChars;
            value.CopyTo(0, chars, 0, length);
            uint hash = FnvOffset;
            for (int i = 0; i < length; i++)
            {
                hash = (hash ^ chars[i]) * FnvPrime;
            }
            var table = _sharedWords ??= new string?[1024];
            int slot = (int)(hash & 1023);
            string? known = table[slot];
            if (known is not null && known.Length == length && SameChars(chars, known))
            {
                return known;
            }
            string made = new string(chars, 0, length);
            table[slot] = made;
            return made;
        }

        private static bool SameChars(char[] chars, string known)
        {
            for (int i = 0; i < known.Length; i++)
            {
                if (chars[i] != known[i])
                {
                    return false;
                }
            }
            return true;
        }

        private static bool SameChars(string text, int start, string known)
        {
            for (int i = 0; i < known.Length; i++)
            {
                if (text[start + i] != known[i])
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// What an ASCII character does to the lexer (anything else is part of a word). In this order: the two that end a
        /// plain word's run are the last, so ReadWord's loop over every character tests one bound.
        /// </summary>
        private enum CharKind : byte
        {
            Word,
            /// <summary>Can start a file descriptor before a redirection.</summary>
            Digit,
            /// <summary>Starts a quote, an escape or an expansion inside a word: \ ' " $ `</summary>
            Special,
            /// <summary>Ends a word: blanks, and the characters operators start with.</summary>
            Break,
        }

        private static readonly CharKind[] CharKinds = BuildCharKinds();

        private static CharKind[] BuildCharKinds()
        {
            var kinds = new CharKind[128];
            foreach (char c in " \t\n\r;&|<>()")
            {
                kinds[c] = CharKind.Break;
            }
            foreach (char c in "\\'\"$`")
            {
                kinds[c] = CharKind.Special;
            }
            for (char c = '0'; c <= '9'; c++)
            {
                kinds[c] = CharKind.Digit;
            }
            return kinds;
        }

        /// <summary>True when the word just read is its own value (no quotes, no escapes): the value is the text itself.</summary>
        private bool WordIsPlain => !_wordQuoted && !_wordEscaped;

        /// <summary>True when the value of the word just read is <paramref name="expected"/>, without making it a string.</summary>
        private bool WordIs(string expected)
        {
            if (WordIsPlain)
            {
                return _pos - _wordStart == expected.Length && string.CompareOrdinal(_text, _wordStart, expected, 0, expected.Length) == 0;
            }
            if (_value.Length != expected.Length)
            {
                return false;
            }
            for (int i = 0; i < expected.Length; i++)
            {
                if (_value[i] != expected[i])
                {
                    return false;
                }
            }
            return true;
        }

        private string WordValue() => WordIsPlain ? Shared(_text, _wordStart, _pos - _wordStart) : SharedValue();

        private ShellWord MakeWord()
        {
            string raw = _wordHashed ? Shared(_text, _wordStart, _pos - _wordStart, _wordHash) : Shared(_text, _wordStart, _pos - _wordStart);
            // Most words are their own value (no quotes or escapes): one string then serves as both.
            string value = WordIsPlain ? raw : SharedValue();
            return ShellWord.Of(value, raw, _wordStart, _pos, _wordExpansion, _wordQuoted);
        }

        /// <summary>
        /// Reads one word: text[_wordStart.._pos), flags in _wordQuoted/_wordEscaped/_wordExpansion. The unquoted
        /// value is built in _value only once a quote or escape makes it differ from the text (most words never do).
        /// False (and one character skipped) when nothing could be read.
        /// </summary>
        private bool ReadWord()
        {
            int start = _pos;
            // Most words are plain text up to a break: read them in locals, hashing for the shared table on the way. At a
            // quote, escape or expansion the general loop below goes on from there.
            string text = _text;
            var kinds = CharKinds;
            int pos = start, end = _end;
            uint hash = FnvOffset;
            while (pos < end)
            {
                char c = text[pos];
                if (c < 128)
                {
                    if (kinds[c] >= CharKind.Special) // or Break
                    {
                        break;
                    }
                }
                hash = (hash ^ c) * FnvPrime;
                pos++;
            }
            _pos = pos;
            _wordHashed = pos == end || kinds[text[pos]] == CharKind.Break; // else it stopped at a special character
            _wordHash = hash;
            var value = _value; // cleared when first needed: a plain word never touches it
            bool expansion = false, quoted = false, escaped = false;
            while (_pos < _end)
            {
                char c = _text[_pos];
                var kind = c < 128 ? CharKinds[c] : CharKind.Word;
                if (kind == CharKind.Break)
                {
                    break;
                }
                if (kind != CharKind.Special)
                {
                    if (quoted || escaped)
                    {
                        value.Append(c);
                    }
                    _pos++;
                    continue;
                }
                if (c == '\\')
                {
                    if (!quoted && !escaped)
                    {
                        value.Clear().Append(_text, start, _pos - start); // the value so far is the text so far
                    }
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
                    if (!quoted && !escaped)
                    {
                        value.Clear().Append(_text, start, _pos - start);
                    }
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
                    if (!quoted && !escaped)
                    {
                        value.Clear().Append(_text, start, _pos - start);
                    }
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
                    if (!quoted && !escaped)
                    {
                        value.Clear().Append(_text, start, _pos - start);
                    }
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
                    if (quoted || escaped)
                    {
                        value.Append(_text, before, _pos - before);
                    }
                    continue;
                }
                // not reached: every special character is handled above
                _pos++;
            }
            _wordStart = start;
            _wordQuoted = quoted;
            _wordEscaped = escaped;
            _wordExpansion = expansion;
            if (_pos == start)
            {
                // A character no rule consumed: step over it so the lexer always advances.
                _pos++;
                return false;
            }
            return true;
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
            ParseInto(_text, start, end, _depth + 1, _commands, ref _hasPipe);
        }
    }
}
