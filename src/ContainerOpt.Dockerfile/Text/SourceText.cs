using System.Text;

namespace ContainerOpt.Dockerfile.Text;

/// <summary>
/// The text of a Dockerfile with its line table. Lines end at '\n' only, as BuildKit's scanner
/// splits them; a trailing '\r' belongs to the line's content but never to a token.
/// </summary>
public sealed class SourceText
{
    private readonly int[] _lineStarts;

    private SourceText(string text, string? path)
    {
        Text = text;
        Path = path;
        // One pass into the thread's scratch table, then one exact copy.
        var scratch = t_lineStartsScratch ??= new int[256];
        int count = 1;
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            if (count == scratch.Length)
            {
                Array.Resize(ref scratch, scratch.Length * 2);
            }
            scratch[count++] = i + 1;
        }
        scratch[0] = 0;
        var starts = new int[count];
        Array.Copy(scratch, starts, count);
        _lineStarts = starts;
        if (scratch.Length <= MaxKeptScratch)
        {
            t_lineStartsScratch = scratch;
        }
    }

    [ThreadStatic]
    private static int[]? t_lineStartsScratch;

    /// <summary>Tables larger than this (lines) are not kept for the thread's next text.</summary>
    private const int MaxKeptScratch = 4 * 1024;

    /// <summary>The offset just past the '\n' that ends physical line <paramref name="index"/> (0-based), or the text's length.</summary>
    internal int LineBreakEnd(int index) => index + 1 < _lineStarts.Length ? _lineStarts[index + 1] : Text.Length;

    public string Text { get; }

    /// <summary>The file this text came from, when known (used in diagnostics).</summary>
    public string? Path { get; }

    public int Length => Text.Length;

    /// <summary>Number of physical lines; a final '\n' does not start a new line.</summary>
    public int LineCount => _lineStarts.Length > 1 && _lineStarts[_lineStarts.Length - 1] == Text.Length
        ? _lineStarts.Length - 1
        : _lineStarts.Length;

    public static SourceText From(string text, string? path = null)
    {
        // A UTF-8 byte order mark decoded into the string is not part of the Dockerfile.
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text.Substring(1);
        }
        return new SourceText(text, path);
    }

    /// <summary>Decodes UTF-8 (invalid sequences become U+FFFD, never an exception) and drops a BOM.</summary>
    public static SourceText From(byte[] utf8, string? path = null) => From(utf8, utf8.Length, path);

    /// <summary>As <see cref="From(byte[], string)"/> for the first <paramref name="count"/> bytes (a read buffer kept for the next file).</summary>
    public static SourceText From(byte[] utf8, int count, string? path = null) => From(utf8, count, path, out _);

    /// <summary>
    /// As <see cref="From(byte[], int, string)"/>, and whether the bytes were valid UTF-8: then the text, encoded again
    /// after the byte order mark when there was one, is exactly those bytes.
    /// </summary>
    public static SourceText From(byte[] utf8, int count, string? path, out bool wasValidUtf8)
    {
        int offset = StartsWithByteOrderMark(utf8, count) ? 3 : 0;
        string text;
        // The strict decoder decodes valid bytes as fast as the lenient one; a search of the text for U+FFFD afterwards
        // cost as much as the decoding. Invalid bytes (rare: binary files are refused before) are decoded again.
        try
        {
            text = StrictUtf8.GetString(utf8, offset, count - offset);
            wasValidUtf8 = true;
        }
        catch (DecoderFallbackException)
        {
            text = Utf8.GetString(utf8, offset, count - offset);
            wasValidUtf8 = false;
        }
        return new SourceText(text, path);
    }

    /// <summary>True when the first <paramref name="count"/> bytes start with the UTF-8 byte order mark that <see cref="From(byte[], int, string)"/> drops.</summary>
    public static bool StartsWithByteOrderMark(byte[] utf8, int count) =>
        count >= 3 && utf8[0] == 0xEF && utf8[1] == 0xBB && utf8[2] == 0xBF;

    /// <summary>UTF-8 without a BOM of its own and without exceptions: one instance for every file (it keeps no state).</summary>
    private static readonly UTF8Encoding Utf8 = new(false, false);

    /// <summary>UTF-8 that throws on an invalid sequence: tells whether the text is the bytes again.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <summary>Offset of the first character of a 1-based line.</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Max(0, Math.Min(line - 1, _lineStarts.Length - 1))];

    /// <summary>Offset just past the content of a 1-based line (before '\n' and any '\r').</summary>
    public int GetLineContentEnd(int line)
    {
        int index = Math.Max(0, Math.Min(line - 1, _lineStarts.Length - 1));
        int end = index + 1 < _lineStarts.Length ? _lineStarts[index + 1] - 1 : Text.Length;
        while (end > _lineStarts[index] && (Text[end - 1] == '\r' || Text[end - 1] == '\n'))
        {
            end--;
        }
        return end;
    }

    /// <summary>The content of a 1-based line, without its line break.</summary>
    public string GetLineText(int line)
    {
        int start = GetLineStart(line);
        return Text.Substring(start, GetLineContentEnd(line) - start);
    }

    public LinePosition GetLinePosition(int offset)
    {
        if (offset < 0) offset = 0;
        if (offset > Text.Length) offset = Text.Length;
        int index = LineIndexOf(offset);
        return new LinePosition(index + 1, offset - _lineStarts[index] + 1);
    }

    /// <summary>
    /// The 0-based line whose start is the last at or before <paramref name="offset"/> (0 &lt;= offset; the first start is 0).
    /// A plain search over ints: Array.BinarySearch goes through a generic comparer on netstandard2.0.
    /// </summary>
    private int LineIndexOf(int offset)
    {
        var starts = _lineStarts;
        int low = 0;
        int high = starts.Length - 1;
        while (low < high)
        {
            // The upper middle, so that low = middle always moves.
            int middle = low + ((high - low + 1) >> 1);
            if (starts[middle] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return low;
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) =>
        new(GetLinePosition(span.Start), GetLinePosition(span.End));

    public string GetText(TextSpan span)
    {
        int start = Math.Max(0, Math.Min(span.Start, Text.Length));
        int end = Math.Max(start, Math.Min(span.End, Text.Length));
        return Text.Substring(start, end - start);
    }
}
