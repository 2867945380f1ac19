namespace ContainerOpt.Images.Builders;

/// <summary>A read-only view of a process's output that remembers whether the reader reached its end.</summary>
internal sealed class EndTrackingStream : Stream
{
    private readonly Stream _inner;

    public EndTrackingStream(Stream inner)
    {
        _inner = inner;
    }

    public bool ReachedEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        if (read == 0 && count > 0) ReachedEnd = true;
        return read;
    }

    public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        int read = await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
        if (read == 0 && count > 0) ReachedEnd = true;
        return read;
    }

    public override int ReadByte()
    {
        int value = _inner.ReadByte();
        if (value < 0) ReachedEnd = true;
        return value;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
