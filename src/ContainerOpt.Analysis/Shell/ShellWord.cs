namespace ContainerOpt.Analysis.Shell;

/// <summary>A word of a shell command: its value with quotes and escapes removed (variables not expanded).</summary>
/// <remarks>
/// Every word of every RUN is one of these, so it is kept small: a word written as its own value (no quotes, no
/// escapes: most words) holds one string and fits 32 bytes; only a quoted or escaped word carries its raw text
/// too (<see cref="Of"/> picks). The two flags share a field with <see cref="End"/>: a script is a .NET string, whose
/// length never needs more than 30 bits.
/// </remarks>
public class ShellWord
{
    private const int ExpansionBit = 1 << 30;
    private const int QuotedBit = 1 << 31;
    private const int OffsetMask = ExpansionBit - 1;

    private readonly int _start;
    private readonly int _endAndFlags;

    private ShellWord(string value, int start, int end, bool hasExpansion, bool isQuoted)
    {
        Value = value;
        _start = start;
        _endAndFlags = (end & OffsetMask) | (hasExpansion ? ExpansionBit : 0) | (isQuoted ? QuotedBit : 0);
    }

    /// <summary>A word; <paramref name="raw"/> is kept apart only when it is not the value itself.</summary>
    public static ShellWord Of(string value, string raw, int start, int end, bool hasExpansion, bool isQuoted) =>
        ReferenceEquals(value, raw) || value == raw
            ? new ShellWord(value, start, end, hasExpansion, isQuoted)
            : new Written(value, raw, start, end, hasExpansion, isQuoted);

    /// <summary>A word whose text in the script differs from its value.</summary>
    private sealed class Written : ShellWord
    {
        public Written(string value, string raw, int start, int end, bool hasExpansion, bool isQuoted)
            : base(value, start, end, hasExpansion, isQuoted)
        {
            RawText = raw;
        }

        public string RawText { get; }
    }

    /// <summary>Unquoted, unescaped text (<c>"foo bar"</c> gives <c>foo bar</c>); <c>$x</c> stays as written.</summary>
    public string Value { get; }

    /// <summary>The word exactly as in the script.</summary>
    public string Raw => this is Written written ? written.RawText : Value;

    /// <summary>Offset of the first character in the script text.</summary>
    public int Start => _start;

    /// <summary>Offset just past the last character in the script text.</summary>
    public int End => _endAndFlags & OffsetMask;

    /// <summary>True when the word holds an unquoted or double-quoted <c>$</c> expansion or a command substitution.</summary>
    public bool HasExpansion => (_endAndFlags & ExpansionBit) != 0;

    public bool IsQuoted => (_endAndFlags & QuotedBit) != 0;

    /// <summary>True for <c>-x</c>, <c>-xyz</c>, <c>--long</c>, <c>--long=value</c> (not <c>-</c> or <c>--</c>).</summary>
    public bool IsFlag => Value.Length > 1 && Value[0] == '-' && Value != "--";

    public override string ToString() => Value;
}
