namespace ContainerOpt.Images.Archives;

/// <summary>How far a read of an image has come: the bytes taken from the archive (or the folder's layer files) and the layers read whole.</summary>
public readonly struct ImageReadProgress
{
    public ImageReadProgress(long bytesRead, long? totalBytes, int layersRead, bool finished)
    {
        BytesRead = bytesRead;
        TotalBytes = totalBytes;
        LayersRead = layersRead;
        Finished = finished;
    }

    /// <summary>Bytes read from the archive as stored (compressed when it is).</summary>
    public long BytesRead { get; }

    /// <summary>The archive's size when known (a file); null for a stream (<c>docker save</c>) or a folder.</summary>
    public long? TotalBytes { get; }

    /// <summary>Layers scanned to their end.</summary>
    public int LayersRead { get; }

    /// <summary>True on the last report: the whole image was read.</summary>
    public bool Finished { get; }
}

/// <summary>
/// Counts what a read takes and tells <see cref="ImageReadOptions.Progress"/>: after every layer, and in between at
/// most once per <see cref="ReportEvery"/> bytes, so a caller's callback costs nothing measurable on a 1 GB image.
/// </summary>
internal sealed class ReadProgressCounter
{
    internal const long ReportEvery = 1 << 20;

    private readonly IProgress<ImageReadProgress>? _progress;
    private readonly long? _totalBytes;
    private long _bytesRead;
    private long _reportedAt;
    private int _layersRead;

    public ReadProgressCounter(IProgress<ImageReadProgress>? progress, long? totalBytes)
    {
        _progress = progress;
        _totalBytes = totalBytes;
    }

    /// <summary>A stream that counts what is read through it here; the stream itself when nobody listens.</summary>
    public Stream Count(Stream inner) => _progress is null ? inner : new CountingStream(inner, this);

    public void LayerRead()
    {
        if (_progress is null) return;
        _layersRead++;
        Report(finished: false);
    }

    public void Finish()
    {
        if (_progress is null) return;
        Report(finished: true);
    }

    private void Add(int count)
    {
        _bytesRead += count;
        if (_bytesRead - _reportedAt >= ReportEvery) Report(finished: false);
    }

    private void Report(bool finished)
    {
        _reportedAt = _bytesRead;
        _progress!.Report(new ImageReadProgress(_bytesRead, _totalBytes, _layersRead, finished));
    }

    /// <summary>Forward-only, read-only; leaves the inner stream open (its owner closes it).</summary>
    private sealed class CountingStream : Stream
    {
        private readonly Stream _inner;
        private readonly ReadProgressCounter _counter;

        public CountingStream(Stream inner, ReadProgressCounter counter)
        {
            _inner = inner;
            _counter = counter;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int read = _inner.Read(buffer, offset, count);
            if (read > 0) _counter.Add(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
