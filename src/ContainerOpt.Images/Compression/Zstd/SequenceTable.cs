using System.Runtime.InteropServices;

namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>One state of a sequence decoding table, with the code already resolved to its baseline and extra bits.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SequenceEntry
{
    public uint Baseline;
    public ushort NextStateBase;
    public byte StateBits;
    public byte ExtraBits;
}

/// <summary>
/// An FSE decoding table for one sequence symbol type, built from a predefined distribution, an RLE symbol
/// or an FSE table description (RFC 8878 §3.1.1.3.2.1), and kept for "repeat" mode.
/// </summary>
internal sealed class SequenceTable
{
    private const int MaxTableSize = 1 << FseTableBuilder.MaxAccuracyLog;

    public readonly SequenceEntry[] Entries = new SequenceEntry[MaxTableSize];
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
        Entries[0] = new SequenceEntry
        {
            Baseline = codes.Baselines[symbol],
            ExtraBits = codes.ExtraBits[symbol],
            NextStateBase = 0,
            StateBits = 0,
        };
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
            Entries[state] = new SequenceEntry
            {
                Baseline = codes.Baselines[symbol],
                ExtraBits = codes.ExtraBits[symbol],
                NextStateBase = _baselines[state],
                StateBits = _numBits[state],
            };
        }
        AccuracyLog = accuracyLog;
    }
}
