namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// The decoded history a frame's matches can reach, plus room for the block being decoded. Output is
/// appended at <see cref="WritePosition"/> and handed out from <see cref="ReadPosition"/>. The buffer grows
/// with the output up to window + one block + slack; after that, each time it fills, the last window's
/// worth of bytes moves to the front. The slack (up to 16 MiB) makes those moves rare.
/// </summary>
internal sealed class OutputWindow : IDisposable
{
    private const int InitialCapacity = 256 * 1024;
    private const int MaxSlack = 16 * 1024 * 1024;

    private int _windowSize;
    private int _maxCapacity;

    public byte[] Buffer { get; private set; } = Array.Empty<byte>();
    public int ReadPosition { get; set; }
    public int WritePosition { get; set; }
    public int Available => WritePosition - ReadPosition;

    /// <summary>Resets for a frame; a declared content size (else −1) caps the buffer, since no frame needs more room than its content.</summary>
    public void StartFrame(int windowSize, long contentSize)
    {
        ReadPosition = 0;
        WritePosition = 0;
        _windowSize = windowSize;
        long capacity = (long)windowSize + ZstdConstants.MaxBlockSize + Math.Min(windowSize, MaxSlack);
        if (contentSize >= 0) capacity = Math.Min(capacity, contentSize);
        _maxCapacity = (int)capacity;
    }

    /// <summary>Makes room to append <paramref name="count"/> bytes; all output must have been read.</summary>
    public void EnsureRoom(int count)
    {
        if (Buffer.Length - WritePosition >= count) return;
        int keep = Math.Min(WritePosition, _windowSize);
        int needed = keep + count;
        if (Buffer.Length < _maxCapacity || Buffer.Length < needed)
        {
            long grown = Math.Max(Math.Max((long)Buffer.Length * 2, InitialCapacity), needed);
            int capacity = (int)Math.Max(Math.Min(grown, _maxCapacity), needed);
            byte[] next = BufferPool.Rent(capacity);
            Array.Copy(Buffer, WritePosition - keep, next, 0, keep);
            BufferPool.Return(Buffer);
            Buffer = next;
        }
        else
        {
            Array.Copy(Buffer, WritePosition - keep, Buffer, 0, keep);
        }
        ReadPosition = keep;
        WritePosition = keep;
    }

    public void Dispose()
    {
        BufferPool.Return(Buffer);
        Buffer = Array.Empty<byte>();
    }
}
