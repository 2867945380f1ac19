using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// A value taken from the source and where it stands. <see cref="Value"/> is what BuildKit's parser
/// makes of the text (for flags: unquoted; for ENV/LABEL words: quotes kept); <see cref="Span"/>
/// covers the source characters it came from, so a diagnostic can underline exactly that word.
/// </summary>
public sealed class SyntaxToken
{
    // The value once cut, and until then what it is cut from (see LazyText). Two fields, not one object field holding
    // either: Value is read very often, and a null test is cheaper there than a type test (40 bytes a token, was 48).
    private string? _value;
    private readonly object? _from;

    public SyntaxToken(string value, TextSpan span)
    {
        _value = value;
        Span = span;
    }

    private SyntaxToken(object text, TextSpan span)
    {
        _value = text as string;
        _from = _value is null ? text : null;
        Span = span;
    }

    /// <summary>A token whose value is buffer characters [start, start+length) of <paramref name="line"/> at the span of [start, spanEnd), cut only when asked for.</summary>
    internal static SyntaxToken Slice(SourceText source, LogicalLine line, int start, int spanEnd, int length)
    {
        var span = line.Span(start, spanEnd);
        return new(LazyText.Of(source, line, start, spanEnd, length), span);
    }

    /// <summary>A token whose value is <paramref name="text"/> as <see cref="LazyText"/> keeps it (the characters under <paramref name="span"/>).</summary>
    internal static SyntaxToken Lazy(object text, TextSpan span) => new(text, span);

    /// <summary>An empty token at offset 0.</summary>
    public static SyntaxToken Empty { get; } = new("", default);

    // Racing readers cut the same characters: whichever string is kept, it is the value.
    public string Value => _value ??= LazyText.Cut(_from!, Span);

    public TextSpan Span { get; }

    public override string ToString() => Value;
}
