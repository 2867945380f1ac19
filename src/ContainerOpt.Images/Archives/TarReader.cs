using System.Globalization;
using System.Text;

namespace ContainerOpt.Images.Archives;

/// <summary>
/// A streaming, forward-only tar reader over any stream (no seeking, nothing buffered beyond one
/// header): ustar and POSIX headers, GNU long names and links ('L'/'K'), PAX extended headers
/// ('x' per entry, 'g' global: path, linkpath, size), base-256 numbers, checksum validation and the
/// end-of-archive marker. Malformed or truncated input raises <see cref="InvalidDataException"/> with
/// the byte offset. A stream ending exactly on a header boundary without the end marker is accepted
/// as the end, as Go's archive/tar (which wrote most image layers) does.
/// </summary>
public sealed class TarReader : IDisposable
{
    private const int BlockSize = 512;

    /// <summary>Longest GNU long name or PAX header kept in memory.</summary>
    private const int MaxMetadataSize = 1 << 20;

    private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _header = new byte[BlockSize];
    private readonly byte[] _scratch = new byte[64 * 1024];
    private readonly Dictionary<string, string> _globalPax = new(StringComparer.Ordinal);
    private EntryStream? _current;
    private bool _finished;

    public TarReader(Stream stream, bool leaveOpen = false)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _leaveOpen = leaveOpen;
    }

    /// <summary>Bytes consumed from the underlying stream so far.</summary>
    public long Position { get; private set; }

    /// <summary>The next entry, or null at the end of the archive.</summary>
    public TarEntry? Next()
    {
        if (_finished) return null;
        SkipCurrent();

        string? longName = null;
        byte[]? longLink = null;
        Dictionary<string, string>? pax = null;
        long entryOffset = Position;
        while (true)
        {
            long headerOffset = Position;
            int read = ReadBlock(_header);
            if (read == 0)
            {
                if (longName is not null || longLink is not null || pax is not null)
                    throw Truncated(headerOffset, "the archive ends after an extension header, before its entry");
                _finished = true;
                return null;
            }
            if (read < BlockSize) throw Truncated(headerOffset, "the archive ends inside a header");
            if (IsZeroBlock(_header))
            {
                // End of archive: a second zero block normally follows; tolerate its absence.
                ReadBlock(_header);
                _finished = true;
                return null;
            }
            VerifyChecksum(headerOffset);

            char typeFlag = (char)_header[156];
            long size = ParseNumber(124, 12, headerOffset, "size");
            switch (typeFlag)
            {
                case 'L':
                    longName = TrimNul(Utf8.GetString(ReadMetadata(size, headerOffset)));
                    continue;
                case 'K':
                    longLink = TrimNulBytes(ReadMetadata(size, headerOffset));
                    continue;
                case 'x':
                case 'X': // Solaris' early spelling of 'x'
                    pax ??= new Dictionary<string, string>(StringComparer.Ordinal);
                    ParsePax(ReadMetadata(size, headerOffset), headerOffset, pax);
                    continue;
                case 'g':
                    ParsePax(ReadMetadata(size, headerOffset), headerOffset, _globalPax);
                    continue;
            }

            TarEntryType type = TypeOf(typeFlag);
            string name = longName ?? HeaderName();
            byte[] linkBytes = longLink ?? FieldBytes(157, 100);
            string linkName = Utf8.GetString(linkBytes);
            int linkByteCount = linkBytes.Length;

            ApplyPax(_globalPax, ref name, ref linkName, ref linkByteCount, ref size, headerOffset);
            if (pax is not null) ApplyPax(pax, ref name, ref linkName, ref linkByteCount, ref size, headerOffset);

            // Header-only types carry no data whatever the size field says (as Go's reader treats them).
            long dataSize = type is TarEntryType.File or TarEntryType.Other ? size : 0;
            _current = new EntryStream(this, dataSize);
            return new TarEntry(name, type, dataSize, linkName, linkByteCount, entryOffset, _current);
        }
    }

    public void Dispose()
    {
        if (!_leaveOpen) _stream.Dispose();
    }

    private static TarEntryType TypeOf(char flag) => flag switch
    {
        '0' or '\0' or '7' => TarEntryType.File,
        '1' => TarEntryType.HardLink,
        '2' => TarEntryType.SymbolicLink,
        '3' => TarEntryType.CharacterDevice,
        '4' => TarEntryType.BlockDevice,
        '5' => TarEntryType.Directory,
        '6' => TarEntryType.Fifo,
        _ => TarEntryType.Other,
    };

    private string HeaderName()
    {
        string name = Utf8.GetString(FieldBytes(0, 100));
        // The prefix field exists only in POSIX ustar ("ustar\0"); old GNU headers use those bytes for times.
        bool isUstar = _header[257] == (byte)'u' && _header[258] == (byte)'s' && _header[259] == (byte)'t'
            && _header[260] == (byte)'a' && _header[261] == (byte)'r' && _header[262] == 0;
        if (isUstar)
        {
            string prefix = Utf8.GetString(FieldBytes(345, 155));
            if (prefix.Length > 0) name = prefix + "/" + name;
        }
        return name;
    }

    private static void ApplyPax(Dictionary<string, string> records, ref string name, ref string linkName, ref int linkByteCount, ref long size, long offset)
    {
        if (records.TryGetValue("path", out string? path)) name = path;
        if (records.TryGetValue("linkpath", out string? link))
        {
            linkName = link;
            linkByteCount = Utf8.GetByteCount(link);
        }
        if (records.TryGetValue("size", out string? sizeText))
        {
            if (!long.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size))
                throw new InvalidDataException($"Invalid tar archive at offset {offset}: PAX size '{sizeText}' is not a number.");
        }
    }

    private static void ParsePax(byte[] data, long offset, Dictionary<string, string> into)
    {
        int position = 0;
        while (position < data.Length)
        {
            if (data[position] == 0) break; // padding some writers leave
            int space = Array.IndexOf(data, (byte)' ', position);
            if (space < 0) throw BadPax(offset, "a record has no length");
            if (!int.TryParse(Encoding.ASCII.GetString(data, position, space - position), NumberStyles.None, CultureInfo.InvariantCulture, out int length)
                || length <= space - position + 1 || position + length > data.Length || data[position + length - 1] != (byte)'\n')
            {
                throw BadPax(offset, "a record's length is wrong");
            }
            int keyStart = space + 1;
            int recordEnd = position + length - 1;
            int equals = Array.IndexOf(data, (byte)'=', keyStart, recordEnd - keyStart);
            if (equals < 0) throw BadPax(offset, "a record has no '='");
            string key = Utf8.GetString(data, keyStart, equals - keyStart);
            string value = Utf8.GetString(data, equals + 1, recordEnd - equals - 1);
            // An empty value deletes the keyword (POSIX), e.g. a global path reset.
            if (value.Length == 0) into.Remove(key);
            else into[key] = value;
            position += length;
        }
    }

    private static InvalidDataException BadPax(long offset, string what) =>
        new($"Invalid tar archive at offset {offset}: PAX extended header: {what}.");

    private byte[] ReadMetadata(long size, long headerOffset)
    {
        if (size < 0 || size > MaxMetadataSize)
            throw new InvalidDataException($"Invalid tar archive at offset {headerOffset}: an extension header of {size} bytes (limit {MaxMetadataSize}).");
        var data = new byte[size];
        int read = StreamUtil.ReadAtMost(_stream, data, 0, data.Length);
        Position += read;
        if (read < size) throw Truncated(Position, "the archive ends inside an extension header");
        SkipExactly(Padding(size));
        return data;
    }

    private void VerifyChecksum(long offset)
    {
        long stored = ParseNumber(148, 8, offset, "checksum");
        long unsigned = 0, signed = 0;
        for (int i = 0; i < BlockSize; i++)
        {
            byte b = i >= 148 && i < 156 ? (byte)' ' : _header[i];
            unsigned += b;
            signed += (sbyte)b;
        }
        if (stored != unsigned && stored != signed)
            throw new InvalidDataException($"Invalid tar archive at offset {offset}: header checksum {stored} does not match the header ({unsigned}); the data is corrupt or not a tar archive.");
    }

    /// <summary>An octal field (spaces/NULs around the digits) or, when the top bit is set, GNU base-256.</summary>
    private long ParseNumber(int start, int length, long offset, string field)
    {
        if ((_header[start] & 0x80) != 0)
        {
            if (_header[start] == 0xFF) throw new InvalidDataException($"Invalid tar archive at offset {offset}: negative {field}.");
            long value = _header[start] & 0x7F;
            for (int i = 1; i < length; i++)
            {
                if (value > (long.MaxValue >> 8)) throw new InvalidDataException($"Invalid tar archive at offset {offset}: {field} too large.");
                value = (value << 8) | _header[start + i];
            }
            return value;
        }
        long result = 0;
        int end = start + length;
        int p = start;
        while (p < end && (_header[p] == (byte)' ' || _header[p] == 0)) p++;
        bool anyDigit = false;
        for (; p < end; p++)
        {
            byte b = _header[p];
            if (b == 0 || b == (byte)' ') break;
            if (b < (byte)'0' || b > (byte)'7')
                throw new InvalidDataException($"Invalid tar archive at offset {offset}: the {field} field is not an octal number; the data is corrupt or not a tar archive.");
            if (result > (long.MaxValue >> 3)) throw new InvalidDataException($"Invalid tar archive at offset {offset}: {field} too large.");
            result = (result << 3) | (long)(b - '0');
            anyDigit = true;
        }
        return anyDigit ? result : 0;
    }

    private byte[] FieldBytes(int start, int length)
    {
        int end = start;
        while (end < start + length && _header[end] != 0) end++;
        var bytes = new byte[end - start];
        Buffer.BlockCopy(_header, start, bytes, 0, bytes.Length);
        return bytes;
    }

    private static string TrimNul(string value)
    {
        int nul = value.IndexOf('\0');
        return nul < 0 ? value : value.Substring(0, nul);
    }

    private static byte[] TrimNulBytes(byte[] value)
    {
        int nul = Array.IndexOf(value, (byte)0);
        if (nul < 0) return value;
        var trimmed = new byte[nul];
        Buffer.BlockCopy(value, 0, trimmed, 0, nul);
        return trimmed;
    }

    private static bool IsZeroBlock(byte[] block)
    {
        for (int i = 0; i < block.Length; i++)
        {
            if (block[i] != 0) return false;
        }
        return true;
    }

    private static long Padding(long size) => (BlockSize - (size % BlockSize)) % BlockSize;

    private int ReadBlock(byte[] block)
    {
        int read = StreamUtil.ReadAtMost(_stream, block, 0, BlockSize);
        Position += read;
        return read;
    }

    private void SkipCurrent()
    {
        if (_current is null) return;
        EntryStream current = _current;
        _current = null;
        while (current.Remaining > 0)
        {
            int read = current.Read(_scratch, 0, (int)Math.Min(_scratch.Length, current.Remaining));
            if (read == 0) break;
        }
        current.Detach();
        SkipExactly(Padding(current.Size));
    }

    private void SkipExactly(long count)
    {
        while (count > 0)
        {
            int read = _stream.Read(_scratch, 0, (int)Math.Min(_scratch.Length, count));
            if (read <= 0) throw Truncated(Position, "the archive ends inside an entry's padding");
            Position += read;
            count -= read;
        }
    }

    private static InvalidDataException Truncated(long offset, string what) =>
        new($"Truncated tar archive at offset {offset}: {what}.");

    /// <summary>The current entry's content: exactly its size, then nothing.</summary>
    private sealed class EntryStream : Stream
    {
        private TarReader? _reader;

        public EntryStream(TarReader reader, long size)
        {
            _reader = reader;
            Size = size;
            Remaining = size;
        }

        public long Size { get; }
        public long Remaining { get; private set; }

        public void Detach() => _reader = null;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => Size;
        public override long Position { get => Size - Remaining; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            TarReader reader = _reader ?? throw new InvalidOperationException("This tar entry's data is no longer readable: the reader moved to the next entry.");
            if (Remaining == 0 || count == 0) return 0;
            int read = reader._stream.Read(buffer, offset, (int)Math.Min(count, Remaining));
            if (read <= 0)
                throw Truncated(reader.Position, $"the archive ends inside an entry's data ({Remaining} of {Size} bytes missing)");
            reader.Position += read;
            Remaining -= read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
