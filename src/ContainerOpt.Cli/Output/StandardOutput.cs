using System.Text;

namespace ContainerOpt.Cli.Output;

/// <summary>
/// The tool's standard output: one buffered writer, flushed when the command is done (and before anything it says on
/// standard error after its output), instead of <see cref="Console.Out"/>, which writes and flushes every line. The bytes
/// are the same as Console.Out's: its encoding, without a byte order mark.
/// </summary>
internal static class StandardOutput
{
    private const int BufferSize = 64 * 1024;

    public static TextWriter Open()
    {
        // Console.Out on Unix encodes as the locale's charset (LC_ALL, LC_MESSAGES, LANG), UTF-8 when none is named.
        // For UTF-8, the common case, the stream is written directly: finding Console.Out's encoding costs a few
        // milliseconds of a start-up. Any other charset, and Windows' console code pages, go through Console.Out itself.
        if (!OperatingSystem.IsWindows() && LocaleCharset() is null or "UTF-8" or "utf-8" or "UTF8" or "utf8")
        {
            return new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferSize) { AutoFlush = false };
        }
        return new BufferedWriter(Console.Out);
    }

    /// <summary>The charset of the locale as .NET's console reads it on Unix: the first of LC_ALL, LC_MESSAGES, LANG that is set, after its '.' and before its '@'.</summary>
    internal static string? LocaleCharset()
    {
        string? locale = null;
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            locale = Environment.GetEnvironmentVariable(name);
            if (!string.IsNullOrWhiteSpace(locale))
            {
                break;
            }
        }
        if (locale is null)
        {
            return null;
        }
        int dot = locale.IndexOf('.');
        if (dot < 0)
        {
            return null;
        }
        int at = locale.IndexOf('@', dot + 1);
        return at < 0 ? locale.Substring(dot + 1) : locale.Substring(dot + 1, at - dot - 1);
    }

    /// <summary>Collects what is written and hands it to <see cref="Console.Out"/> in large pieces.</summary>
    private sealed class BufferedWriter : TextWriter
    {
        private readonly TextWriter _inner;
        private readonly StringBuilder _buffer = new();

        public BufferedWriter(TextWriter inner)
        {
            _inner = inner;
            NewLine = inner.NewLine;
        }

        public override Encoding Encoding => _inner.Encoding;

        public override void Write(char value)
        {
            _buffer.Append(value);
            Spill();
        }

        public override void Write(string? value)
        {
            _buffer.Append(value);
            Spill();
        }

        public override void Write(char[] buffer, int index, int count)
        {
            _buffer.Append(buffer, index, count);
            Spill();
        }

        public override void Flush()
        {
            if (_buffer.Length > 0)
            {
                _inner.Write(_buffer.ToString());
                _buffer.Clear();
            }
            _inner.Flush();
        }

        private void Spill()
        {
            if (_buffer.Length >= BufferSize)
            {
                Flush();
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
            }
            base.Dispose(disposing);
        }
    }
}
