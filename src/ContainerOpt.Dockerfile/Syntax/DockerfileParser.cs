using System.Runtime.CompilerServices;
using System.Text;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// Parses a Dockerfile into a <see cref="DockerfileSyntax"/> exactly as BuildKit's parser reads it
/// (frontend/dockerfile/parser), keeping the source span of every token. Never throws: problems are
/// <see cref="ParseDiagnostic"/> values, and parsing goes on after an error so every one is reported.
/// </summary>
public static class DockerfileParser
{
    public static DockerfileSyntax Parse(string text, string? path = null) => Parse(SourceText.From(text, path));

    public static DockerfileSyntax Parse(SourceText source)
    {
        // One parse state per thread, reused: its scratch lists keep their capacity, so a file costs only what its tree
        // keeps (taken out while in use, so a parse on the same thread from inside a parse gets its own).
        var run = t_spareRun ?? new Run();
        t_spareRun = null;
        run.Start(source);
        var syntax = run.Execute();
        if (run.Finish())
        {
            t_spareRun = run;
        }
        return syntax;
    }

    [ThreadStatic]
    private static Run? t_spareRun;

    /// <summary>The state of one parse; BuildKit's scanner loop with positions.</summary>
    private sealed class Run
    {
        private static readonly string[] KnownDirectives = { "escape", "syntax", "check" };

        /// <summary>Scratch lists longer than this are let go with their run rather than kept for the thread.</summary>
        private const int MaxKeptItems = 4096;

        private SourceText _source = null!;
        private string _text = "";
        private readonly List<InstructionSyntax> _instructions = new();
        // The few files with directives or parse errors get lists of their own (the tree keeps them).
        private List<ParserDirective>? _directives;
        private List<ParseDiagnostic>? _diagnostics;
        private readonly List<CommentSyntax> _comments = new();
        // The comment lines since the last instruction or blank line: a count over an array the run keeps, as a list's
        // Clear (once for each instruction) would clear the array's slots for the collector each time.
        private string[] _pendingComments = new string[16];
        private int _pendingCount;
        private int _pendingMost; // the slots the file filled, cleared when it is done
        // Which of KnownDirectives were seen, one bit each (three names need no set).
        private int _seenDirectives;
        private readonly List<JsonArrayReader.Element> _jsonScratch = new();
        private readonly List<Word> _words = new();
        private readonly List<InstructionFlag> _flagScratch = new();
        private readonly List<SyntaxToken> _tokenScratch = new();
        private StringBuilder? _flagBuilder;
        private LogicalLine? _spareLine;
        private bool _directivesDone;
        private char _escape;
        private int _position;
        private int _lineIndex;
        private int _lastContentEnd;
        private int _currentLine;

        public void Start(SourceText source)
        {
            _source = source;
            _text = source.Text;
            _directives = null;
            _diagnostics = null;
            _seenDirectives = 0;
            _spareLine = null;
            _directivesDone = false;
            _escape = '\\';
            _position = 0;
            _lineIndex = 0;
            _lastContentEnd = 0;
            _currentLine = 0;
        }

        /// <summary>Forgets the file; true when the run is small enough to keep for the thread's next parse.</summary>
        public bool Finish()
        {
            _source = null!;
            _text = "";
            _spareLine = null;
            _directives = null;
            _diagnostics = null;
            bool small = _instructions.Count <= MaxKeptItems && _comments.Count <= MaxKeptItems && _pendingComments.Length <= MaxKeptItems
                && _words.Count <= MaxKeptItems && _jsonScratch.Count <= MaxKeptItems && _tokenScratch.Count <= MaxKeptItems
                && (_flagBuilder is null || _flagBuilder.Capacity <= MaxKeptItems);
            // Cleared so the kept lists hold no tree of the file.
            _instructions.Clear();
            _comments.Clear();
            Array.Clear(_pendingComments, 0, _pendingMost);
            _pendingCount = 0;
            _pendingMost = 0;
            _jsonScratch.Clear();
            _flagScratch.Clear();
            _tokenScratch.Clear();
            return small;
        }

        private List<ParseDiagnostic> Diagnostics => _diagnostics ??= new List<ParseDiagnostic>();

        public DockerfileSyntax Execute()
        {
            while (ReadLine(out int start, out int contentEnd, out _))
            {
                int lineNumber = ++_currentLine;
                int trimmed = SkipSpace(start, contentEnd);
                bool isDirective = CheckDirective(trimmed, contentEnd, lineNumber);
                if (trimmed < contentEnd && _text[trimmed] == '#')
                {
                    if (!isDirective)
                    {
                        string comment = TrimmedText(trimmed + 1, contentEnd);
                        _comments.Add(new CommentSyntax(comment, lineNumber, TextSpan.FromBounds(trimmed, contentEnd)));
                        if (comment.Length == 0)
                        {
                            _pendingCount = 0;
                        }
                        else
                        {
                            AddPendingComment(comment);
                        }
                    }
                    continue;
                }

                bool continues = TrimContinuation(trimmed, contentEnd, out int firstEnd);
                if (!continues && firstEnd == trimmed)
                {
                    // A blank line ends a description comment block (see InvalidDefinitionDescription).
                    _pendingCount = 0;
                    continue;
                }

                int startLine = lineNumber;
                // A line of one piece is not kept by its instruction: the next instruction reuses it.
                var logical = _spareLine?.Reset(trimmed) ?? new LogicalLine(_text, trimmed);
                _spareLine = null;
                logical.Append(trimmed, firstEnd);
                List<int>? emptyLines = null;
                while (continues && ReadLine(out int s, out int ce, out _))
                {
                    int n = ++_currentLine;
                    CheckDirective(s, ce, n);
                    int t = SkipSpace(s, ce);
                    if (t < ce && _text[t] == '#')
                    {
                        _comments.Add(new CommentSyntax(TrimmedText(t + 1, ce), n, TextSpan.FromBounds(t, ce)));
                        continue;
                    }
                    if (t == ce)
                    {
                        (emptyLines ??= new List<int>()).Add(n);
                        continue;
                    }
                    continues = TrimContinuation(s, ce, out int e);
                    logical.Append(s, e);
                }
                logical.Complete();

                // (ParseInstruction keeps the line in the instruction.)
                var instruction = ParseInstruction(logical, logical.Start, logical.End);
                instruction.StartLine = startLine;
                instruction.PrecedingComments = CommentsAbove();
                if (emptyLines is not null)
                {
                    instruction.EmptyContinuationLines = emptyLines.ToArray(); // (none is the instruction's default)
                }
                ReadHeredocs(instruction, logical, startLine);
                instruction.EndLine = _currentLine;
                int spanStart = instruction.KeywordSpan.Start;
                int spanEnd = Math.Max(spanStart, _lastContentEnd); // the end of line _currentLine's content
                instruction.Span = TextSpan.FromBounds(spanStart, spanEnd);
                _instructions.Add(instruction);
                _pendingCount = 0;
                if (logical.IsContiguous)
                {
                    _spareLine = logical;
                }
            }

            if (_instructions.Count == 0)
            {
                Diagnostics.Add(new ParseDiagnostic(
                    ParseDiagnosticCodes.EmptyFile, ParseSeverity.Error, ParseDiagnosticCodes.EmptyFileMessage,
                    new TextSpan(_text.Length, 0), failsBuildKitParse: true));
            }

            return new DockerfileSyntax(_source, _instructions.ToArray(),
                (IReadOnlyList<ParserDirective>?)_directives ?? Array.Empty<ParserDirective>(),
                _comments.Count == 0 ? Array.Empty<CommentSyntax>() : _comments.ToArray(),
                (IReadOnlyList<ParseDiagnostic>?)_diagnostics ?? Array.Empty<ParseDiagnostic>(), _escape);
        }

        private void AddPendingComment(string comment)
        {
            if (_pendingCount == _pendingComments.Length)
            {
                Array.Resize(ref _pendingComments, _pendingComments.Length * 2);
            }
            _pendingComments[_pendingCount++] = comment;
            _pendingMost = Math.Max(_pendingMost, _pendingCount);
        }

        /// <summary>
        /// The comments above an instruction, copied by hand: usually one or two, for which List.ToArray's generic copy
        /// cost more than the array.
        /// </summary>
        private string[] CommentsAbove()
        {
            int count = _pendingCount;
            if (count == 0)
            {
                return Array.Empty<string>();
            }
            var above = new string[count];
            for (int i = 0; i < above.Length; i++)
            {
                above[i] = _pendingComments[i];
            }
            return above;
        }

        /// <summary>One physical line: BuildKit's scanner splits at '\n' and trims trailing "\r\n" characters.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)] // once for each line: the call cost a third of it
        private bool ReadLine(out int start, out int contentEnd, out int lineEnd)
        {
            start = _position;
            if (_position >= _text.Length)
            {
                contentEnd = lineEnd = _position;
                return false;
            }
            // Lines are read in order: the next line break is in the source's line table.
            lineEnd = _source.LineBreakEnd(_lineIndex++);
            contentEnd = lineEnd;
            while (contentEnd > start && (_text[contentEnd - 1] == '\n' || _text[contentEnd - 1] == '\r'))
            {
                contentEnd--;
            }
            _position = lineEnd;
            _lastContentEnd = contentEnd;
            return true;
        }

        private int SkipSpace(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(_text[start]))
            {
                start++;
            }
            return start;
        }

        /// <summary>
        /// BuildKit's continuation pattern <c>([^E])E[ \t]*$|^E[ \t]*$</c> (E = escape token): the escape
        /// as the last non-blank character, unless it is itself escaped.
        /// </summary>
        private bool TrimContinuation(int start, int end, out int newEnd)
        {
            int k = end;
            while (k > start && (_text[k - 1] == ' ' || _text[k - 1] == '\t'))
            {
                k--;
            }
            if (k > start && _text[k - 1] == _escape && (k - 1 == start || _text[k - 2] != _escape))
            {
                newEnd = k - 1;
                return true;
            }
            newEnd = end;
            return false;
        }

        /// <summary>Parser directives are only looked for until the first line that is not one.</summary>
        /// <remarks>
        /// Asked of every line, nearly always after the directives are done: that test is inlined, and the call is made
        /// only while directives may still come (a call for each line cost 37 instructions).
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool CheckDirective(int start, int end, int lineNumber) => !_directivesDone && ReadDirective(start, end, lineNumber);

        private bool ReadDirective(int start, int end, int lineNumber)
        {
            int known = MatchDirective(start, end, out int valueStart, out int valueEnd);
            if (known < 0)
            {
                _directivesDone = true;
                return false;
            }
            var span = TextSpan.FromBounds(start, end);
            var valueSpan = TextSpan.FromBounds(valueStart, valueEnd);
            string directiveValue = _text.Substring(valueStart, valueEnd - valueStart);
            string name = KnownDirectives[known];
            if ((_seenDirectives & (1 << known)) != 0)
            {
                Diagnostics.Add(new ParseDiagnostic(ParseDiagnosticCodes.InvalidDirective, ParseSeverity.Error,
                    string.Format(ParseDiagnosticCodes.DuplicateDirectiveMessage, name), span, failsBuildKitParse: true));
                return true;
            }
            _seenDirectives |= 1 << known;
            if (name == "escape")
            {
                if (directiveValue == "`" || directiveValue == "\\")
                {
                    _escape = directiveValue[0];
                }
                else
                {
                    Diagnostics.Add(new ParseDiagnostic(ParseDiagnosticCodes.InvalidDirective, ParseSeverity.Error,
                        string.Format(ParseDiagnosticCodes.InvalidEscapeMessage, directiveValue), valueSpan, failsBuildKitParse: true));
                }
            }
            (_directives ??= new List<ParserDirective>()).Add(new ParserDirective(name, directiveValue, lineNumber, span, valueSpan));
            return true;
        }

        /// <summary>Go's regexp \s: <c>[\t\n\f\r ]</c> (.NET's is wider).</summary>
        private static bool IsGoSpace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        /// <summary>
        /// BuildKit's directive pattern <c>^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$</c> over [start, end), by hand:
        /// the index of a known directive in <see cref="KnownDirectives"/> and the bounds of its value, or -1.
        /// </summary>
        private int MatchDirective(int start, int end, out int valueStart, out int valueEnd)
        {
            valueStart = valueEnd = start;
            int p = start;
            if (p >= end || _text[p] != '#') return -1;
            p++;
            while (p < end && IsGoSpace(_text[p])) p++;
            int nameStart = p;
            if (p >= end || !IsAsciiLetter(_text[p])) return -1;
            p++;
            while (p < end && (IsAsciiLetter(_text[p]) || (_text[p] >= '0' && _text[p] <= '9'))) p++;
            int nameEnd = p;
            while (p < end && IsGoSpace(_text[p])) p++;
            if (p >= end || _text[p] != '=') return -1;
            p++;
            if (p >= end) return -1; // the value takes at least one character
            while (p < end && IsGoSpace(_text[p])) p++;
            if (p == end)
            {
                // Only blanks: the lazy value still takes one, the last.
                p = end - 1;
                valueStart = p;
                valueEnd = end;
            }
            else
            {
                int e = end;
                while (e > p && IsGoSpace(_text[e - 1])) e--;
                valueStart = p;
                valueEnd = e;
            }
            for (int i = 0; i < KnownDirectives.Length; i++)
            {
                string known = KnownDirectives[i];
                if (known.Length == nameEnd - nameStart && string.Compare(_text, nameStart, known, 0, known.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return i;
                }
            }
            return -1;
        }

        /// <summary>The text of [start, end) without leading and trailing white space (as string.Trim), cut once.</summary>
        private string TrimmedText(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(_text[start])) start++;
            while (end > start && char.IsWhiteSpace(_text[end - 1])) end--;
            return start == end ? "" : _text.Substring(start, end - start);
        }

        private static bool IsSpace(char c) => char.IsWhiteSpace(c);

        /// <summary>
        /// True for an ASCII character that is only part of a word: not blank, not a quote, not <paramref name="escape"/>.
        /// Most characters are above the quotes and are told by three comparisons (four and a white-space lookup were made
        /// for every character of every word). It says false for a control or non-ASCII character too, which the word loops
        /// then read in full: with no white-space lookup in it, a skip loop keeps its position in a register.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsWordOnly(char c, char escape) =>
            c > '\'' ? c != escape && c < 0x80 : c > ' ' && c != '"' && c != '\'';

        /// <summary>The length of the flag word read so far: [start, pos) of the line, or the builder once cooked.</summary>
        private static int WordLength(int start, int pos, bool cooked, StringBuilder word) => cooked ? word.Length : pos - start;

        private static bool IsDoubleDash(string text, int start, int pos, bool cooked, StringBuilder word) => cooked
            ? word.Length == 2 && word[0] == '-' && word[1] == '-'
            : pos - start == 2 && text[start] == '-' && text[start + 1] == '-';

        /// <summary>A flag word [start, pos) of the line: its own text, cut when asked for, or the builder's once cooked.</summary>
        private InstructionFlag NewFlag(LogicalLine line, int start, int pos, bool cooked, StringBuilder word)
        {
            var span = line.Span(start, pos);
            return cooked ? new InstructionFlag(word.ToString(), span) : new InstructionFlag(LazyText.Of(_source, line, start, pos, pos - start), span);
        }

        /// <summary>BuildKit's reWhitespace: <c>[\t\v\f\r ]</c>.</summary>
        private static bool IsSeparator(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';

        /// <summary>The keyword: as written, but one shared string for each keyword written in upper case (nearly all of them).</summary>
        private InstructionSyntax NewInstruction(LogicalLine line, int start, int end) =>
            InstructionKinds.UpperCaseKeyword(line.Buffer, start, end - start, out var kind) is { } keyword
                ? new InstructionSyntax(keyword, line.Span(start, end), kind)
                : new InstructionSyntax(Token(line, start, end));

        private SyntaxToken Token(LogicalLine line, int start, int end) =>
            SyntaxToken.Slice(_source, line, start, end, end - start);

        private void Error(InstructionSyntax instruction, string code, string message, TextSpan span, bool failsBuildKit = true)
        {
            instruction.HasErrors = true;
            Diagnostics.Add(new ParseDiagnostic(code, ParseSeverity.Error, message, span, failsBuildKit));
        }

        /// <summary>BuildKit's splitCommand + dispatch, over logical characters [start, end).</summary>
        private InstructionSyntax ParseInstruction(LogicalLine line, int start, int end)
        {
            string t = line.Buffer;
            int a = start;
            while (a < end && IsSpace(t[a])) a++;
            int b = end;
            while (b > a && IsSpace(t[b - 1])) b--;
            int k = a;
            while (k < b && !IsSeparator(t[k])) k++;

            var instruction = NewInstruction(line, a, k);
            int rest = k;
            while (rest < b && IsSeparator(t[rest])) rest++;
            InstructionFlag[]? flags = null;
            // Flags start with '-' (after blanks that are no separator): most instructions have none, and need no scan for them.
            int argsStart = rest >= b ? b : t[rest] == '-' || IsSpace(t[rest]) ? ExtractFlags(line, rest, b, out flags) : rest;
            instruction.SetFlags(flags);
            while (argsStart < b && IsSpace(t[argsStart])) argsStart++;
            int argsEnd = b;
            instruction.SetArgumentText(_source, line, argsStart, argsEnd);

            switch (instruction.Kind)
            {
                case InstructionKind.Add:
                case InstructionKind.Copy:
                case InstructionKind.Volume:
                    ParseMaybeJson(instruction, line, argsStart, argsEnd, splitShellForm: true);
                    break;
                case InstructionKind.Cmd:
                case InstructionKind.Entrypoint:
                case InstructionKind.Run:
                case InstructionKind.Shell:
                    ParseMaybeJson(instruction, line, argsStart, argsEnd, splitShellForm: false);
                    break;
                case InstructionKind.Arg:
                    {
                        var words = ParseWords(line, argsStart, argsEnd);
                        if (words.Count > 0)
                        {
                            var tokens = new SyntaxToken[words.Count];
                            for (int i = 0; i < tokens.Length; i++)
                            {
                                var w = words[i];
                                // The usual one word (ARG NAME=value) is the argument text itself: no second token for it.
                                tokens[i] = w.Start == argsStart && w.End == argsEnd && w.ValueLength == argsEnd - argsStart
                                    ? instruction.ArgumentText
                                    : SyntaxToken.Slice(_source, line, w.Start, w.End, w.ValueLength);
                            }
                            instruction.SetArguments(tokens);
                        }
                    }
                    break;
                case InstructionKind.Env:
                case InstructionKind.Label:
                    ParseNameValue(instruction, line, argsStart, argsEnd);
                    break;
                case InstructionKind.Expose:
                case InstructionKind.From:
                    instruction.SetArguments(SplitWhitespace(instruction, line, argsStart, argsEnd));
                    break;
                case InstructionKind.Healthcheck:
                    ParseHealthcheck(instruction, line, argsStart, argsEnd);
                    break;
                case InstructionKind.Maintainer:
                case InstructionKind.StopSignal:
                case InstructionKind.User:
                case InstructionKind.Workdir:
                    if (argsEnd > argsStart)
                    {
                        instruction.SetArguments(new[] { instruction.ArgumentText });
                    }
                    break;
                case InstructionKind.Onbuild:
                    if (argsEnd > argsStart)
                    {
                        var inner = ParseInstruction(line, argsStart, argsEnd);
                        inner.Original = t.Substring(argsStart, argsEnd - argsStart);
                        instruction.OnbuildInstruction = inner;
                        instruction.HasErrors |= inner.HasErrors;
                    }
                    break;
                default:
                    break; // unknown instructions are kept as written; the model reports them
            }
            return instruction;
        }

        /// <summary>BuildKit's extractBuilderFlags: leading <c>--words</c>, quotes removed, '\\' escapes.</summary>
        private int ExtractFlags(LogicalLine line, int from, int to, out InstructionFlag[]? flags)
        {
            var found = _flagScratch;
            found.Clear();
            int end = ExtractFlags(line, from, to, found);
            flags = found.Count == 0 ? null : found.ToArray();
            return end;
        }

        private int ExtractFlags(LogicalLine line, int from, int to, List<InstructionFlag> flags)
        {
            const int InSpaces = 0, InWord = 1, InQuote = 2;
            string t = line.Buffer;
            int phase = InSpaces;
            bool inFlag = false;
            // A flag without quotes or escapes is its own text: cut it from the line. Only one with them is
            // rebuilt in the builder (cooked), from its first quote or escape on.
            bool cooked = false;
            StringBuilder word = _flagBuilder ??= new StringBuilder(32);
            int wordStart = from;
            char quote = '\0';
            bool blankOk = false;
            for (int pos = from; pos <= to; pos++)
            {
                if (phase == InWord && !cooked)
                {
                    // Characters that are neither blank, quote nor escape are only part of the word: skip them.
                    while (pos < to && IsWordOnly(t[pos], '\\')) pos++;
                }
                char ch = pos < to ? t[pos] : '\0';
                if (phase == InSpaces)
                {
                    if (pos == to) break;
                    if (IsSpace(ch)) continue;
                    if (ch != '-' || pos + 1 == to || t[pos + 1] != '-')
                    {
                        return pos;
                    }
                    phase = InWord;
                    wordStart = pos;
                    inFlag = true;
                    cooked = false;
                    word.Clear();
                }
                if (!inFlag)
                {
                    break;
                }
                if (pos == to)
                {
                    if (!IsDoubleDash(t, wordStart, pos, cooked, word) && (blankOk || WordLength(wordStart, pos, cooked, word) > 0))
                    {
                        flags.Add(NewFlag(line, wordStart, pos, cooked, word));
                    }
                    break;
                }
                if (phase == InWord)
                {
                    if (IsSpace(ch))
                    {
                        phase = InSpaces;
                        if (IsDoubleDash(t, wordStart, pos, cooked, word))
                        {
                            return pos;
                        }
                        if (blankOk || WordLength(wordStart, pos, cooked, word) > 0)
                        {
                            flags.Add(NewFlag(line, wordStart, pos, cooked, word));
                        }
                        word.Clear();
                        cooked = false;
                        blankOk = false;
                        continue;
                    }
                    if (!cooked && (ch == '\'' || ch == '"' || ch == '\\'))
                    {
                        cooked = true;
                        word.Append(t, wordStart, pos - wordStart);
                    }
                    if (ch == '\'' || ch == '"')
                    {
                        quote = ch;
                        blankOk = true;
                        phase = InQuote;
                        continue;
                    }
                    if (ch == '\\')
                    {
                        if (pos + 1 == to) continue;
                        pos++;
                        ch = t[pos];
                    }
                    if (cooked)
                    {
                        word.Append(ch);
                    }
                    continue;
                }
                // InQuote (always cooked)
                if (ch == quote)
                {
                    phase = InWord;
                    continue;
                }
                if (ch == '\\')
                {
                    if (pos + 1 == to)
                    {
                        phase = InWord;
                        continue;
                    }
                    pos++;
                    ch = t[pos];
                }
                word.Append(ch);
            }
            return to;
        }

        /// <summary>
        /// A word of BuildKit's parseWords at buffer [Start, End). Quotes and escapes are kept, so its value is its own
        /// text, only without an escape dropped at the very end: the first <see cref="ValueLength"/> characters.
        /// </summary>
        private readonly struct Word
        {
            public Word(int start, int end, int valueLength)
            {
                Start = start;
                End = end;
                ValueLength = valueLength;
            }

            public int Start { get; }
            public int End { get; }
            public int ValueLength { get; }

            public string Value(string buffer) => buffer.Substring(Start, ValueLength);
        }

        /// <summary>BuildKit's parseWords: split on spaces outside quotes, keeping quotes and escapes (in a scratch list).</summary>
        private List<Word> ParseWords(LogicalLine line, int from, int to)
        {
            const int InSpaces = 0, InWord = 1, InQuote = 2;
            string t = line.Buffer;
            char escape = _escape;
            var words = _words;
            words.Clear();
            int phase = InSpaces;
            int wordStart = from;
            int dropped = 0; // an escape as the last character is left out of the word
            char quote = '\0';
            bool blankOk = false;
            for (int pos = from; pos <= to; pos++)
            {
                if (phase == InWord)
                {
                    // Characters that are neither blank, quote nor escape are only part of the word: skip them.
                    while (pos < to && IsWordOnly(t[pos], escape)) pos++;
                }
                else if (phase == InQuote)
                {
                    while (pos < to && t[pos] is var c && c != quote && c != escape) pos++;
                }
                else
                {
                    // Spaces between words (a joined line's indents): skipped here, not one turn of the loop each.
                    while (pos < to && t[pos] == ' ') pos++;
                }
                char ch = pos < to ? t[pos] : '\0';
                if (phase == InSpaces)
                {
                    if (pos == to) break;
                    if (IsSpace(ch)) continue;
                    phase = InWord;
                    wordStart = pos;
                }
                if (pos == to)
                {
                    int length = pos - wordStart - dropped;
                    if (blankOk || length > 0)
                    {
                        words.Add(new Word(wordStart, pos, length));
                    }
                    break;
                }
                if (phase == InWord)
                {
                    if (IsSpace(ch))
                    {
                        phase = InSpaces;
                        if (blankOk || pos > wordStart)
                        {
                            words.Add(new Word(wordStart, pos, pos - wordStart));
                        }
                        blankOk = false;
                        continue;
                    }
                    if (ch == '\'' || ch == '"')
                    {
                        quote = ch;
                        blankOk = true;
                        phase = InQuote;
                    }
                    if (ch == escape)
                    {
                        if (pos + 1 == to)
                        {
                            dropped = 1;
                            continue;
                        }
                        pos++;
                    }
                    continue;
                }
                // InQuote
                if (ch == quote)
                {
                    phase = InWord;
                }
                if (ch == escape && quote != '\'')
                {
                    if (pos + 1 == to)
                    {
                        dropped = 1;
                        phase = InWord;
                        continue;
                    }
                    pos++;
                }
            }
            return words;
        }

        /// <summary>True when text[start, end) holds "&lt;&lt;"; a vectorised search for '&lt;' (a string search per RUN cost more).</summary>
        private static bool HasHeredocOperator(string text, int start, int end)
        {
            int at = start;
            while ((at = text.IndexOf('<', at, end - at)) >= 0 && at + 1 < end)
            {
                if (text[at + 1] == '<')
                {
                    return true;
                }
                at += 1;
            }
            return false;
        }

        /// <summary>
        /// BuildKit's parseStringsWhitespaceDelimited of the argument text [from, to): split on <c>[\t\v\f\r ]+</c>. A
        /// single word is the instruction's <see cref="InstructionSyntax.ArgumentText"/>, not a copy of it.
        /// </summary>
        private SyntaxToken[] SplitWhitespace(InstructionSyntax instruction, LogicalLine line, int from, int to)
        {
            if (to <= from)
            {
                return Array.Empty<SyntaxToken>();
            }
            string t = line.Buffer;
            var tokens = _tokenScratch;
            tokens.Clear();
            int pos = from;
            while (true)
            {
                int s = pos;
                while (pos < to && !IsSeparator(t[pos])) pos++;
                if (pos >= to && s == from)
                {
                    return new[] { instruction.ArgumentText };
                }
                tokens.Add(Token(line, s, pos));
                if (pos >= to) break;
                while (pos < to && IsSeparator(t[pos])) pos++;
                if (pos >= to)
                {
                    tokens.Add(Token(line, pos, pos)); // Go's Split keeps a trailing empty field
                    break;
                }
            }
            // Copied by hand: a few tokens, for which List.ToArray's generic copy cost more than the array.
            var split = new SyntaxToken[tokens.Count];
            for (int i = 0; i < split.Length; i++)
            {
                split[i] = tokens[i];
            }
            return split;
        }

        private void ParseMaybeJson(InstructionSyntax instruction, LogicalLine line, int from, int to, bool splitShellForm, bool isWholeArgumentText = true)
        {
            if (!splitShellForm && to <= from)
            {
                return;
            }
            string t = line.Buffer;
            var outcome = JsonArrayReader.MayStartArray(t, from, to) ? JsonArrayReader.Read(t, from, to, _jsonScratch) : JsonArrayReader.Outcome.NotJson;
            switch (outcome)
            {
                case JsonArrayReader.Outcome.StringArray:
                    instruction.IsJsonForm = true;
                    var elements = new SyntaxToken[_jsonScratch.Count];
                    for (int i = 0; i < elements.Length; i++)
                    {
                        var e = _jsonScratch[i];
                        elements[i] = new SyntaxToken(e.Value, line.Span(e.Start, e.End));
                    }
                    instruction.SetArguments(elements);
                    return;
                case JsonArrayReader.Outcome.NotStringArray:
                    Error(instruction, ParseDiagnosticCodes.SyntaxError, ParseDiagnosticCodes.NotStringArrayMessage, line.Span(from, to));
                    return;
                default:
                    instruction.SetArguments(splitShellForm
                        ? SplitWhitespace(instruction, line, from, to)
                        : new[] { isWholeArgumentText ? instruction.ArgumentText : Token(line, from, to) });
                    return;
            }
        }

        private void ParseNameValue(InstructionSyntax instruction, LogicalLine line, int from, int to)
        {
            string t = line.Buffer;
            var words = ParseWords(line, from, to);
            if (words.Count == 0)
            {
                return;
            }
            string keyword = instruction.Kind == InstructionKind.Env ? "ENV" : "LABEL";
            if (t.IndexOf('=', words[0].Start, words[0].ValueLength) < 0)
            {
                int k = from;
                while (k < to && !IsSeparator(t[k])) k++;
                if (k >= to)
                {
                    Error(instruction, ParseDiagnosticCodes.SyntaxError, string.Format(ParseDiagnosticCodes.NameValueMessage, keyword), line.Span(from, to));
                    return;
                }
                int v = k;
                while (v < to && IsSeparator(t[v])) v++;
                instruction.SetKeyValues(new[] { new KeyValueSyntax(Token(line, from, k), Token(line, v, to), isLegacyForm: true) });
                return;
            }
            var pairs = new KeyValueSyntax[words.Count];
            for (int i = 0; i < pairs.Length; i++)
            {
                var word = words[i];
                int eq = t.IndexOf('=', word.Start, word.ValueLength);
                if (eq < 0)
                {
                    Error(instruction, ParseDiagnosticCodes.SyntaxError, string.Format(ParseDiagnosticCodes.MissingEqualsMessage, word.Value(t)), line.Span(word.Start, word.End));
                    return;
                }
                var key = SyntaxToken.Slice(_source, line, word.Start, eq, eq - word.Start);
                var value = SyntaxToken.Slice(_source, line, eq + 1, word.End, word.Start + word.ValueLength - eq - 1);
                pairs[i] = new KeyValueSyntax(key, value, isLegacyForm: false);
            }
            instruction.SetKeyValues(pairs);
        }

        private void ParseHealthcheck(InstructionSyntax instruction, LogicalLine line, int from, int to)
        {
            string t = line.Buffer;
            int sep = from;
            while (sep < to && !IsSpace(t[sep])) sep++;
            int next = sep;
            while (next < to && IsSpace(t[next])) next++;
            if (sep == from)
            {
                return;
            }
            var type = Token(line, from, sep);
            ParseMaybeJson(instruction, line, next, to, splitShellForm: false, isWholeArgumentText: false);
            var command = instruction.Arguments;
            var args = new SyntaxToken[command.Count + 1];
            args[0] = type;
            for (int i = 0; i < command.Count; i++)
            {
                args[i + 1] = command[i];
            }
            instruction.SetArguments(args);
        }

        private void ReadHeredocs(InstructionSyntax instruction, LogicalLine line, int startLine)
        {
            var target = instruction.Kind == InstructionKind.Onbuild && instruction.OnbuildInstruction is not null
                ? instruction.OnbuildInstruction
                : instruction;
            if (target.Kind is not (InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add) || target.IsJsonForm)
            {
                return;
            }
            if (!HasHeredocOperator(line.Buffer, line.Start, line.End))
            {
                return;
            }
            var heredocs = HeredocWords.FromLine(line.Text, out string? error);
            if (error is not null)
            {
                Error(instruction, ParseDiagnosticCodes.InvalidHeredoc, error, instruction.KeywordSpan.Union(line.Span(line.Start, line.End)));
                return;
            }
            if (heredocs.Count == 0)
            {
                return;
            }
            foreach (var heredoc in heredocs)
            {
                int bodyStart = _position;
                int bodyStartLine = _currentLine + 1;
                int contentEnd = bodyStart; // the body's lines follow each other in the text: it is cut once
                bool terminated = false;
                while (ReadLine(out int s, out int ce, out int le))
                {
                    _currentLine++;
                    int ts = s;
                    if (heredoc.Chomp)
                    {
                        while (ts < ce && _text[ts] == '\t') ts++;
                    }
                    if (ce - ts == heredoc.Name.Length && string.CompareOrdinal(_text, ts, heredoc.Name, 0, heredoc.Name.Length) == 0)
                    {
                        terminated = true;
                        heredoc.BodySpan = TextSpan.FromBounds(bodyStart, s);
                        break;
                    }
                    contentEnd = le;
                }
                heredoc.Content = _text.Substring(bodyStart, contentEnd - bodyStart);
                heredoc.BodyStartLine = Math.Min(bodyStartLine, Math.Max(_currentLine, 1));
                heredoc.TerminatorLine = _currentLine;
                heredoc.IsTerminated = terminated;
                if (!terminated)
                {
                    heredoc.BodySpan = TextSpan.FromBounds(bodyStart, _text.Length);
                    Error(instruction, ParseDiagnosticCodes.UnterminatedHeredoc,
                        string.Format(ParseDiagnosticCodes.UnterminatedHeredocMessage, heredoc.Name),
                        instruction.KeywordSpan.Union(line.Span(line.Start, line.End)));
                }
            }
            instruction.Heredocs = heredocs;
            if (!ReferenceEquals(target, instruction))
            {
                target.Heredocs = heredocs;
            }
        }
    }
}
