namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Turns a normalized distribution into an FSE decoding table (RFC 8878 §4.1.1, "From normalized
/// distribution to decoding tables"): for each state, the symbol, the bits to read and the baseline of the
/// next state.
/// </summary>
internal static class FseTableBuilder
{
    public const int MaxAccuracyLog = 9;
    public const int MaxSymbols = 53;

    /// <summary>Fills the three per-state arrays; <c>next</c> is scratch of at least <see cref="MaxSymbols"/> entries.</summary>
    public static void Build(short[] probabilities, int symbolCount, int accuracyLog,
        byte[] symbols, byte[] numBits, ushort[] baselines, ushort[] next, long errorOffset, string what)
    {
        int tableSize = 1 << accuracyLog;
        int highThreshold = tableSize - 1;

        // "Less than 1" symbols take one cell each from the end of the table.
        for (int s = 0; s < symbolCount; s++)
        {
            int p = probabilities[s];
            if (p == -1)
            {
                symbols[highThreshold--] = (byte)s;
                next[s] = 1;
            }
            else
            {
                next[s] = (ushort)p;
            }
        }

        // Spread the others over the remaining cells with the format's fixed step.
        int step = (tableSize >> 1) + (tableSize >> 3) + 3;
        int mask = tableSize - 1;
        int position = 0;
        for (int s = 0; s < symbolCount; s++)
        {
            for (int i = 0; i < probabilities[s]; i++)
            {
                symbols[position] = (byte)s;
                do position = (position + step) & mask;
                while (position > highThreshold);
            }
        }
        if (position != 0)
            throw ZstdErrors.Corrupt(errorOffset, $"{what}: distribution does not fill its table");

        for (int state = 0; state < tableSize; state++)
        {
            int s = symbols[state];
            int nextState = next[s]++;
            int bits = accuracyLog - Bits.HighBit((uint)nextState);
            numBits[state] = (byte)bits;
            baselines[state] = (ushort)((nextState << bits) - tableSize);
        }
    }
}
