using System.Security.Cryptography;

namespace ContainerOpt.Images.Layers;

/// <summary>Passes reads through, hashing (SHA-256) and counting them, and optionally copying them to a sink.</summary>
internal sealed class HashingStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash? _hash;
    private readonly Stream? _sink;

    public HashingStream(Stream inner, bool hash, Stream? sink = null)
    {
        _inner = inner;
        _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        _sink = sink;
    }

    public long Count { get; private set; }

    /// <summary><c>sha256:</c> and the lower-case hex digest of everything read.</summary>
    public string Digest()
    {
        if (_hash is null) throw new InvalidOperationException("This stream does not hash.");
        return Sha256Digest.Format(_hash.GetHashAndReset());
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, count);
        if (read > 0)
        {
            _hash?.AppendData(buffer, offset, read);
            _sink?.Write(buffer, offset, read);
            Count += read;
        }
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash?.Dispose();
        base.Dispose(disposing);
    }
}
