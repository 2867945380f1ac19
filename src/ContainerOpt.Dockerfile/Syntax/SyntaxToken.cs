using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// A value taken from the source and where it stands. <see cref="Value"/> is what BuildKit's parser
/// makes of the text (for flags: unquoted; for ENV/LABEL words: quotes kept); <see cref="Span"/>
/// covers the source characters it came from, so a diagnostic can underline exactly that word.
/// </summary>
public sealed class SyntaxToken
{
    private readonly string? _buffer;
    private readonly int _start;
    private readonly int _length;
    private string? _value;

    public SyntaxToken(string value, TextSpan span)
    {
        _value = value;
        Span = span;
    }

    /// <summary>A token whose value is a slice of <paramref name="buffer"/>, cut only when asked for.</summary>
    internal SyntaxToken(string buffer, int start, int length, TextSpan span)
    {
        _buffer = buffer;
        _start = start;
        _length = length;
        Span = span;
    }

    /// <summary>An empty token at offset 0.</summary>
    public static SyntaxToken Empty { get; } = new("", default);

    public string Value => _value ??= _buffer!.Substring(_start, _length);
    public TextSpan Span { get; }

    public override string ToString() => Value;
}
