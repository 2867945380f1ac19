using System.Runtime.CompilerServices;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Syntax;

/// <summary>
/// An instruction's physical lines joined the way BuildKit joins them. Parsing works on
/// <see cref="Buffer"/> between <see cref="Start"/> and <see cref="End"/>: for a one-line instruction
/// that is the source text itself (no copy); for a continued one, the joined text. Each joined
/// piece is a segment, so any buffer range maps back to its exact source span.
/// </summary>
internal sealed class LogicalLine
{
    private readonly string _source;
    private int _origin;
    private int _firstStart;
    private int _length;
    private int _sourceEnd;
    private int _segments;
    // Each segment's logical start then source start, in pairs: built in the thread's scratch, then kept at exact size.
    private int[]? _starts;
    private string? _joined;

    public LogicalLine(string source, int origin)
    {
        _source = source;
        _origin = origin;
        _sourceEnd = origin;
    }

    /// <summary>Makes this an empty line at <paramref name="origin"/> again (the parser reuses a line no instruction kept).</summary>
    public LogicalLine Reset(int origin)
    {
        _origin = origin;
        _sourceEnd = origin;
        _firstStart = 0;
        _length = 0;
        _segments = 0;
        _joined = null;
        return this;
    }

    public void Append(int start, int end)
    {
        if (end <= start)
        {
            return;
        }
        if (_segments == 0)
        {
            _firstStart = start;
        }
        else
        {
            if (_segments == 1)
            {
                _starts = t_startsScratch ?? new int[32];
                t_startsScratch = null;
                _starts[0] = 0;
                _starts[1] = _firstStart;
            }
            else if (2 * _segments == _starts!.Length)
            {
                Array.Resize(ref _starts, _starts.Length * 2);
            }
            _starts![2 * _segments] = _length;
            _starts[2 * _segments + 1] = start;
            _joined = null;
        }
        _segments++;
        _length += end - start;
        _sourceEnd = end;
    }

    /// <summary>Ends the appending: a line of several segments keeps their starts at exact size (the scratch goes back to the thread).</summary>
    /// <remarks>Inlined: most lines are one segment, and a call for each instruction to find that out cost 54 instructions.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Complete()
    {
        if (_segments > 1)
        {
            KeepStarts();
        }
    }

    private void KeepStarts()
    {
        var scratch = _starts!;
        var exact = new int[2 * _segments];
        Array.Copy(scratch, exact, exact.Length);
        _starts = exact;
        if (scratch.Length <= MaxKeptStarts)
        {
            t_startsScratch = scratch;
        }
    }

    /// <summary>Segment tables longer than this (ints) are not kept for the thread's next line.</summary>
    private const int MaxKeptStarts = 1024;

    [ThreadStatic]
    private static int[]? t_startsScratch;

    /// <summary>The string holding the logical characters.</summary>
    public string Buffer => _segments <= 1 ? _source : _joined ??= Join();

    /// <summary>The joined text, built once at its exact length when the line is complete.</summary>
    private string Join()
    {
        // Copied into one scratch buffer of the thread, then cut: no builder per continued instruction.
        var chars = t_joinBuffer;
        if (chars is null || chars.Length < _length)
        {
            chars = new char[Math.Max(_length, 256)];
            if (chars.Length <= MaxKeptJoinBuffer)
            {
                t_joinBuffer = chars;
            }
        }
        var starts = _starts!;
        for (int i = 0; i < _segments; i++)
        {
            int start = starts[2 * i + 1];
            int length = (i + 1 < _segments ? starts[2 * i + 2] : _length) - starts[2 * i];
            _source.CopyTo(start, chars, starts[2 * i], length);
        }
        return new string(chars, 0, _length);
    }

    /// <summary>Lines longer than this are joined in a buffer of their own, not kept for the thread.</summary>
    private const int MaxKeptJoinBuffer = 16 * 1024;

    [ThreadStatic]
    private static char[]? t_joinBuffer;

    /// <summary>Index in <see cref="Buffer"/> of the first logical character.</summary>
    public int Start => _segments <= 1 ? _firstStart : 0;

    /// <summary>Index in <see cref="Buffer"/> just past the last logical character.</summary>
    public int End => Start + _length;

    /// <summary>True when the line is one piece of the source: its buffer is the source and its offsets are the source's.</summary>
    public bool IsContiguous => _segments == 1;

    /// <summary><see cref="Span"/> of a contiguous line from <paramref name="lineStart"/>, <paramref name="length"/> characters long.</summary>
    public static TextSpan ContiguousSpan(int lineStart, int length, int start, int end)
    {
        start -= lineStart;
        end -= lineStart;
        if (start >= length)
        {
            return new TextSpan(lineStart + length, 0);
        }
        int from = lineStart + Math.Max(0, start);
        return end <= start ? new TextSpan(from, 0) : TextSpan.FromBounds(from, lineStart + Math.Min(end, length));
    }

    public string Text => _segments == 0 ? "" : Buffer.Substring(Start, _length);

    private int SourceOffset(int logical)
    {
        if (_segments <= 1)
        {
            return _firstStart + logical;
        }
        var starts = _starts!;
        int lo = 0, hi = _segments - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (starts[2 * mid] <= logical) lo = mid; else hi = mid - 1;
        }
        return starts[2 * lo + 1] + (logical - starts[2 * lo]);
    }

    /// <summary>The logical index of a source offset inside one of the line's segments.</summary>
    private int LogicalOffset(int source)
    {
        var starts = _starts!;
        int lo = 0, hi = _segments - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) >> 1;
            if (starts[2 * mid + 1] <= source) lo = mid; else hi = mid - 1;
        }
        return starts[2 * lo] + (source - starts[2 * lo + 1]);
    }

    /// <summary>How many pieces of the source the line joins.</summary>
    public int SegmentCount => _segments;

    /// <summary>The buffer characters [start, end) of a line of several segments, from the span <see cref="Span"/> gave for them.</summary>
    public string Cut(TextSpan span)
    {
        int from = LogicalOffset(span.Start);
        return Buffer.Substring(from, LogicalOffset(span.End - 1) + 1 - from);
    }

    /// <summary>The index in <see cref="Buffer"/> of a source offset of a span <see cref="Span"/> gave (a line of several segments).</summary>
    public int BufferIndex(int source) => LogicalOffset(source);

    /// <summary>The source span of buffer characters [start, end).</summary>
    /// <remarks>Inlined for a line of one piece (most), which needs no call: the parser asks this of every token.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public TextSpan Span(int start, int end) =>
        _segments == 1 ? ContiguousSpan(_firstStart, _length, start, end) : SegmentsSpan(start, end);

    private TextSpan SegmentsSpan(int start, int end)
    {
        start -= Start;
        end -= Start;
        if (_segments == 0)
        {
            return new TextSpan(_origin, 0);
        }
        if (start >= _length)
        {
            return new TextSpan(_sourceEnd, 0);
        }
        int from = SourceOffset(Math.Max(0, start));
        if (end <= start)
        {
            return new TextSpan(from, 0);
        }
        return TextSpan.FromBounds(from, SourceOffset(Math.Min(end, _length) - 1) + 1);
    }
}
