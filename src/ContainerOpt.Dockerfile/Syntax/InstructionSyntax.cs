using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// One instruction as BuildKit's parser sees it, plus exact source spans. Continuation lines are
/// joined into <see cref="Original"/> exactly as BuildKit joins them.
/// </summary>
public sealed class InstructionSyntax
{
    internal InstructionSyntax(SyntaxToken keyword)
    {
        _keyword = keyword;
        KeywordSpan = keyword.Span;
        Kind = InstructionKinds.FromKeyword(keyword.Value);
    }

    /// <summary>An instruction whose keyword is <paramref name="keyword"/> (a keyword known in upper case) at <paramref name="span"/>.</summary>
    internal InstructionSyntax(string keyword, TextSpan span, InstructionKind kind)
    {
        _keyword = keyword;
        KeywordSpan = span;
        Kind = kind;
    }

    public InstructionKind Kind { get; }

    /// <summary>The keyword as written (<c>from</c>, <c>FROM</c>, <c>From</c>).</summary>
    public SyntaxToken Keyword => _keyword as SyntaxToken ?? MakeKeyword();

    // A keyword written in upper case (nearly all) is a shared string and its span, and its token is made only when asked
    // for: most readers want the span or the text (KeywordSpan, KeywordText), not a token object per instruction. One field
    // holds the string, or the token once made: a second field made every instruction 8 bytes larger (128, now 120).
    private object _keyword;

    private SyntaxToken MakeKeyword()
    {
        var seen = _keyword;
        if (seen is SyntaxToken made)
        {
            return made;
        }
        var token = new SyntaxToken((string)seen, KeywordSpan);
        // A racing reader may have made it first: then its token is the one kept.
        return Interlocked.CompareExchange(ref _keyword, token, seen) as SyntaxToken ?? token;
    }

    /// <summary><see cref="Keyword"/>'s value, without a token for it.</summary>
    public string KeywordText => _keyword as string ?? ((SyntaxToken)_keyword).Value;

    /// <summary><see cref="Keyword"/>'s span, without a token for it.</summary>
    public TextSpan KeywordSpan { get; }

    /// <summary>Builder flags in order. BuildKit takes flags off every instruction, even CMD.</summary>
    public ArrayView<InstructionFlag> Flags => _flags is { } flags ? new ArrayView<InstructionFlag>(flags) : default;

    // A field of its own, not a rare part: a quarter of the typical file's instructions have flags, and rules read them
    // of every instruction (a test of the rare field's type on each read cost more than the parts object it saved).
    private InstructionFlag[]? _flags;

    internal void SetFlags(InstructionFlag[]? flags) => _flags = flags is { Length: > 0 } ? flags : null;

    /// <summary>
    /// BuildKit's argument list: shell form = one string; JSON form = one per element; FROM, EXPOSE
    /// and shell-form ADD/COPY/VOLUME split on whitespace; ARG = its words; HEALTHCHECK = type then
    /// command. ENV and LABEL keep their pairs in <see cref="KeyValues"/> and leave this empty.
    /// </summary>
    public ArrayView<SyntaxToken> Arguments => _arguments is null ? default : new ArrayView<SyntaxToken>(_arguments);

    // The whole array: a view is made when asked for (half the size of a view field in every instruction).
    private SyntaxToken[]? _arguments;

    internal void SetArguments(SyntaxToken[] arguments) => _arguments = arguments;

    /// <summary>ENV and LABEL pairs.</summary>
    public ArrayView<KeyValueSyntax> KeyValues =>
        (_rare as KeyValueSyntax[] ?? (_rare as RareParts)?.KeyValues) is { } pairs ? new ArrayView<KeyValueSyntax>(pairs) : default;

    internal void SetKeyValues(KeyValueSyntax[] pairs)
    {
        if (_rare is null or KeyValueSyntax[])
        {
            _rare = pairs.Length > 0 ? pairs : null;
        }
        else if (pairs.Length > 0 || _rare is RareParts)
        {
            Rare.KeyValues = pairs;
        }
    }

    /// <summary>Everything after the keyword and flags, trimmed (BuildKit's "rest").</summary>
    public SyntaxToken ArgumentText => _argumentText ?? MakeArgumentText();

    // Made when first asked for, from the line and the bounds the instruction keeps anyway: the parser itself takes it
    // only as the one argument of a shell form, and few readers ask for it of a JSON form, ENV, LABEL or a split FROM/COPY.
    private SyntaxToken? _argumentText;
    private int _argumentEnd;

    private SyntaxToken MakeArgumentText()
    {
        int length = _argumentEnd - _argumentStart;
        // The bounds lie in the line, so the text is the source's (or the joined line's) characters under the span.
        var token = _lineOrSource switch
        {
            SourceText source => SyntaxToken.Lazy(length == 0 ? "" : source,
                LogicalLine.ContiguousSpan(_lineStart, _lineLength, _argumentStart, _argumentEnd)),
            LogicalLine line => SyntaxToken.Lazy(length == 0 ? "" : line, line.Span(_argumentStart, _argumentEnd)),
            _ => SyntaxToken.Empty, // an instruction the model made (the implicit stage's FROM)
        };
        return Interlocked.CompareExchange(ref _argumentText, token, null) ?? token;
    }

    /// <summary>True when the arguments are a JSON array (exec form).</summary>
    public bool IsJsonForm { get; internal set; }

    /// <summary>For ONBUILD, the instruction it wraps.</summary>
    public InstructionSyntax? OnbuildInstruction
    {
        get => (_rare as RareParts)?.OnbuildInstruction;
        internal set { if (value is not null || _rare is RareParts) Rare.OnbuildInstruction = value; }
    }

    public IReadOnlyList<HeredocSyntax> Heredocs
    {
        get => (_rare as RareParts)?.Heredocs ?? Array.Empty<HeredocSyntax>();
        internal set { if (value.Count > 0 || _rare is RareParts) Rare.Heredocs = value; }
    }

    /// <summary>The logical line: continuation characters and comment lines removed, as BuildKit keeps it.</summary>
    public string Original
    {
        // Few readers ask for it (once cut, it is kept with the rare parts).
        get => (_rare as RareParts)?.Original ?? (Rare.Original = _lineOrSource switch
        {
            LogicalLine line => line.Text,
            SourceText source => source.Text.Substring(_lineStart, _lineLength),
            _ => "",
        });
        internal set => Rare.Original = value;
    }

    // The joined line (a continued instruction) or the source (a one-line one, at _lineStart): one field for either.
    private object? _lineOrSource;
    private int _lineStart;
    private int _lineLength;

    /// <summary>What few instructions have (pairs, ONBUILD, heredocs, the line cut), kept apart so most instructions stay small.</summary>
    private sealed class RareParts
    {
        public KeyValueSyntax[]? KeyValues;
        public InstructionSyntax? OnbuildInstruction;
        public IReadOnlyList<HeredocSyntax> Heredocs = Array.Empty<HeredocSyntax>();
        public IReadOnlyList<int> EmptyContinuationLines = Array.Empty<int>();
        public string? Original;
    }

    // Null, or the pairs alone (a KeyValueSyntax[]), or RareParts for anything more: an ENV or LABEL is common, and its
    // one array needs no parts object around it. The element type is sealed, so the type test is one compare.
    private object? _rare;

    /// <summary>The rare parts, made (holding the array kept alone so far) when a second part or a rarer one is set.</summary>
    private RareParts Rare
    {
        get
        {
            switch (_rare)
            {
                case RareParts parts:
                    return parts;
                case KeyValueSyntax[] pairs:
                    return (RareParts)(_rare = new RareParts { KeyValues = pairs });
                default:
                    return (RareParts)(_rare = new RareParts());
            }
        }
    }

    private int _argumentStart = -1;

    /// <summary>
    /// Keeps the line and the bounds of the argument text, buffer characters [start, end) of <paramref name="line"/>, so
    /// <see cref="Original"/> and <see cref="ArgumentText"/> are only made when asked for.
    /// </summary>
    internal void SetArgumentText(SourceText source, LogicalLine line, int start, int end)
    {
        if (line.IsContiguous)
        {
            // One piece of the source: offsets in it are offsets in the source, so the line object need not be kept
            // (one fewer object per instruction, which a file of 300,000 instructions paid for in memory).
            _lineOrSource = source;
            _lineStart = line.Start;
            _lineLength = line.End - line.Start;
        }
        else
        {
            _lineOrSource = line;
        }
        _argumentStart = start;
        _argumentEnd = end;
    }

    /// <summary>
    /// The source span of characters [offset, offset+length) of <see cref="ArgumentText"/>'s value,
    /// across continuation lines (a shell command's word in a multi-line RUN maps to where it stands).
    /// </summary>
    public Text.TextSpan MapArgumentText(int offset, int length)
    {
        if (_lineOrSource is null || _argumentStart < 0)
        {
            return ArgumentText.Span;
        }
        int max = _argumentEnd - _argumentStart; // ArgumentText's length, without cutting it
        offset = Math.Max(0, Math.Min(offset, max));
        int end = Math.Max(offset, Math.Min(offset + length, max));
        return _lineOrSource is LogicalLine line
            ? line.Span(_argumentStart + offset, _argumentStart + end)
            : LogicalLine.ContiguousSpan(_lineStart, _lineLength, _argumentStart + offset, _argumentStart + end);
    }

    /// <summary>First physical line (1-based).</summary>
    public int StartLine { get; internal set; }

    /// <summary>Last physical line (1-based), heredoc bodies and terminators included.</summary>
    public int EndLine { get; internal set; }

    /// <summary>From the keyword's first character to the end of the last line's content.</summary>
    public TextSpan Span { get; internal set; }

    /// <summary>Comment lines directly above the instruction (text after '#', trimmed).</summary>
    public IReadOnlyList<string> PrecedingComments
    {
        get => _precedingComments ?? Array.Empty<string>();
        internal set => _precedingComments = value.Count > 0 ? value : null;
    }

    // Its own field, not a rare part: in a commented file most instructions have a comment above them.
    private IReadOnlyList<string>? _precedingComments;

    /// <summary>Physical lines inside the continuation that were empty (BuildKit's NoEmptyContinuation).</summary>
    public IReadOnlyList<int> EmptyContinuationLines
    {
        get => (_rare as RareParts)?.EmptyContinuationLines ?? Array.Empty<int>();
        internal set { if (value.Count > 0 || _rare is RareParts) Rare.EmptyContinuationLines = value; }
    }

    /// <summary>True when the parser reported an error for this instruction.</summary>
    public bool HasErrors { get; internal set; }

    /// <summary>The instruction that runs: itself, or for ONBUILD the wrapped one.</summary>
    public InstructionSyntax Effective => OnbuildInstruction ?? this;

    public InstructionFlag? FindFlag(string name)
    {
        var flags = Flags;
        for (int i = 0; i < flags.Count; i++)
        {
            if (string.Equals(flags[i].Name, name, StringComparison.Ordinal))
            {
                return flags[i];
            }
        }
        return null;
    }

    public override string ToString() => Original;
}
