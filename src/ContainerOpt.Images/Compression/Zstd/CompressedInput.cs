namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Buffered, forward-only reads from the compressed stream that keep track of the absolute byte offset
/// (for error messages) and tell a clean end of input from one that stops in the middle of a structure.
/// </summary>
internal sealed class CompressedInput
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private int _position;
    private int _length;
    private long _bufferOffset;
    private bool _ended;

    public CompressedInput(Stream stream, byte[] buffer)
    {
        _stream = stream;
        _buffer = buffer;
    }

    /// <summary>Compressed offset of the next byte to be read.</summary>
    public long Offset => _bufferOffset + _position;

    /// <summary>
    /// Reads exactly <paramref name="count"/> bytes. Returns false when the input ended before the first of
    /// them (a clean end); throws when it ends after some but not all.
    /// </summary>
    public bool TryReadExact(byte[] destination, int offset, int count, string what)
    {
        long start = Offset;
        int copied = 0;
        while (copied < count)
        {
            int buffered = _length - _position;
            if (buffered == 0)
            {
                // A large read bypasses the buffer: block contents go straight to their destination.
                if (count - copied >= _buffer.Length && !_ended)
                {
                    int direct = _stream.Read(destination, offset + copied, count - copied);
                    if (direct <= 0) _ended = true;
                    else
                    {
                        _bufferOffset += direct;
                        copied += direct;
                        continue;
                    }
                }
                if (!Fill()) break;
                buffered = _length - _position;
            }
            int n = Math.Min(buffered, count - copied);
            Buffer.BlockCopy(_buffer, _position, destination, offset + copied, n);
            _position += n;
            copied += n;
        }
        if (copied == count) return true;
        if (copied == 0) return false;
        throw ZstdErrors.Truncated(start, what, count, copied);
    }

    public void ReadExact(byte[] destination, int offset, int count, string what)
    {
        if (count > 0 && !TryReadExact(destination, offset, count, what))
            throw ZstdErrors.Truncated(Offset, what, count, 0);
    }

    public byte ReadByte(string what)
    {
        if (_position == _length && !Fill())
            throw ZstdErrors.Truncated(Offset, what, 1, 0);
        return _buffer[_position++];
    }

    /// <summary>Skips <paramref name="count"/> bytes (a skippable frame's user data).</summary>
    public void Skip(long count, string what)
    {
        long start = Offset;
        long skipped = 0;
        while (skipped < count)
        {
            if (_position == _length && !Fill())
                throw ZstdErrors.Truncated(start, what, count, skipped);
            int n = (int)Math.Min(_length - _position, count - skipped);
            _position += n;
            skipped += n;
        }
    }

    private bool Fill()
    {
        if (_ended) return false;
        _bufferOffset += _length;
        _position = 0;
        _length = 0;
        int n = _stream.Read(_buffer, 0, _buffer.Length);
        if (n <= 0)
        {
            _ended = true;
            return false;
        }
        _length = n;
        return true;
    }
}
