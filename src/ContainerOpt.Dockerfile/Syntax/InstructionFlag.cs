using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>A builder flag such as <c>--from=build</c>, <c>--link</c> or <c>--mount=type=cache,target=/root/.nuget</c>.</summary>
public sealed class InstructionFlag
{
    public InstructionFlag(string raw, TextSpan span)
    {
        Raw = raw;
        Span = span;
        string body = raw.StartsWith("--", StringComparison.Ordinal) ? raw.Substring(2) : raw;
        int eq = body.IndexOf('=');
        Name = eq < 0 ? body : body.Substring(0, eq);
        Value = eq < 0 ? null : body.Substring(eq + 1);
    }

    /// <summary>The flag as BuildKit sees it: unquoted, with its leading dashes (<c>--from=build</c>).</summary>
    public string Raw { get; }

    /// <summary>The name without dashes, as written (<c>from</c>).</summary>
    public string Name { get; }

    /// <summary>The value after '=', or null for a bare flag (<c>--link</c>).</summary>
    public string? Value { get; }

    /// <summary>The whole flag in the source, dashes to last character.</summary>
    public TextSpan Span { get; }

    public override string ToString() => Raw;
}
