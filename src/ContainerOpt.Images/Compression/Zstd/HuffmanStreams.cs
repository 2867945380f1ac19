namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>Decodes Huffman-coded literal streams (RFC 8878 §3.1.1.3.1.6 and §4.2.2): one stream, or four with a jump table.</summary>
internal static class HuffmanStreams
{
    public static void DecodeOne(byte[] src, int start, int end, HuffmanTable table, byte[] dst, int dstStart, int count, long offsetBias) =>
        DecodeStream(src, start, end, table, dst, dstStart, count, offsetBias, "Huffman literals stream");

    public static void DecodeFour(byte[] src, int start, int end, HuffmanTable table, byte[] dst, int dstStart, int count, long offsetBias)
    {
        if (end - start < 10)
            throw ZstdErrors.Corrupt(offsetBias + start, "invalid Huffman jump table (literals too short for 4 streams)");
        int size1 = src[start] | (src[start + 1] << 8);
        int size2 = src[start + 2] | (src[start + 3] << 8);
        int size3 = src[start + 4] | (src[start + 5] << 8);
        int begin1 = start + 6;
        int begin2 = begin1 + size1;
        int begin3 = begin2 + size2;
        int begin4 = begin3 + size3;
        if (begin4 >= end)
            throw ZstdErrors.Corrupt(offsetBias + start, "invalid Huffman jump table (stream sizes exceed the literals section)");
        int segment = (count + 3) / 4;
        int last = count - 3 * segment;
        if (last < 0)
            throw ZstdErrors.Corrupt(offsetBias + start, $"invalid Huffman jump table ({count} literals cannot fill 4 streams)");
        DecodeStream(src, begin1, begin2, table, dst, dstStart, segment, offsetBias, "Huffman literals stream 1");
        DecodeStream(src, begin2, begin3, table, dst, dstStart + segment, segment, offsetBias, "Huffman literals stream 2");
        DecodeStream(src, begin3, begin4, table, dst, dstStart + 2 * segment, segment, offsetBias, "Huffman literals stream 3");
        DecodeStream(src, begin4, end, table, dst, dstStart + 3 * segment, last, offsetBias, "Huffman literals stream 4");
    }

    private static void DecodeStream(byte[] src, int start, int end, HuffmanTable table, byte[] dst, int dstStart, int count,
        long offsetBias, string what)
    {
        var bits = new BackwardBitReader(src, start, end, offsetBias, what);
        ushort[] entries = table.Entries;
        int shift = 64 - table.MaxBits;
        int op = dstStart;
        int opEnd = dstStart + count;

        // Fast loop: while a refill can move a whole 8 bytes back, decode 4 symbols (at most 44 bits) per refill.
        ulong container = bits.Container;
        int consumed = bits.Consumed;
        int position = bits.Position;
        int fastStart = start + 8;
        while (opEnd - op >= 4 && position >= fastStart)
        {
            position -= consumed >> 3;
            consumed &= 7;
            container = Bits.Load64(src, position);
            int e = entries[(container << consumed) >> shift];
            dst[op] = (byte)e;
            consumed += e >> 8;
            e = entries[(container << consumed) >> shift];
            dst[op + 1] = (byte)e;
            consumed += e >> 8;
            e = entries[(container << consumed) >> shift];
            dst[op + 2] = (byte)e;
            consumed += e >> 8;
            e = entries[(container << consumed) >> shift];
            dst[op + 3] = (byte)e;
            consumed += e >> 8;
            op += 4;
        }
        bits.Container = container;
        bits.Consumed = consumed;
        bits.Position = position;

        while (op < opEnd)
        {
            bits.Refill(src);
            int e = entries[bits.Peek(table.MaxBits)];
            dst[op++] = (byte)e;
            bits.Skip(e >> 8);
        }
        long remaining = bits.Remaining;
        if (remaining != 0)
            throw ZstdErrors.Corrupt(offsetBias + start,
                remaining < 0 ? $"{what} is shorter than its {count} literals" : $"{what} has {remaining} bits left after its {count} literals");
    }
}
