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
    /// What buffer characters [start, start+length) of <paramref name="line"/> are kept as, given the span that
    /// <see cref="LogicalLine.Span"/> gave for buffer characters [start, spanEnd): the source or the line when those are
    /// the same characters (as for a word of the line), else the string cut now (a word whose last escape was dropped).
    /// </summary>
    public static object Of(SourceText source, LogicalLine line, int start, int spanEnd, int length)
    {
        if (length == 0)
        {
            return "";
        }
        if (length == spanEnd - start && start >= line.Start && spanEnd <= line.End)
        {
            if (line.IsContiguous)
            {
                return source;
            }
            if (line.SegmentCount > 1)
            {
                // A span the line gave maps back to the characters it was given for (LogicalLine.Cut): no search now.
                return line;
            }
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
