using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>A builder flag such as <c>--from=build</c>, <c>--link</c> or <c>--mount=type=cache,target=/root/.nuget</c>.</summary>
public sealed class InstructionFlag
{
    private string? _name;
    private string? _value;
    private bool _split;

    public InstructionFlag(string raw, TextSpan span)
    {
        Raw = raw;
        Span = span;
    }

    // Name and value are cut from Raw on first use: most flags are only ever looked up by name once.
    private void Split()
    {
        if (_split) return;
        int start = Raw.StartsWith("--", StringComparison.Ordinal) ? 2 : 0;
        int eq = Raw.IndexOf('=', start);
        _name = eq < 0 ? Raw.Substring(start) : Raw.Substring(start, eq - start);
        _value = eq < 0 ? null : Raw.Substring(eq + 1);
        _split = true;
    }

    /// <summary>The flag as BuildKit sees it: unquoted, with its leading dashes (<c>--from=build</c>).</summary>
    public string Raw { get; }

    /// <summary>The name without dashes, as written (<c>from</c>).</summary>
    public string Name
    {
        get
        {
            Split();
            return _name!;
        }
    }

    /// <summary>The value after '=', or null for a bare flag (<c>--link</c>).</summary>
    public string? Value
    {
        get
        {
            Split();
            return _value;
        }
    }

    /// <summary>The whole flag in the source, dashes to last character.</summary>
    public TextSpan Span { get; }

    public override string ToString() => Raw;
}
