namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Reads an FSE table description (RFC 8878 §4.1.1): the accuracy log and the normalized probability of
/// each symbol, from a forward little-endian bitstream.
/// </summary>
internal static class FseDistribution
{
    /// <summary>
    /// Fills <paramref name="probabilities"/> (−1 meaning "less than 1") and returns the number of bytes the
    /// description takes. <paramref name="symbolCount"/> is one past the last listed symbol.
    /// </summary>
    public static int Read(byte[] data, int start, int end, int maxSymbol, int maxAccuracyLog, short[] probabilities,
        out int symbolCount, out int accuracyLog, long offsetBias, string what)
    {
        var bits = new ForwardBits(data, start, end);
        accuracyLog = (int)bits.Read(4) + 5;
        if (accuracyLog > maxAccuracyLog)
            throw ZstdErrors.Corrupt(offsetBias + start, $"{what}: accuracy log {accuracyLog} exceeds {maxAccuracyLog}");

        int remaining = (1 << accuracyLog) + 1;
        int threshold = 1 << accuracyLog;
        int fieldBits = accuracyLog + 1;
        int symbol = 0;
        while (remaining > 1)
        {
            if (symbol > maxSymbol)
                throw ZstdErrors.Corrupt(offsetBias + start, $"{what}: probabilities listed beyond symbol {maxSymbol}");
            // Values below `small` fit in one bit less (RFC 8878 §4.1.1).
            int small = 2 * threshold - 1 - remaining;
            int value = (int)bits.Peek(fieldBits - 1);
            if (value < small)
            {
                bits.Skip(fieldBits - 1);
            }
            else
            {
                value = (int)bits.Peek(fieldBits);
                if (value >= threshold) value -= small;
                bits.Skip(fieldBits);
            }
            int probability = value - 1;
            remaining -= probability < 0 ? 1 : probability;
            probabilities[symbol++] = (short)probability;
            if (probability == 0)
            {
                int repeat;
                do
                {
                    repeat = (int)bits.Read(2);
                    if (symbol + repeat > maxSymbol + 1)
                        throw ZstdErrors.Corrupt(offsetBias + start, $"{what}: zero-probability run beyond symbol {maxSymbol}");
                    for (int i = 0; i < repeat; i++) probabilities[symbol++] = 0;
                }
                while (repeat == 3);
            }
            if (remaining < 1) break;
            while (remaining < threshold)
            {
                fieldBits--;
                threshold >>= 1;
            }
        }
        if (remaining != 1)
            throw ZstdErrors.Corrupt(offsetBias + start, $"{what}: probabilities do not add up to {1 << accuracyLog}");
        int size = bits.BytesUsed;
        if (size > end - start)
            throw ZstdErrors.Corrupt(offsetBias + start, $"{what}: description runs past the end of its section");
        symbolCount = symbol;
        return size;
    }

    /// <summary>A forward little-endian bit reader whose reads past <c>end</c> see zeros.</summary>
    private struct ForwardBits
    {
        private readonly byte[] _data;
        private readonly int _start;
        private readonly int _end;
        private long _bit;

        public ForwardBits(byte[] data, int start, int end)
        {
            _data = data;
            _start = start;
            _end = end;
            _bit = 0;
        }

        public readonly int BytesUsed => (int)((_bit + 7) >> 3);

        public readonly uint Peek(int count)
        {
            long index = _start + (_bit >> 3);
            int shift = (int)(_bit & 7);
            // Up to 12 bits shifted by up to 7 span at most 3 bytes; 4 are gathered.
            uint window = 0;
            for (int i = 0; i < 4; i++)
            {
                long at = index + i;
                if (at < _end) window |= (uint)_data[at] << (8 * i);
            }
            return (window >> shift) & ((1u << count) - 1);
        }

        public void Skip(int count) => _bit += count;

        public uint Read(int count)
        {
            uint value = Peek(count);
            _bit += count;
            return value;
        }
    }
}
