using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// The text of a token or flag until it is first asked for: the string itself once cut, or what it is cut from — the
/// source (a <see cref="SourceText"/>: the characters under the span) or the joined line of a continued instruction (a
/// <see cref="LogicalLine"/>: the line's characters behind the span). Held in one object field, so a token costs no
/// copy of its characters until read, and no more fields than one.
/// </summary>
internal static class LazyText
{
    /// <summary>
    /// What buffer characters [start, start+length) of <paramref name="line"/> at <paramref name="span"/> are kept as: the
    /// source or the line when the span maps back to exactly those characters (as it does for a word of the line), else
    /// the string cut now.
    /// </summary>
    public static object Of(SourceText source, LogicalLine line, int start, int length, TextSpan span)
    {
        if (length == 0)
        {
            return "";
        }
        if (line.IsContiguous)
        {
            if (span.Start == start && span.Length == length)
            {
                return source;
            }
        }
        else if (line.MapsBack(start, length, span))
        {
            return line;
        }
        return line.Buffer.Substring(start, length);
    }

    /// <summary>The string a text made by <see cref="Of"/> stands for.</summary>
    public static string Cut(object text, TextSpan span) => text switch
    {
        string cut => cut,
        SourceText source => source.Text.Substring(span.Start, span.Length),
        _ => ((LogicalLine)text).Cut(span),
    };

    /// <summary>Where the characters stand without cutting them: a string and the range in it.</summary>
    public static string Locate(object text, TextSpan span, out int start, out int length)
    {
        switch (text)
        {
            case string cut:
                start = 0;
                length = cut.Length;
                return cut;
            case SourceText source:
                start = span.Start;
                length = span.Length;
                return source.Text;
            default:
                var line = (LogicalLine)text;
                start = line.BufferIndex(span.Start);
                length = line.BufferIndex(span.End - 1) + 1 - start;
                return line.Buffer;
        }
    }
}
