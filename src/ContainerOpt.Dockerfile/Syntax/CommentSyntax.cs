using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>A comment line (outside heredoc bodies). <see cref="Text"/> is what follows '#', trimmed.</summary>
public sealed class CommentSyntax
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
