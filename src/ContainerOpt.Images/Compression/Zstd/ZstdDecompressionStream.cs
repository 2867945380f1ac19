using System.Runtime.ExceptionServices;
using ContainerOpt.Images.Compression.Zstd;

namespace ContainerOpt.Images.Compression;

/// <summary>
/// The netstandard2.0 build's zstd stream (what Visual Studio's MSBuild.exe loads through the net472 task):
/// the managed decoder of this folder, see README.md for why it is not ZstdSharp there. The net8.0 build has
/// the same public type over ZstdSharp (../ZstdDecompressionStream.cs).
/// Read-only, forward-only stream that decodes zstd frames (RFC 8878) from <c>compressed</c>: concatenated
/// frames, skippable frames, content checksums. Memory stays bounded by the frame's window plus one block
/// and some slack; nothing buffers the whole output. Corrupt, truncated or unsupported input (dictionaries,
/// a window above <c>maxWindowSize</c>, reserved bits) throws <see cref="InvalidDataException"/> whose
/// message names the compressed byte offset.
/// </summary>
public sealed class ZstdDecompressionStream : Stream
{
    /// <summary>128 MiB, the reference decoder's default window limit.</summary>
    public const long DefaultMaxWindowSize = 1L << 27;

    private readonly Stream _compressed;
    private readonly bool _leaveOpen;
    private ZstdDecoder? _decoder;
    private ExceptionDispatchInfo? _failure;
    private bool _ended;
    private long _position;

    /// <param name="compressed">The zstd data, read forward from its current position.</param>
    /// <param name="leaveOpen">Whether <paramref name="compressed"/> stays open when this stream is disposed.</param>
    /// <param name="maxWindowSize">Frames that need a larger window (history) are rejected; at most 1 GiB.</param>
    public ZstdDecompressionStream(Stream compressed, bool leaveOpen = false, long maxWindowSize = DefaultMaxWindowSize)
    {
        if (compressed is null) throw new ArgumentNullException(nameof(compressed));
        if (!compressed.CanRead) throw new ArgumentException("The compressed stream must be readable.", nameof(compressed));
        if (maxWindowSize < 1 || maxWindowSize > ZstdConstants.MaxSupportedWindowSize)
            throw new ArgumentOutOfRangeException(nameof(maxWindowSize), maxWindowSize,
                $"The window limit must be between 1 and {ZstdConstants.MaxSupportedWindowSize} bytes.");
        _compressed = compressed;
        _leaveOpen = leaveOpen;
        _decoder = new ZstdDecoder(compressed, maxWindowSize);
    }

    public override bool CanRead => _decoder is not null;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException("A zstd stream's decoded length is not known in advance.");

    /// <summary>Decoded bytes returned so far; setting it is not supported.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("A zstd decompression stream cannot seek.");
    }

    /// <summary>What the decoder met so far (tests assert which format paths a fixture covers).</summary>
    internal ZstdStatistics Statistics => Decoder.Statistics;

    /// <summary>Size of the output (window) buffer, for tests that memory stays bounded.</summary>
    internal int OutputBufferLength => Decoder.Output.Buffer.Length;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (buffer is null) throw new ArgumentNullException(nameof(buffer));
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset));
        if (count < 0 || count > buffer.Length - offset) throw new ArgumentOutOfRangeException(nameof(count));
        ZstdDecoder decoder = Decoder;
        int copied = 0;
        while (copied < count && EnsureOutput(decoder))
        {
            OutputWindow output = decoder.Output;
            int n = Math.Min(output.Available, count - copied);
            Buffer.BlockCopy(output.Buffer, output.ReadPosition, buffer, offset + copied, n);
            output.ReadPosition += n;
            copied += n;
        }
        _position += copied;
        return copied;
    }

    public override int ReadByte()
    {
        ZstdDecoder decoder = Decoder;
        if (!EnsureOutput(decoder)) return -1;
        OutputWindow output = decoder.Output;
        _position++;
        return output.Buffer[output.ReadPosition++];
    }

    /// <summary>Decodes until unread output exists; false at the end of the data.</summary>
    private bool EnsureOutput(ZstdDecoder decoder)
    {
        while (decoder.Output.Available == 0)
        {
            if (_ended) return false;
            _failure?.Throw();
            try
            {
                if (!decoder.DecodeNext()) _ended = true;
            }
            catch (Exception e)
            {
                // The decoder's state is unusable after a failure: every later read fails the same way.
                _failure = ExceptionDispatchInfo.Capture(e);
                throw;
            }
        }
        return true;
    }

    private ZstdDecoder Decoder => _decoder ?? throw new ObjectDisposedException(nameof(ZstdDecompressionStream));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A zstd decompression stream cannot seek.");
    public override void SetLength(long value) => throw new NotSupportedException("A zstd decompression stream is read-only.");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A zstd decompression stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing && _decoder is not null)
            {
                _decoder.Dispose();
                _decoder = null;
                if (!_leaveOpen) _compressed.Dispose();
            }
        }
        finally
        {
            base.Dispose(disposing);
        }
    }
}
