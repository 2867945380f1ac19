using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>A comment line (outside heredoc bodies). <see cref="Text"/> is what follows '#', trimmed.</summary>
/// <remarks>
/// A value, not an object: a file's comments are one array of them, where an object for each comment line was one of
/// the parser's most frequent allocations (the generated files open with a block of comments and comment most instructions).
/// </remarks>
public readonly struct CommentSyntax
{
    public CommentSyntax(string text, int line, TextSpan span)
    {
        Text = text;
        Line = line;
        Span = span;
    }

    public string Text { get; }
    public int Line { get; }
    public TextSpan Span { get; }
}
