using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>A builder flag such as <c>--from=build</c>, <c>--link</c> or <c>--mount=type=cache,target=/root/.nuget</c>.</summary>
public sealed class InstructionFlag
{
    // The flag as written, or what it is cut from when first asked (see LazyText): most flags are only ever looked up by
    // name, and a name some instruction takes is a shared string, so most flags never copy their characters but the value's.
    private object _raw;
    private string? _name;
    private string? _value;

    public InstructionFlag(string raw, TextSpan span)
    {
        _raw = raw;
        Span = span;
    }

    internal InstructionFlag(object raw, TextSpan span)
    {
        _raw = raw;
        Span = span;
    }

    // Name and value are cut on first use (the name marks it done: a bare flag has no value).
    private void Split()
    {
        string text = LazyText.Locate(_raw, Span, out int start, out int length);
        int end = start + length;
        int nameStart = length >= 2 && text[start] == '-' && text[start + 1] == '-' ? start + 2 : start;
        int eq = text.IndexOf('=', nameStart, end - nameStart);
        int nameEnd = eq < 0 ? end : eq;
        _value = eq < 0 ? null : text.Substring(eq + 1, end - eq - 1);
        Volatile.Write(ref _name, InstructionFlags.KnownName(text, nameStart, nameEnd - nameStart) ?? text.Substring(nameStart, nameEnd - nameStart));
    }

    /// <summary>The flag as BuildKit sees it: unquoted, with its leading dashes (<c>--from=build</c>).</summary>
    public string Raw => _raw as string ?? (string)(_raw = LazyText.Cut(_raw, Span));

    /// <summary>The name without dashes, as written (<c>from</c>).</summary>
    public string Name
    {
        get
        {
            if (Volatile.Read(ref _name) is null) Split();
            return _name!;
        }
    }

    /// <summary>The value after '=', or null for a bare flag (<c>--link</c>).</summary>
    public string? Value
    {
        get
        {
            if (Volatile.Read(ref _name) is null) Split();
            return _value;
        }
    }

    /// <summary>The whole flag in the source, dashes to last character.</summary>
    public TextSpan Span { get; }

    public override string ToString() => Raw;
}
