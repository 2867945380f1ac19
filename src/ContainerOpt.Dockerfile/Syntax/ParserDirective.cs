using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>A parser directive from the file's leading comment block: <c># syntax=</c>, <c># escape=</c>, <c># check=</c>.</summary>
public sealed class ParserDirective
{
    public ParserDirective(string name, string value, int line, TextSpan span, TextSpan valueSpan)
    {
        Name = name;
        Value = value;
        Line = line;
        Span = span;
        ValueSpan = valueSpan;
    }

    /// <summary>Lower-cased name: syntax, escape or check.</summary>
    public string Name { get; }
    public string Value { get; }
    public int Line { get; }
    public TextSpan Span { get; }
    public TextSpan ValueSpan { get; }
}
