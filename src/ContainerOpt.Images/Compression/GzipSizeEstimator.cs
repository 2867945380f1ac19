using System.IO.Compression;

namespace ContainerOpt.Images.Compression;

/// <summary>
/// Estimates, while a stream is written to it, the size gzip at the default level (6) makes of it: what
/// <c>docker push</c> uploads for a layer that <c>docker save</c> hands over plain (Go's compress/gzip,
/// whose level-6 sizes are within 0.5% of zlib's on real layers; README "Image layer report").
/// Compressing everything at level 6 runs at ≈ 50 MB/s, so the bytes are cut into 64 KiB blocks and
/// each block gets a cheap LZ cost (<see cref="DeflateCostProbe"/>); a block the probe cannot shrink
/// is counted as deflate's stored blocks, arithmetically; of the others, a fixed, pseudo-random one in
/// <c>stride</c> is deflated for real (after the 32 KiB of input before it, deflate's window) and the
/// probe's total is scaled by what those samples compressed to against what the probe said. Layers up
/// to <see cref="TargetSamples"/> blocks (4 MiB) are deflated whole, block by block. Every block is probed:
/// pricing some from a cheaper statistic widened the error 2–4 times on real layers. ≈ 230 MB per CPU-second
/// on real layers (build/gzip-estimate-speed.cs), the probe most of it, the samples ≈ 0.1 CPU-s a layer.
/// The work runs on the thread pool, 256 KiB at a time, with a bounded number of buffers in flight; the
/// result depends only on the bytes (block boundaries are offsets, totals are integer sums) and on the
/// runtime's deflate (<see cref="SampleSize"/>).
/// </summary>
public sealed class GzipSizeEstimator : Stream
{
    public const int BlockSize = 64 * 1024;

    /// <summary>Compressed blocks aimed at per stream (the sampling error shrinks as 1/√samples)...</summary>
    public const int TargetSamples = 64;

    /// <summary>...but at least one block in this many is compressed, however long the stream.</summary>
    public const int MaxStride = 32;

    private const int Window = 32 * 1024;

    /// <summary>Blocks per work item: small buffers, so a layer leaves little garbage behind; big enough that queueing is noise.</summary>
    private const int SegmentBlocks = 4;

    /// <summary>zlib and Go's flate store incompressible input in blocks of 16,383 bytes with a 5-byte header.</summary>
    private const int StoredBlockBytes = 16383;
    private const int StoredBlockHeader = 5;

    /// <summary>gzip's 10-byte header and 8-byte trailer (CRC-32, length).</summary>
    private const int GzipFraming = 18;

    /// <summary>
    /// A block the probe prices at 98% of its bytes or more is taken as incompressible: on the real layers measured,
    /// level 6 made 96.5–100.04% of such blocks (0.2–2.3% of a layer's bytes).
    /// </summary>
    private const int IncompressiblePercent = 98;

    [ThreadStatic] private static int[]? t_hashTable;
    [ThreadStatic] private static int[]? t_histogram;

    private readonly int _stride;
    private readonly int _maxInFlight = Math.Min(16, 2 * Environment.ProcessorCount + 2);
    private readonly Queue<InFlight> _inFlight = new();
    private byte[] _segment;
    private int _contextLength;
    private int _filled;
    private long _firstBlock;
    private long _length;
    private long? _result;

    // Added to by the workers; integer sums, so the order they finish in does not matter.
    private long _incompressibleBytes;
    private long _probedBits;
    private long _sampledBits;
    private long _sampledCompressedBytes;

    /// <param name="expectedLength">
    /// The stream's length when known in advance (a tar header's size): sets how many blocks are compressed.
    /// Unknown, one block in <see cref="MaxStride"/> is.
    /// </param>
    public GzipSizeEstimator(long? expectedLength = null)
    {
        _stride = expectedLength is { } length && length >= 0
            ? (int)Math.Max(1, Math.Min(MaxStride, ((length + BlockSize - 1) / BlockSize + TargetSamples - 1) / TargetSamples))
            : MaxStride;
        // A small stream gets a buffer of its size; later ones are full segments.
        long firstData = expectedLength is { } expected && expected >= 0 && expected < (long)SegmentBlocks * BlockSize
            ? Math.Max(BlockSize, (expected + BlockSize - 1) / BlockSize * BlockSize)
            : (long)SegmentBlocks * BlockSize;
        _segment = new byte[Window + firstData];
    }

    /// <summary>One block in this many is compressed for real.</summary>
    public int Stride => _stride;

    /// <summary>Waits for the pending blocks and returns the estimated gzip size; further writes are refused.</summary>
    public long Complete()
    {
        if (_result is { } done) return done;
        if (_filled > 0) Dispatch(rentNext: false);
        while (_inFlight.Count > 0) _inFlight.Dequeue().Work.GetAwaiter().GetResult();
        long stored = _incompressibleBytes + StoredBlockHeader * ((_incompressibleBytes + StoredBlockBytes - 1) / StoredBlockBytes);
        long compressible =
            _stride == 1 ? _sampledCompressedBytes // every compressible block was compressed: nothing to extrapolate
            : _sampledBits > 0 ? (long)Math.Round((double)_probedBits * _sampledCompressedBytes / _sampledBits)
            : (_probedBits + 7) / 8; // no compressible block was sampled: the probe's own price
        // Empty input still makes a final (empty) deflate block: 2 bytes, as the gzip tool writes it.
        long deflated = _length == 0 ? 2 : stored + compressible;
        _result = GzipFraming + deflated;
        return _result.Value;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_result is not null) throw new InvalidOperationException("The estimate is complete.");
        while (count > 0)
        {
            int room = _segment.Length - Window - _filled;
            int take = Math.Min(room, count);
            Buffer.BlockCopy(buffer, offset, _segment, Window + _filled, take);
            _filled += take;
            _length += take;
            offset += take;
            count -= take;
            if (_filled == _segment.Length - Window) Dispatch(rentNext: true);
        }
    }

    private void Dispatch(bool rentNext)
    {
        byte[] full = _segment;
        int filled = _filled, context = _contextLength;
        long firstBlock = _firstBlock;
        _inFlight.Enqueue(new InFlight(Task.Run(() => Measure(full, context, filled, firstBlock)), full));
        _firstBlock += (filled + BlockSize - 1) / BlockSize;
        _filled = 0;
        if (!rentNext) return;
        _segment = Rent();
        // The next segment's first block is compressed after the window of input that precedes it.
        Buffer.BlockCopy(full, filled, _segment, 0, Window); // the last Window bytes of its data
        _contextLength = Window;
    }

    private byte[] Rent()
    {
        const int size = Window + SegmentBlocks * BlockSize;
        if (_inFlight.Count < _maxInFlight) return new byte[size];
        // Bounded memory: wait for the oldest segment and reuse its buffer (never the one just queued: _maxInFlight >= 2).
        InFlight oldest = _inFlight.Dequeue();
        oldest.Work.GetAwaiter().GetResult();
        if (oldest.Buffer.Length == size) return oldest.Buffer;
        return new byte[size];
    }

    /// <summary>A worker: probes every block of a segment, deflates the sampled ones, adds to the totals.</summary>
    private void Measure(byte[] segment, int contextLength, int filled, long firstBlock)
    {
        int[] table = t_hashTable ??= new int[1 << DeflateCostProbe.HashBits];
        int[] histogram = t_histogram ??= new int[DeflateCostProbe.HistogramLength];
        long incompressible = 0, probed = 0, sampledBits = 0, sampledBytes = 0;
        for (int block = 0; block * BlockSize < filled; block++)
        {
            int start = Window + block * BlockSize;
            int count = Math.Min(BlockSize, filled - block * BlockSize);
            long bits = DeflateCostProbe.Bits(segment, start, count, table, histogram);
            if (bits * 100 >= IncompressiblePercent * 8L * count)
            {
                incompressible += count;
                continue;
            }
            probed += bits;
            if (!IsSampled(firstBlock + block, _stride)) continue;
            int contextStart = Math.Max(Window - contextLength, start - Window);
            sampledBits += bits;
            sampledBytes += SampleSize(segment, contextStart, start, count);
        }
        Interlocked.Add(ref _incompressibleBytes, incompressible);
        Interlocked.Add(ref _probedBits, probed);
        Interlocked.Add(ref _sampledBits, sampledBits);
        Interlocked.Add(ref _sampledCompressedBytes, sampledBytes);
    }

    /// <summary>
    /// A fixed pseudo-random choice of one block in <paramref name="stride"/>: regular spacing could fall in step
    /// with a layer's structure (files of a repeating size), a hash of the index cannot.
    /// </summary>
    internal static bool IsSampled(long block, int stride)
    {
        ulong x = (ulong)block + 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return x % (ulong)stride == 0;
    }

    /// <summary>
    /// What deflate at level 6 spends on the block at <paramref name="start"/> when the input from
    /// <paramref name="contextStart"/> (its 32 KiB window, none for the stream's first block) came before it.
    /// </summary>
    private static long SampleSize(byte[] buffer, int contextStart, int start, int count)
    {
        if (start == contextStart) return DeflatedSize(buffer, start, count);
#if NETSTANDARD2_0
        // The net472 task: .NET Framework's DeflateStream.Flush does nothing, so the context is priced on its own and
        // taken off (summed over every block of a real layer: within 0.1% of deflating the layer whole).
        return DeflatedSize(buffer, contextStart, start - contextStart + count) - DeflatedSize(buffer, contextStart, start - contextStart);
#else
        // One pass: deflate the context, sync-flush (the bytes out so far are the context's), then the block. A quarter
        // less work than deflating the context twice; summed over every block of a real layer 0.08–0.25% short of
        // deflating the layer whole, where the two runs came 0.02–0.1% over (README "Image layer report").
        var counter = new CountingNullStream();
        using var deflate = new DeflateStream(counter, CompressionLevel.Optimal, leaveOpen: true);
        deflate.Write(buffer, contextStart, start - contextStart);
        deflate.Flush();
        long context = counter.Count;
        deflate.Write(buffer, start, count);
        deflate.Dispose();
        return counter.Count - context;
#endif
    }

    /// <summary>Deflate's output for the bytes, finished.</summary>
    private static long DeflatedSize(byte[] buffer, int offset, int count)
    {
        var counter = new CountingNullStream();
        using (var deflate = new DeflateStream(counter, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(buffer, offset, count);
        }
        return counter.Count;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Waits for work still running (a scan that failed half-way), ignoring its outcome.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            while (_inFlight.Count > 0)
            {
                try { _inFlight.Dequeue().Work.Wait(); }
                catch (AggregateException) { }
            }
        }
        base.Dispose(disposing);
    }

    private readonly struct InFlight
    {
        public InFlight(Task work, byte[] buffer)
        {
            Work = work;
            Buffer = buffer;
        }

        public Task Work { get; }
        public byte[] Buffer { get; }
    }
}
