using System.Buffers;
using System.Runtime.ExceptionServices;
using ZstdSharp.Unsafe;

namespace ContainerOpt.Images.Compression;

/// <summary>
/// Read-only, forward-only stream of the bytes that zstd frames (RFC 8878) in <c>compressed</c> decode to:
/// concatenated frames, skippable frames, content checksums (verified). Decoding is ZstdSharp's (a port of
/// the reference C library) through its streaming API; memory stays bounded by the frame's window.
/// Corrupt, truncated or unsupported input (dictionaries, a window above <c>maxWindowSize</c>) throws
/// <see cref="InvalidDataException"/> naming the compressed byte offset where decoding stopped; the image
/// readers turn it into an <see cref="Archives.ImageReadException"/>.
/// </summary>
/// <remarks>
/// net8.0 only (the dotnet CLI's task and the containeropt tool). The netstandard2.0 build, which Visual
/// Studio's MSBuild.exe loads through the net472 task, has the same public type over the managed decoder in
/// Zstd/: ZstdSharp 0.8.8 needs System.Memory 4.0.2.0, which MSBuild.exe only binds from Visual Studio 2022
/// 17.14 on (Zstd/README.md has the evidence).
/// </remarks>
public sealed class ZstdDecompressionStream : Stream
{
    /// <summary>128 MiB, the reference decoder's default window limit.</summary>
    public const long DefaultMaxWindowSize = 1L << 27;

    /// <summary>1 GiB: the largest window limit this stream accepts.</summary>
    public const long MaxSupportedWindowSize = 1L << 30;

    private const int InputBufferSize = 128 * 1024;

    private readonly Stream _compressed;
    private readonly bool _leaveOpen;
    /// <summary>The window limit in force: maxWindowSize rounded down to a power of two.</summary>
    private readonly long _windowLimit;
    private DecoderContext? _context;
    private byte[]? _input;
    private int _inputStart;
    private int _inputEnd;
    private bool _inputEnded;
    /// <summary>Compressed bytes handed to the decoder so far: the offset of the next one.</summary>
    private long _consumed;
    /// <summary>The decoder's answer after the last call that moved bytes: 0 when that frame is complete and flushed.</summary>
    private nuint _pending;
    /// <summary>Compressed offset where the current frame starts (where the last one ended).</summary>
    private long _frameStart;
    private ExceptionDispatchInfo? _failure;
    private bool _ended;
    private long _position;

    /// <param name="compressed">The zstd data, read forward from its current position.</param>
    /// <param name="leaveOpen">Whether <paramref name="compressed"/> stays open when this stream is disposed.</param>
    /// <param name="maxWindowSize">
    /// Frames that need a larger window (history) are refused; at most 1 GiB. The decoder takes the limit as a
    /// power of two: a value in between counts as the power of two below it (at least 1 KiB).
    /// </param>
    public ZstdDecompressionStream(Stream compressed, bool leaveOpen = false, long maxWindowSize = DefaultMaxWindowSize)
    {
        if (compressed is null) throw new ArgumentNullException(nameof(compressed));
        if (!compressed.CanRead) throw new ArgumentException("The compressed stream must be readable.", nameof(compressed));
        if (maxWindowSize < 1 || maxWindowSize > MaxSupportedWindowSize)
            throw new ArgumentOutOfRangeException(nameof(maxWindowSize), maxWindowSize,
                $"The window limit must be between 1 and {MaxSupportedWindowSize} bytes.");
        _compressed = compressed;
        _leaveOpen = leaveOpen;
        int windowLog = Math.Max(10, 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)maxWindowSize));
        _windowLimit = 1L << windowLog;
        _context = new DecoderContext(windowLog);
        _input = ArrayPool<byte>.Shared.Rent(InputBufferSize);
    }

    public override bool CanRead => _context is not null;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException("A zstd stream's decoded length is not known in advance.");

    /// <summary>Decoded bytes returned so far; setting it is not supported.</summary>
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("A zstd decompression stream cannot seek.");
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (buffer is null) throw new ArgumentNullException(nameof(buffer));
        if (offset < 0) throw new ArgumentOutOfRangeException(nameof(offset));
        if (count < 0 || count > buffer.Length - offset) throw new ArgumentOutOfRangeException(nameof(count));
        return Read(buffer.AsSpan(offset, count));
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 1 ? one[0] : -1;
    }

    /// <summary>Fills <paramref name="buffer"/> as far as the data goes, across blocks and frames.</summary>
    public override int Read(Span<byte> buffer)
    {
        DecoderContext context = _context ?? throw new ObjectDisposedException(nameof(ZstdDecompressionStream));
        if (buffer.IsEmpty || _ended) return 0;
        _failure?.Throw();
        try
        {
            int written = Decode(context, buffer);
            _position += written;
            return written;
        }
        catch (Exception e)
        {
            // The decoder's state is unusable after a failure: every later read fails the same way.
            _failure = ExceptionDispatchInfo.Capture(e);
            throw;
        }
    }

    private int Decode(DecoderContext context, Span<byte> output)
    {
        byte[] input = _input!;
        int written = 0;
        while (written < output.Length)
        {
            if (_inputStart == _inputEnd && !_inputEnded)
            {
                _inputStart = 0;
                _inputEnd = _compressed.Read(input, 0, input.Length);
                if (_inputEnd == 0) _inputEnded = true;
            }
            bool noMoreInput = _inputStart == _inputEnd && _inputEnded;
            var (result, read, produced) = context.Decompress(input.AsSpan(_inputStart, _inputEnd - _inputStart), output.Slice(written));
            _inputStart += read;
            _consumed += read;
            written += produced;
            if (Methods.ZSTD_isError(result)) throw Failure(result);
            // A call that moved nothing (the input is used up) answers with a hint for the next frame's
            // header: the state that counts is the one after the last call that moved bytes.
            if (read > 0 || produced > 0)
            {
                _pending = result;
                if (result == 0) _frameStart = _consumed;
            }
            if (noMoreInput && produced == 0)
            {
                // Nothing left to read and nothing more flushed: either the last frame ended, or the input did too soon.
                if (_consumed == 0) throw Corrupt("no frame in the input (it is empty)");
                if (_pending != 0) throw Corrupt("truncated input: the data ends inside a frame");
                _ended = true;
                break;
            }
        }
        return written;
    }

    private InvalidDataException Failure(nuint result)
    {
        ZSTD_ErrorCode code = Methods.ZSTD_getErrorCode(result);
        string what = Methods.ZSTD_getErrorName(result);
        return code switch
        {
            ZSTD_ErrorCode.ZSTD_error_frameParameter_windowTooLarge =>
                Corrupt($"the frame's window exceeds the decoder limit {_windowLimit} ({what})"),
            ZSTD_ErrorCode.ZSTD_error_dictionary_wrong =>
                Corrupt($"the frame needs a dictionary, and dictionaries are not supported ({what})"),
            // Reported where that frame starts: the decoder has read its 4 bytes already.
            ZSTD_ErrorCode.ZSTD_error_prefix_unknown => Corrupt($"unknown frame magic number (not zstd data) ({what})", _frameStart),
            ZSTD_ErrorCode.ZSTD_error_checksum_wrong => Corrupt($"content checksum mismatch ({what})"),
            _ => Corrupt(what),
        };
    }

    private InvalidDataException Corrupt(string what) => Corrupt(what, _consumed);

    private static InvalidDataException Corrupt(string what, long offset) => new($"zstd: {what} at compressed offset {offset}");

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A zstd decompression stream cannot seek.");
    public override void SetLength(long value) => throw new NotSupportedException("A zstd decompression stream is read-only.");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A zstd decompression stream is read-only.");

    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing && _context is not null)
            {
                _context.Dispose();
                _context = null;
                ArrayPool<byte>.Shared.Return(_input!);
                _input = null;
                if (!_leaveOpen) _compressed.Dispose();
            }
        }
        finally
        {
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// One ZstdSharp decompression context (native-style memory that ZstdSharp allocates and frees), driven
    /// through ZSTD_decompressStream so that every call reports exactly how much input it consumed and, on
    /// failure, which error: what the messages above are made of.
    /// </summary>
    private sealed unsafe class DecoderContext : IDisposable
    {
        private ZSTD_DCtx_s* _dctx;

        public DecoderContext(int windowLogMax)
        {
            _dctx = Methods.ZSTD_createDCtx();
            if (_dctx == null) throw new OutOfMemoryException("zstd: could not create a decompression context.");
            nuint set = Methods.ZSTD_DCtx_setParameter(_dctx, ZSTD_dParameter.ZSTD_d_windowLogMax, windowLogMax);
            if (Methods.ZSTD_isError(set))
            {
                Dispose();
                throw new InvalidOperationException("zstd: window limit refused: " + Methods.ZSTD_getErrorName(set));
            }
        }

        public (nuint Result, int Read, int Written) Decompress(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            if (_dctx == null) throw new ObjectDisposedException(nameof(ZstdDecompressionStream));
            fixed (byte* src = source)
            fixed (byte* dst = destination)
            {
                var input = new ZSTD_inBuffer_s { src = src, size = (nuint)source.Length, pos = 0 };
                var output = new ZSTD_outBuffer_s { dst = dst, size = (nuint)destination.Length, pos = 0 };
                nuint result = Methods.ZSTD_decompressStream(_dctx, &output, &input);
                return (result, (int)input.pos, (int)output.pos);
            }
        }

        public void Dispose()
        {
            if (_dctx != null)
            {
                Methods.ZSTD_freeDCtx(_dctx);
                _dctx = null;
            }
            GC.SuppressFinalize(this);
        }

        ~DecoderContext()
        {
            if (_dctx != null) Methods.ZSTD_freeDCtx(_dctx);
        }
    }
}
