using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// A value taken from the source and where it stands. <see cref="Value"/> is what BuildKit's parser
/// makes of the text (for flags: unquoted; for ENV/LABEL words: quotes kept); <see cref="Span"/>
/// covers the source characters it came from, so a diagnostic can underline exactly that word.
/// </summary>
public sealed class SyntaxToken
{
    // The value, or what it is cut from when first asked (see LazyText): a file has a few tokens per instruction, and
    // one field for either keeps a token at 32 bytes.
    private object _text;

    public SyntaxToken(string value, TextSpan span)
    {
        _text = value;
        Span = span;
    }

    private SyntaxToken(object text, TextSpan span)
    {
        _text = text;
        Span = span;
    }

    /// <summary>A token whose value is buffer characters [start, start+length) of <paramref name="line"/>, cut only when asked for.</summary>
    internal static SyntaxToken Slice(SourceText source, LogicalLine line, int start, int length, TextSpan span) =>
        new(LazyText.Of(source, line, start, length, span), span);

    /// <summary>An empty token at offset 0.</summary>
    public static SyntaxToken Empty { get; } = new("", default);

    // Racing readers cut the same characters: whichever string is kept, it is the value.
    public string Value => _text as string ?? (string)(_text = LazyText.Cut(_text, Span));

    public TextSpan Span { get; }

    public override string ToString() => Value;
}
