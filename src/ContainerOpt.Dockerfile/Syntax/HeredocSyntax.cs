using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>A heredoc attached to RUN, COPY or ADD: <c>RUN &lt;&lt;EOF</c> ... <c>EOF</c>.</summary>
public sealed class HeredocSyntax
{
    public HeredocSyntax(string name, bool expand, bool chomp, int fileDescriptor)
    {
        Name = name;
        Expand = expand;
        Chomp = chomp;
        FileDescriptor = fileDescriptor;
    }

    /// <summary>The terminator word, quotes removed.</summary>
    public string Name { get; }

    /// <summary>False when any part of the terminator was quoted: the body is taken literally.</summary>
    public bool Expand { get; }

    /// <summary><c>&lt;&lt;-</c>: leading tabs are stripped from body lines and terminator.</summary>
    public bool Chomp { get; }

    /// <summary>The file descriptor before <c>&lt;&lt;</c> (<c>3&lt;&lt;EOF</c>), 0 when none.</summary>
    public int FileDescriptor { get; }

    /// <summary>The body exactly as written, line breaks included, tabs not stripped.</summary>
    public string Content { get; internal set; } = "";

    /// <summary>The body in the source (empty span at the terminator for an empty body).</summary>
    public TextSpan BodySpan { get; internal set; }

    /// <summary>First body line (1-based); equals <see cref="TerminatorLine"/> when the body is empty.</summary>
    public int BodyStartLine { get; internal set; }

    /// <summary>The line of the terminator, or the last line of the file when unterminated.</summary>
    public int TerminatorLine { get; internal set; }

    public bool IsTerminated { get; internal set; }

    /// <summary>The body as the builder uses it: for <c>&lt;&lt;-</c>, leading tabs removed from every line.</summary>
    public string ChompedContent => Chomp ? StripLeadingTabs(Content) : Content;

    private static string StripLeadingTabs(string content)
    {
        var sb = new System.Text.StringBuilder(content.Length);
        bool lineStart = true;
        foreach (char c in content)
        {
            if (lineStart && c == '\t')
            {
                continue;
            }
            lineStart = c == '\n';
            sb.Append(c);
        }
        return sb.ToString();
    }
}
