namespace ContainerOpt.Images.Compression;

/// <summary>
/// Placeholder for the managed zstd decoder another change provides; replaced at merge. Until then
/// zstd layers cannot be read and say so.
/// </summary>
public sealed class ZstdDecompressionStream : Stream
{
    public ZstdDecompressionStream(Stream compressed, bool leaveOpen = false, long maxWindowSize = 1L << 27)
    {
        _ = compressed ?? throw new ArgumentNullException(nameof(compressed));
        _ = leaveOpen;
        _ = maxWindowSize;
        throw new NotSupportedException("zstd-compressed layers need the managed zstd decoder, which is not part of this build yet.");
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
