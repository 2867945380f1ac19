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
        Keyword = keyword;
        Kind = InstructionKinds.FromKeyword(keyword.Value);
    }

    public InstructionKind Kind { get; }

    /// <summary>The keyword as written (<c>from</c>, <c>FROM</c>, <c>From</c>).</summary>
    public SyntaxToken Keyword { get; }

    /// <summary>Builder flags in order. BuildKit takes flags off every instruction, even CMD.</summary>
    public IReadOnlyList<InstructionFlag> Flags { get; internal set; } = Array.Empty<InstructionFlag>();

    /// <summary>
    /// BuildKit's argument list: shell form = one string; JSON form = one per element; FROM, EXPOSE
    /// and shell-form ADD/COPY/VOLUME split on whitespace; ARG = its words; HEALTHCHECK = type then
    /// command. ENV and LABEL keep their pairs in <see cref="KeyValues"/> and leave this empty.
    /// </summary>
    public IReadOnlyList<SyntaxToken> Arguments { get; internal set; } = Array.Empty<SyntaxToken>();

    /// <summary>ENV and LABEL pairs.</summary>
    public IReadOnlyList<KeyValueSyntax> KeyValues { get; internal set; } = Array.Empty<KeyValueSyntax>();

    /// <summary>Everything after the keyword and flags, trimmed (BuildKit's "rest").</summary>
    public SyntaxToken ArgumentText { get; internal set; } = SyntaxToken.Empty;

    /// <summary>True when the arguments are a JSON array (exec form).</summary>
    public bool IsJsonForm { get; internal set; }

    /// <summary>For ONBUILD, the instruction it wraps.</summary>
    public InstructionSyntax? OnbuildInstruction { get; internal set; }

    public IReadOnlyList<HeredocSyntax> Heredocs { get; internal set; } = Array.Empty<HeredocSyntax>();

    /// <summary>The logical line: continuation characters and comment lines removed, as BuildKit keeps it.</summary>
    public string Original
    {
        get => _original ??= _line?.Text ?? "";
        internal set => _original = value;
    }

    private string? _original;
    private LogicalLine? _line;

    private int _argumentStart = -1;

    /// <summary>Keeps the joined line so <see cref="Original"/> is only cut when asked for.</summary>
    internal void SetLine(LogicalLine line) => _line = line;

    internal void SetArgumentStart(LogicalLine line, int bufferIndex)
    {
        _line = line;
        _argumentStart = bufferIndex;
    }

    /// <summary>
    /// The source span of characters [offset, offset+length) of <see cref="ArgumentText"/>'s value,
    /// across continuation lines (a shell command's word in a multi-line RUN maps to where it stands).
    /// </summary>
    public Text.TextSpan MapArgumentText(int offset, int length)
    {
        if (_line is null || _argumentStart < 0)
        {
            return ArgumentText.Span;
        }
        int max = ArgumentText.Value.Length;
        offset = Math.Max(0, Math.Min(offset, max));
        int end = Math.Max(offset, Math.Min(offset + length, max));
        return _line.Span(_argumentStart + offset, _argumentStart + end);
    }

    /// <summary>First physical line (1-based).</summary>
    public int StartLine { get; internal set; }

    /// <summary>Last physical line (1-based), heredoc bodies and terminators included.</summary>
    public int EndLine { get; internal set; }

    /// <summary>From the keyword's first character to the end of the last line's content.</summary>
    public TextSpan Span { get; internal set; }

    /// <summary>Comment lines directly above the instruction (text after '#', trimmed).</summary>
    public IReadOnlyList<string> PrecedingComments { get; internal set; } = Array.Empty<string>();

    /// <summary>Physical lines inside the continuation that were empty (BuildKit's NoEmptyContinuation).</summary>
    public IReadOnlyList<int> EmptyContinuationLines { get; internal set; } = Array.Empty<int>();

    /// <summary>True when the parser reported an error for this instruction.</summary>
    public bool HasErrors { get; internal set; }

    /// <summary>The instruction that runs: itself, or for ONBUILD the wrapped one.</summary>
    public InstructionSyntax Effective => OnbuildInstruction ?? this;

    public InstructionFlag? FindFlag(string name)
    {
        foreach (var flag in Flags)
        {
            if (string.Equals(flag.Name, name, StringComparison.Ordinal))
            {
                return flag;
            }
        }
        return null;
    }

    public override string ToString() => Original;
}
