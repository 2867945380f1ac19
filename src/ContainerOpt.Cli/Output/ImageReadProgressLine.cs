using System.Diagnostics;
using System.Text;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Reporting;

namespace ContainerOpt.Cli.Output;

/// <summary>
/// <c>containeropt layers</c>' progress while it reads a large image: one line on standard error, redrawn in place
/// (<c>\r</c>, no escape codes), cleared when the read is done so the report starts on a clean line. Only for a
/// terminal: redirected output (files, pipes, CI logs, tests) gets nothing, so it stays byte for byte the same.
/// </summary>
internal sealed class ImageReadProgressLine : IProgress<ImageReadProgress>, IDisposable
{
    /// <summary>At most this many redraws a second: enough to be seen moving, too few to cost anything.</summary>
    private static readonly TimeSpan RedrawEvery = TimeSpan.FromMilliseconds(100);

    private readonly TextWriter _terminal;
    private readonly string _image;
    private readonly int _width;
    private readonly Func<TimeSpan> _clock;
    private TimeSpan? _drawnAt;
    private int _drawnLength;

    /// <param name="terminal">Where the line is drawn: standard error, a terminal.</param>
    /// <param name="image">The image as the user named it.</param>
    /// <param name="width">The terminal's width: the line stays shorter, so it never wraps.</param>
    /// <param name="clock">Time since some start (a stopwatch's by default; the tests' own).</param>
    internal ImageReadProgressLine(TextWriter terminal, string image, int width, Func<TimeSpan>? clock = null)
    {
        _terminal = terminal;
        _image = image;
        _width = Math.Max(20, width);
        if (clock is null)
        {
            var watch = Stopwatch.StartNew();
            clock = () => watch.Elapsed;
        }
        _clock = clock;
    }

    /// <summary>The progress line on <paramref name="stderr"/> when it is the console's and the console's is a terminal; else null.</summary>
    public static ImageReadProgressLine? ForTerminal(TextWriter stderr, string image)
    {
        if (!ReferenceEquals(stderr, Console.Error) || Console.IsErrorRedirected) return null;
        int width;
        try
        {
            width = Console.WindowWidth;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or PlatformNotSupportedException)
        {
            width = 80;
        }
        return new ImageReadProgressLine(stderr, image, width > 0 ? width : 80);
    }

    public void Report(ImageReadProgress value)
    {
        if (value.Finished)
        {
            Clear();
            return;
        }
        TimeSpan now = _clock();
        if (_drawnAt is TimeSpan drawn && now - drawn < RedrawEvery) return;
        Draw(Describe(_image, value, _width - 1));
        _drawnAt = now;
    }

    public void Dispose() => Clear();

    /// <summary>
    /// <c>reading myapp:1.2: 1.23 GB of 3.45 GB (35.7%), 4 layers</c> (of a stream, without the total), cut to
    /// <paramref name="width"/> by shortening the image's name: a line longer than the terminal would wrap, and
    /// <c>\r</c> redraws only the last row.
    /// </summary>
    internal static string Describe(string image, ImageReadProgress progress, int width)
    {
        var amount = new StringBuilder(ByteSize.Format(progress.BytesRead));
        if (progress.TotalBytes is long total && total > 0)
        {
            amount.Append(" of ").Append(ByteSize.Format(total))
                .Append(" (").Append(ByteSize.Percent(Math.Min(1.0, (double)progress.BytesRead / total))).Append(')');
        }
        amount.Append(", ").Append(progress.LayersRead).Append(progress.LayersRead == 1 ? " layer" : " layers");
        string tail = ": " + amount;
        int room = width - "reading ".Length - tail.Length;
        if (room < image.Length)
        {
            int start = image.Length - (room - 1);
            if (start < image.Length && char.IsLowSurrogate(image[start])) start++; // never half a character
            image = room > 1 ? "…" + image.Substring(start) : "";
        }
        string line = "reading " + image + tail;
        return line.Length <= width ? line : line.Substring(0, width);
    }

    private void Draw(string text)
    {
        // The old line is overwritten with spaces where the new one is shorter: no terminal escape codes needed.
        _terminal.Write("\r" + text + new string(' ', Math.Max(0, _drawnLength - text.Length)));
        _terminal.Flush();
        _drawnLength = text.Length;
    }

    private void Clear()
    {
        if (_drawnLength == 0) return;
        _terminal.Write("\r" + new string(' ', _drawnLength) + "\r");
        _terminal.Flush();
        _drawnLength = 0;
    }
}
