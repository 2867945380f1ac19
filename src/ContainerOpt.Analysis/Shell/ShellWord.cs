namespace ContainerOpt.Analysis.Shell;

/// <summary>A word of a shell command: its value with quotes and escapes removed (variables not expanded).</summary>
public sealed class ShellWord
{
    public ShellWord(string value, string raw, int start, int end, bool hasExpansion, bool isQuoted)
    {
        Value = value;
        Raw = raw;
        Start = start;
        End = end;
        HasExpansion = hasExpansion;
        IsQuoted = isQuoted;
    }

    /// <summary>Unquoted, unescaped text (<c>"foo bar"</c> gives <c>foo bar</c>); <c>$x</c> stays as written.</summary>
    public string Value { get; }

    /// <summary>The word exactly as in the script.</summary>
    public string Raw { get; }

    /// <summary>Offset of the first character in the script text.</summary>
    public int Start { get; }

    /// <summary>Offset just past the last character in the script text.</summary>
    public int End { get; }

    /// <summary>True when the word holds an unquoted or double-quoted <c>$</c> expansion or a command substitution.</summary>
    public bool HasExpansion { get; }

    public bool IsQuoted { get; }

    /// <summary>True for <c>-x</c>, <c>-xyz</c>, <c>--long</c>, <c>--long=value</c> (not <c>-</c> or <c>--</c>).</summary>
    public bool IsFlag => Value.Length > 1 && Value[0] == '-' && Value != "--";

    public override string ToString() => Value;
}
