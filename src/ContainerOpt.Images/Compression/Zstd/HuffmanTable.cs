namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// A literals Huffman decoding table (RFC 8878 §4.2.1): indexed by the next <see cref="MaxBits"/> bits of a
/// stream, each entry holds the symbol (low byte) and its code length (high byte). Read from a tree
/// description, then kept for treeless literal blocks.
/// </summary>
internal sealed class HuffmanTable
{
    public const int MaxCodeLength = 11;
    private const int MaxFseWeightsLog = 6;
    private const int MaxEncodedWeights = 255;

    public readonly ushort[] Entries = new ushort[1 << MaxCodeLength];
    public int MaxBits { get; private set; }
    public bool IsValid { get; private set; }

    private readonly byte[] _weights = new byte[MaxEncodedWeights + 1];
    private readonly short[] _probabilities = new short[16];
    private readonly byte[] _fseSymbols = new byte[1 << MaxFseWeightsLog];
    private readonly byte[] _fseBits = new byte[1 << MaxFseWeightsLog];
    private readonly ushort[] _fseBaselines = new ushort[1 << MaxFseWeightsLog];
    private readonly ushort[] _fseNext = new ushort[FseTableBuilder.MaxSymbols];
    private readonly int[] _weightCounts = new int[MaxCodeLength + 2];

    public void Invalidate() => IsValid = false;

    /// <summary>Reads a Huffman tree description at <paramref name="start"/>; returns its size in bytes.</summary>
    public int ReadDescription(byte[] data, int start, int end, long offsetBias)
    {
        IsValid = false;
        if (start >= end)
            throw ZstdErrors.Corrupt(offsetBias + start, "missing Huffman tree description");
        int header = data[start];
        int weightCount;
        int size;
        if (header < 128)
        {
            size = 1 + header;
            if (size > end - start)
                throw ZstdErrors.Corrupt(offsetBias + start, "invalid Huffman tree description (longer than the literals section)");
            weightCount = ReadFseWeights(data, start + 1, start + size, offsetBias);
        }
        else
        {
            weightCount = header - 127;
            size = 1 + (weightCount + 1) / 2;
            if (size > end - start)
                throw ZstdErrors.Corrupt(offsetBias + start, "invalid Huffman tree description (longer than the literals section)");
            for (int i = 0; i < weightCount; i++)
            {
                int b = data[start + 1 + i / 2];
                _weights[i] = (byte)((i & 1) == 0 ? b >> 4 : b & 0xF);
            }
        }
        Build(weightCount, offsetBias + start);
        IsValid = true;
        return size;
    }

    /// <summary>Decodes FSE-compressed weights: two interleaved states over one table (RFC 8878 §4.2.1.2).</summary>
    private int ReadFseWeights(byte[] data, int start, int end, long offsetBias)
    {
        const string what = "invalid Huffman tree description";
        int headerSize = FseDistribution.Read(data, start, end, MaxCodeLength, MaxFseWeightsLog, _probabilities,
            out int symbolCount, out int accuracyLog, offsetBias, what);
        FseTableBuilder.Build(_probabilities, symbolCount, accuracyLog, _fseSymbols, _fseBits, _fseBaselines, _fseNext,
            offsetBias + start, what);

        var bits = new BackwardBitReader(data, start + headerSize, end, offsetBias, "Huffman weights bitstream");
        int state1 = (int)bits.Read(accuracyLog);
        int state2 = (int)bits.Read(accuracyLog);
        if (bits.Remaining < 0)
            throw ZstdErrors.Corrupt(offsetBias + start, $"{what} (weights bitstream too short)");

        // Symbols alternate between the states; when an update would read past the stream start, the other
        // state's symbol is the last one.
        int count = 0;
        while (true)
        {
            if (count > MaxEncodedWeights - 2)
                throw ZstdErrors.Corrupt(offsetBias + start, $"{what} (more than {MaxEncodedWeights} weights)");
            _weights[count++] = _fseSymbols[state1];
            bits.Refill(data);
            state1 = _fseBaselines[state1] + (int)bits.Read(_fseBits[state1]);
            if (bits.Remaining < 0)
            {
                _weights[count++] = _fseSymbols[state2];
                break;
            }
            _weights[count++] = _fseSymbols[state2];
            bits.Refill(data);
            state2 = _fseBaselines[state2] + (int)bits.Read(_fseBits[state2]);
            if (bits.Remaining < 0)
            {
                _weights[count++] = _fseSymbols[state1];
                break;
            }
        }
        return count;
    }

    /// <summary>Completes the weights with the implied last one and fills <see cref="Entries"/>.</summary>
    private void Build(int weightCount, long errorOffset)
    {
        const string what = "invalid Huffman tree description";
        // Per weight: first the number of symbols, then (below) the first table cell of that weight.
        int[] counts = _weightCounts;
        Array.Clear(counts, 0, counts.Length);
        uint total = 0;
        for (int i = 0; i < weightCount; i++)
        {
            int w = _weights[i];
            if (w > MaxCodeLength)
                throw ZstdErrors.Corrupt(errorOffset, $"{what} (weight {w} above {MaxCodeLength})");
            if (w > 0) total += 1u << (w - 1);
            counts[w]++;
        }
        if (total == 0)
            throw ZstdErrors.Corrupt(errorOffset, $"{what} (all weights are 0)");
        int maxBits = Bits.HighBit(total) + 1;
        if (maxBits > MaxCodeLength)
            throw ZstdErrors.Corrupt(errorOffset, $"{what} (codes longer than {MaxCodeLength} bits)");
        uint rest = (1u << maxBits) - total;
        if ((rest & (rest - 1)) != 0)
            throw ZstdErrors.Corrupt(errorOffset, $"{what} (weights do not complete a power of 2)");
        int lastWeight = Bits.HighBit(rest) + 1;
        _weights[weightCount] = (byte)lastWeight;
        counts[lastWeight]++;
        int symbolCount = weightCount + 1;
        // A complete prefix code has an even number (at least 2) of longest codes.
        if (counts[1] < 2 || (counts[1] & 1) != 0)
            throw ZstdErrors.Corrupt(errorOffset, $"{what} (odd number of longest codes)");

        // Lowest weights (longest codes) take the lowest table positions, in symbol order within a weight.
        int position = 0;
        for (int w = 1; w <= maxBits; w++)
        {
            int cells = counts[w] << (w - 1);
            counts[w] = position;
            position += cells;
        }
        ushort[] entries = Entries;
        for (int s = 0; s < symbolCount; s++)
        {
            int w = _weights[s];
            if (w == 0) continue;
            int length = 1 << (w - 1);
            ushort entry = (ushort)(((maxBits + 1 - w) << 8) | s);
            int at = counts[w];
            for (int i = 0; i < length; i++) entries[at + i] = entry;
            counts[w] = at + length;
        }
        MaxBits = maxBits;
    }

}
