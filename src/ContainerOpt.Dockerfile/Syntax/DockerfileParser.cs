using System.Text;
using System.Text.RegularExpressions;
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

    public static DockerfileSyntax Parse(SourceText source) => new Run(source).Execute();

    /// <summary>The state of one parse; BuildKit's scanner loop with positions.</summary>
    private sealed class Run
    {
        // Go's regexp \s is [\t\n\f\r ]; .NET's is wider, so the classes are spelled out.
        private static readonly Regex DirectivePattern = new(
            @"^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+?)[\t\n\f\r ]*\z",
            RegexOptions.CultureInvariant);

        private static readonly HashSet<string> KnownDirectives = new(StringComparer.Ordinal) { "escape", "syntax", "check" };

        private readonly SourceText _source;
        private readonly string _text;
        private readonly List<InstructionSyntax> _instructions = new();
        private readonly List<ParserDirective> _directives = new();
        private readonly List<CommentSyntax> _comments = new();
        private readonly List<ParseDiagnostic> _diagnostics = new();
        private readonly HashSet<string> _seenDirectives = new(StringComparer.Ordinal);
        private readonly List<JsonArrayReader.Element> _jsonScratch = new();
        private bool _directivesDone;
        private char _escape = '\\';
        private int _position;
        private int _currentLine;

        public Run(SourceText source)
        {
            _source = source;
            _text = source.Text;
        }

        public DockerfileSyntax Execute()
        {
            var pendingComments = new List<string>();
            while (ReadLine(out int start, out int contentEnd, out _))
            {
                int lineNumber = ++_currentLine;
                int trimmed = SkipSpace(start, contentEnd);
                bool isDirective = CheckDirective(trimmed, contentEnd, lineNumber);
                if (trimmed < contentEnd && _text[trimmed] == '#')
                {
                    if (!isDirective)
                    {
                        string comment = _text.Substring(trimmed + 1, contentEnd - trimmed - 1).Trim();
                        _comments.Add(new CommentSyntax(comment, lineNumber, TextSpan.FromBounds(trimmed, contentEnd)));
                        if (comment.Length == 0)
                        {
                            pendingComments.Clear();
                        }
                        else
                        {
                            pendingComments.Add(comment);
                        }
                    }
                    continue;
                }

                bool continues = TrimContinuation(trimmed, contentEnd, out int firstEnd);
                if (!continues && firstEnd == trimmed)
                {
                    // A blank line ends a description comment block (see InvalidDefinitionDescription).
                    pendingComments.Clear();
                    continue;
                }

                int startLine = lineNumber;
                var logical = new LogicalLine(_text, trimmed);
                logical.Append(trimmed, firstEnd);
                List<int>? emptyLines = null;
                while (continues && ReadLine(out int s, out int ce, out _))
                {
                    int n = ++_currentLine;
                    CheckDirective(s, ce, n);
                    int t = SkipSpace(s, ce);
                    if (t < ce && _text[t] == '#')
                    {
                        _comments.Add(new CommentSyntax(_text.Substring(t + 1, ce - t - 1).Trim(), n, TextSpan.FromBounds(t, ce)));
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

                var instruction = ParseInstruction(logical, logical.Start, logical.End);
                instruction.SetLine(logical);
                instruction.StartLine = startLine;
                instruction.PrecedingComments = pendingComments.Count == 0 ? Array.Empty<string>() : pendingComments.ToArray();
                instruction.EmptyContinuationLines = emptyLines is null ? Array.Empty<int>() : emptyLines.ToArray();
                ReadHeredocs(instruction, logical, startLine);
                instruction.EndLine = _currentLine;
                int spanStart = instruction.Keyword.Span.Start;
                int spanEnd = Math.Max(spanStart, _source.GetLineContentEnd(_currentLine));
                instruction.Span = TextSpan.FromBounds(spanStart, spanEnd);
                _instructions.Add(instruction);
                pendingComments.Clear();
            }

            if (_instructions.Count == 0)
            {
                _diagnostics.Add(new ParseDiagnostic(
                    ParseDiagnosticCodes.EmptyFile, ParseSeverity.Error, ParseDiagnosticCodes.EmptyFileMessage,
                    new TextSpan(_text.Length, 0), failsBuildKitParse: true));
            }

            return new DockerfileSyntax(_source, _instructions, _directives, _comments, _diagnostics, _escape);
        }

        /// <summary>One physical line: BuildKit's scanner splits at '\n' and trims trailing "\r\n" characters.</summary>
        private bool ReadLine(out int start, out int contentEnd, out int lineEnd)
        {
            start = _position;
            if (_position >= _text.Length)
            {
                contentEnd = lineEnd = _position;
                return false;
            }
            int nl = _text.IndexOf('\n', _position);
            lineEnd = nl < 0 ? _text.Length : nl + 1;
            contentEnd = lineEnd;
            while (contentEnd > start && (_text[contentEnd - 1] == '\n' || _text[contentEnd - 1] == '\r'))
            {
                contentEnd--;
            }
            _position = lineEnd;
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
        private bool CheckDirective(int start, int end, int lineNumber)
        {
            if (_directivesDone)
            {
                return false;
            }
            var match = DirectivePattern.Match(_text.Substring(start, end - start));
            if (!match.Success)
            {
                _directivesDone = true;
                return false;
            }
            string name = match.Groups[1].Value.ToLowerInvariant();
            if (!KnownDirectives.Contains(name))
            {
                _directivesDone = true;
                return false;
            }
            var span = TextSpan.FromBounds(start, end);
            var valueGroup = match.Groups[2];
            var valueSpan = new TextSpan(start + valueGroup.Index, valueGroup.Length);
            if (!_seenDirectives.Add(name))
            {
                _diagnostics.Add(new ParseDiagnostic(ParseDiagnosticCodes.InvalidDirective, ParseSeverity.Error,
                    string.Format(ParseDiagnosticCodes.DuplicateDirectiveMessage, name), span, failsBuildKitParse: true));
                return true;
            }
            if (name == "escape")
            {
                if (valueGroup.Value == "`" || valueGroup.Value == "\\")
                {
                    _escape = valueGroup.Value[0];
                }
                else
                {
                    _diagnostics.Add(new ParseDiagnostic(ParseDiagnosticCodes.InvalidDirective, ParseSeverity.Error,
                        string.Format(ParseDiagnosticCodes.InvalidEscapeMessage, valueGroup.Value), valueSpan, failsBuildKitParse: true));
                }
            }
            _directives.Add(new ParserDirective(name, valueGroup.Value, lineNumber, span, valueSpan));
            return true;
        }

        private static bool IsSpace(char c) => char.IsWhiteSpace(c);

        private static bool IsDoubleDash(StringBuilder word) => word.Length == 2 && word[0] == '-' && word[1] == '-';

        /// <summary>BuildKit's reWhitespace: <c>[\t\v\f\r ]</c>.</summary>
        private static bool IsSeparator(char c) => c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';

        /// <summary>The keyword: as written, but one shared string for each keyword written in upper case (nearly all of them).</summary>
        private static SyntaxToken KeywordToken(LogicalLine line, int start, int end) =>
            InstructionKinds.UpperCaseKeyword(line.Buffer, start, end - start) is { } keyword
                ? new SyntaxToken(keyword, line.Span(start, end))
                : Token(line, start, end);

        private static SyntaxToken Token(LogicalLine line, int start, int end) =>
            new(line.Buffer, start, end - start, line.Span(start, end));

        private void Error(InstructionSyntax instruction, string code, string message, TextSpan span, bool failsBuildKit = true)
        {
            instruction.HasErrors = true;
            _diagnostics.Add(new ParseDiagnostic(code, ParseSeverity.Error, message, span, failsBuildKit));
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

            var instruction = new InstructionSyntax(KeywordToken(line, a, k));
            int rest = k;
            while (rest < b && IsSeparator(t[rest])) rest++;
            List<InstructionFlag>? flags = null;
            int argsStart = rest < b ? ExtractFlags(line, rest, b, out flags) : b;
            instruction.Flags = flags ?? (IReadOnlyList<InstructionFlag>)Array.Empty<InstructionFlag>();
            while (argsStart < b && IsSpace(t[argsStart])) argsStart++;
            int argsEnd = b;
            instruction.ArgumentText = Token(line, argsStart, argsEnd);
            instruction.SetArgumentStart(line, argsStart);

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
                    instruction.Arguments = ParseWords(line, argsStart, argsEnd).Select(w => new SyntaxToken(w.Value, line.Span(w.Start, w.End))).ToArray();
                    break;
                case InstructionKind.Env:
                case InstructionKind.Label:
                    ParseNameValue(instruction, line, argsStart, argsEnd);
                    break;
                case InstructionKind.Expose:
                case InstructionKind.From:
                    instruction.Arguments = SplitWhitespace(line, argsStart, argsEnd);
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
                        instruction.Arguments = new[] { Token(line, argsStart, argsEnd) };
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
        private int ExtractFlags(LogicalLine line, int from, int to, out List<InstructionFlag>? flags)
        {
            const int InSpaces = 0, InWord = 1, InQuote = 2;
            string t = line.Buffer;
            flags = null;
            int phase = InSpaces;
            StringBuilder? word = null; // most instructions have no flags: allocate on the first
            int wordStart = from;
            char quote = '\0';
            bool blankOk = false;
            for (int pos = from; pos <= to; pos++)
            {
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
                    word ??= new StringBuilder();
                }
                if (word is null)
                {
                    break;
                }
                if (pos == to)
                {
                    if (!IsDoubleDash(word) && (blankOk || word.Length > 0))
                    {
                        (flags ??= new()).Add(new InstructionFlag(word.ToString(), line.Span(wordStart, pos)));
                    }
                    break;
                }
                if (phase == InWord)
                {
                    if (IsSpace(ch))
                    {
                        phase = InSpaces;
                        if (IsDoubleDash(word))
                        {
                            return pos;
                        }
                        if (blankOk || word.Length > 0)
                        {
                            (flags ??= new()).Add(new InstructionFlag(word.ToString(), line.Span(wordStart, pos)));
                        }
                        word.Clear();
                        blankOk = false;
                        continue;
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
                    word.Append(ch);
                    continue;
                }
                // InQuote
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

        private readonly struct Word
        {
            public Word(string value, int start, int end)
            {
                Value = value;
                Start = start;
                End = end;
            }

            public string Value { get; }
            public int Start { get; }
            public int End { get; }
        }

        /// <summary>BuildKit's parseWords: split on spaces outside quotes, keeping quotes and escapes.</summary>
        private List<Word> ParseWords(LogicalLine line, int from, int to)
        {
            const int InSpaces = 0, InWord = 1, InQuote = 2;
            string t = line.Buffer;
            var words = new List<Word>();
            int phase = InSpaces;
            var word = new StringBuilder();
            int wordStart = from;
            char quote = '\0';
            bool blankOk = false;
            for (int pos = from; pos <= to; pos++)
            {
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
                    if (blankOk || word.Length > 0)
                    {
                        words.Add(new Word(word.ToString(), wordStart, pos));
                    }
                    break;
                }
                if (phase == InWord)
                {
                    if (IsSpace(ch))
                    {
                        phase = InSpaces;
                        if (blankOk || word.Length > 0)
                        {
                            words.Add(new Word(word.ToString(), wordStart, pos));
                        }
                        word.Clear();
                        blankOk = false;
                        continue;
                    }
                    if (ch == '\'' || ch == '"')
                    {
                        quote = ch;
                        blankOk = true;
                        phase = InQuote;
                    }
                    if (ch == _escape)
                    {
                        if (pos + 1 == to) continue;
                        word.Append(ch);
                        pos++;
                        ch = t[pos];
                    }
                    word.Append(ch);
                    continue;
                }
                // InQuote
                if (ch == quote)
                {
                    phase = InWord;
                }
                if (ch == _escape && quote != '\'')
                {
                    if (pos + 1 == to)
                    {
                        phase = InWord;
                        continue;
                    }
                    pos++;
                    word.Append(ch);
                    ch = t[pos];
                }
                word.Append(ch);
            }
            return words;
        }

        /// <summary>BuildKit's parseStringsWhitespaceDelimited: split on <c>[\t\v\f\r ]+</c>.</summary>
        private IReadOnlyList<SyntaxToken> SplitWhitespace(LogicalLine line, int from, int to)
        {
            if (to <= from)
            {
                return Array.Empty<SyntaxToken>();
            }
            string t = line.Buffer;
            var tokens = new List<SyntaxToken>();
            int pos = from;
            while (true)
            {
                int s = pos;
                while (pos < to && !IsSeparator(t[pos])) pos++;
                tokens.Add(Token(line, s, pos));
                if (pos >= to) break;
                while (pos < to && IsSeparator(t[pos])) pos++;
                if (pos >= to)
                {
                    tokens.Add(Token(line, pos, pos)); // Go's Split keeps a trailing empty field
                    break;
                }
            }
            return tokens;
        }

        private void ParseMaybeJson(InstructionSyntax instruction, LogicalLine line, int from, int to, bool splitShellForm, bool isWholeArgumentText = true)
        {
            if (!splitShellForm && to <= from)
            {
                return;
            }
            switch (JsonArrayReader.Read(line.Buffer, from, to, _jsonScratch))
            {
                case JsonArrayReader.Outcome.StringArray:
                    instruction.IsJsonForm = true;
                    instruction.Arguments = _jsonScratch.Select(e => new SyntaxToken(e.Value, line.Span(e.Start, e.End))).ToArray();
                    return;
                case JsonArrayReader.Outcome.NotStringArray:
                    Error(instruction, ParseDiagnosticCodes.SyntaxError, ParseDiagnosticCodes.NotStringArrayMessage, line.Span(from, to));
                    return;
                default:
                    var whole = isWholeArgumentText ? instruction.ArgumentText : Token(line, from, to);
                    instruction.Arguments = splitShellForm ? SplitWhitespace(line, from, to) : new[] { whole };
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
            if (!words[0].Value.Contains('='))
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
                instruction.KeyValues = new[] { new KeyValueSyntax(Token(line, from, k), Token(line, v, to), isLegacyForm: true) };
                return;
            }
            var pairs = new List<KeyValueSyntax>(words.Count);
            foreach (var word in words)
            {
                int eq = word.Value.IndexOf('=');
                if (eq < 0)
                {
                    Error(instruction, ParseDiagnosticCodes.SyntaxError, string.Format(ParseDiagnosticCodes.MissingEqualsMessage, word.Value), line.Span(word.Start, word.End));
                    return;
                }
                var key = new SyntaxToken(word.Value.Substring(0, eq), line.Span(word.Start, word.Start + eq));
                var value = new SyntaxToken(word.Value.Substring(eq + 1), line.Span(word.Start + eq + 1, word.End));
                pairs.Add(new KeyValueSyntax(key, value, isLegacyForm: false));
            }
            instruction.KeyValues = pairs;
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
            var args = new List<SyntaxToken>(instruction.Arguments.Count + 1) { type };
            args.AddRange(instruction.Arguments);
            instruction.Arguments = args;
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
            if (line.Buffer.IndexOf("<<", line.Start, line.End - line.Start, StringComparison.Ordinal) < 0)
            {
                return;
            }
            var heredocs = HeredocWords.FromLine(line.Text, out string? error);
            if (error is not null)
            {
                Error(instruction, ParseDiagnosticCodes.InvalidHeredoc, error, instruction.Keyword.Span.Union(line.Span(line.Start, line.End)));
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
                var content = new StringBuilder();
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
                    content.Append(_text, s, le - s);
                }
                heredoc.Content = content.ToString();
                heredoc.BodyStartLine = Math.Min(bodyStartLine, Math.Max(_currentLine, 1));
                heredoc.TerminatorLine = _currentLine;
                heredoc.IsTerminated = terminated;
                if (!terminated)
                {
                    heredoc.BodySpan = TextSpan.FromBounds(bodyStart, _text.Length);
                    Error(instruction, ParseDiagnosticCodes.UnterminatedHeredoc,
                        string.Format(ParseDiagnosticCodes.UnterminatedHeredocMessage, heredoc.Name),
                        instruction.Keyword.Span.Union(line.Span(line.Start, line.End)));
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
