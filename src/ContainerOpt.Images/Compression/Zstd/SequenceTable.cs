namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// One state of a sequence decoding table packed in 64 bits, with the code already resolved: one load per
/// table per sequence, and one register instead of four fields in the hot loop.
/// </summary>
internal static class SequenceEntry
{
    public static ulong Pack(uint baseline, int extraBits, int nextStateBase, int stateBits) =>
        baseline | ((ulong)nextStateBase << 32) | ((ulong)stateBits << 48) | ((ulong)extraBits << 56);

    /// <summary>The code's baseline (low 32 bits).</summary>
    public static uint Baseline(ulong entry) => (uint)entry;
    public static int NextStateBase(ulong entry) => (int)(entry >> 32) & 0xFFFF;
    public static int StateBits(ulong entry) => (int)(entry >> 48) & 0xFF;
    public static int ExtraBits(ulong entry) => (int)(entry >> 56);
}

/// <summary>
/// An FSE decoding table for one sequence symbol type, built from a predefined distribution, an RLE symbol
/// or an FSE table description (RFC 8878 §3.1.1.3.2.1), and kept for "repeat" mode.
/// </summary>
internal sealed class SequenceTable
{
    private const int MaxTableSize = 1 << FseTableBuilder.MaxAccuracyLog;

    public readonly ulong[] Entries = new ulong[MaxTableSize];
    public int AccuracyLog { get; private set; }

    // Scratch for building, kept so that a new table per block costs no allocation.
    private readonly short[] _probabilities = new short[FseTableBuilder.MaxSymbols];
    private readonly byte[] _symbols = new byte[MaxTableSize];
    private readonly byte[] _numBits = new byte[MaxTableSize];
    private readonly ushort[] _baselines = new ushort[MaxTableSize];
    private readonly ushort[] _next = new ushort[FseTableBuilder.MaxSymbols];

    public static SequenceTable FromDistribution(SequenceCodes codes, short[] probabilities, int symbolCount, int accuracyLog, long errorOffset)
    {
        var table = new SequenceTable();
        Array.Copy(probabilities, table._probabilities, symbolCount);
        table.Build(codes, symbolCount, accuracyLog, errorOffset);
        return table;
    }

    /// <summary>A one-state table that always yields <paramref name="symbol"/> and reads no state bits.</summary>
    public void SetRle(SequenceCodes codes, int symbol)
    {
        AccuracyLog = 0;
        Entries[0] = SequenceEntry.Pack(codes.Baselines[symbol], codes.ExtraBits[symbol], nextStateBase: 0, stateBits: 0);
    }

    /// <summary>Reads an FSE table description at <paramref name="start"/>; returns its size in bytes.</summary>
    public int ReadDescription(SequenceCodes codes, byte[] data, int start, int end, long offsetBias)
    {
        int size = FseDistribution.Read(data, start, end, codes.MaxSymbol, codes.MaxAccuracyLog, _probabilities,
            out int symbolCount, out int accuracyLog, offsetBias, codes.InvalidTableMessage);
        Build(codes, symbolCount, accuracyLog, offsetBias + start);
        return size;
    }

    private void Build(SequenceCodes codes, int symbolCount, int accuracyLog, long errorOffset)
    {
        FseTableBuilder.Build(_probabilities, symbolCount, accuracyLog, _symbols, _numBits, _baselines, _next,
            errorOffset, codes.InvalidTableMessage);
        int size = 1 << accuracyLog;
        for (int state = 0; state < size; state++)
        {
            int symbol = _symbols[state];
            Entries[state] = SequenceEntry.Pack(codes.Baselines[symbol], codes.ExtraBits[symbol], _baselines[state], _numBits[state]);
        }
        AccuracyLog = accuracyLog;
    }
}
