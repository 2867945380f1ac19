namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>Decodes Huffman-coded literal streams (RFC 8878 §3.1.1.3.1.6 and §4.2.2): one stream, or four with a jump table.</summary>
internal static class HuffmanStreams
{
    private static readonly string[] StreamNames =
        { "Huffman literals stream 1", "Huffman literals stream 2", "Huffman literals stream 3", "Huffman literals stream 4" };

    public static void DecodeOne(byte[] src, int start, int end, HuffmanTable table, byte[] dst, int dstStart, int count, long offsetBias)
    {
        const string what = "Huffman literals stream";
        var bits = new BackwardBitReader(src, start, end, offsetBias, what);
        int op = DecodeFast(ref bits, src, table, dst, dstStart, dstStart + count);
        Finish(ref bits, src, table, dst, op, dstStart + count, count, offsetBias, what);
    }

    public static void DecodeFour(byte[] src, int start, int end, HuffmanTable table, byte[] dst, int dstStart, int count, long offsetBias)
    {
        if (end - start < 10)
            throw ZstdErrors.Corrupt(offsetBias + start, "invalid Huffman jump table (literals too short for 4 streams)");
        int begin1 = start + 6;
        int begin2 = begin1 + (src[start] | (src[start + 1] << 8));
        int begin3 = begin2 + (src[start + 2] | (src[start + 3] << 8));
        int begin4 = begin3 + (src[start + 4] | (src[start + 5] << 8));
        if (begin4 >= end)
            throw ZstdErrors.Corrupt(offsetBias + start, "invalid Huffman jump table (stream sizes exceed the literals section)");
        int segment = (count + 3) / 4;
        int last = count - 3 * segment;
        if (last < 0)
            throw ZstdErrors.Corrupt(offsetBias + start, $"invalid Huffman jump table ({count} literals cannot fill 4 streams)");

        var bits1 = new BackwardBitReader(src, begin1, begin2, offsetBias, StreamNames[0]);
        var bits2 = new BackwardBitReader(src, begin2, begin3, offsetBias, StreamNames[1]);
        var bits3 = new BackwardBitReader(src, begin3, begin4, offsetBias, StreamNames[2]);
        var bits4 = new BackwardBitReader(src, begin4, end, offsetBias, StreamNames[3]);
        int done = DecodeFourFast(ref bits1, ref bits2, ref bits3, ref bits4, src, table, dst, dstStart, segment, last);

        for (int stream = 0; stream < 4; stream++)
        {
            int streamStart = dstStart + stream * segment;
            int streamEnd = streamStart + (stream == 3 ? last : segment);
            ref BackwardBitReader bits = ref stream == 0 ? ref bits1 : ref stream == 1 ? ref bits2 : ref stream == 2 ? ref bits3 : ref bits4;
            int op = DecodeFast(ref bits, src, table, dst, streamStart + done, streamEnd);
            Finish(ref bits, src, table, dst, op, streamEnd, streamEnd - streamStart, offsetBias, StreamNames[stream]);
        }
    }

    /// <summary>
    /// The four streams in lockstep, four symbols each per round, while every stream can refill a whole 8
    /// bytes: independent streams keep the CPU busy while one waits for its table lookup. Returns the
    /// number of symbols each stream has decoded.
    /// </summary>
    private static int DecodeFourFast(ref BackwardBitReader bits1, ref BackwardBitReader bits2, ref BackwardBitReader bits3,
        ref BackwardBitReader bits4, byte[] src, HuffmanTable table, byte[] dst, int dstStart, int segment, int last)
    {
        ushort[] entries = table.Entries;
        int shift = 64 - table.MaxBits;
        ulong c1 = bits1.Container, c2 = bits2.Container, c3 = bits3.Container, c4 = bits4.Container;
        int n1 = bits1.Consumed, n2 = bits2.Consumed, n3 = bits3.Consumed, n4 = bits4.Consumed;
        int p1 = bits1.Position, p2 = bits2.Position, p3 = bits3.Position, p4 = bits4.Position;
        int f1 = bits1.Start + 8, f2 = bits2.Start + 8, f3 = bits3.Start + 8, f4 = bits4.Start + 8;
        int o1 = dstStart, o2 = dstStart + segment, o3 = dstStart + 2 * segment, o4 = dstStart + 3 * segment;
        int end4 = o4 + last;
        if (end4 > dst.Length) return 0;
        // Streams 1-3 are never shorter than stream 4, so its bound covers all four.
        while (end4 - o4 >= 4 && p1 >= f1 && p2 >= f2 && p3 >= f3 && p4 >= f4)
        {
            p1 -= n1 >> 3; n1 &= 7; c1 = Bits.Load64(src, p1);
            p2 -= n2 >> 3; n2 &= 7; c2 = Bits.Load64(src, p2);
            p3 -= n3 >> 3; n3 &= 7; c3 = Bits.Load64(src, p3);
            p4 -= n4 >> 3; n4 &= 7; c4 = Bits.Load64(src, p4);
            for (int i = 0; i < 4; i++)
            {
                int e1 = entries[(c1 << n1) >> shift];
                int e2 = entries[(c2 << n2) >> shift];
                int e3 = entries[(c3 << n3) >> shift];
                int e4 = entries[(c4 << n4) >> shift];
                dst[o1++] = (byte)e1;
                dst[o2++] = (byte)e2;
                dst[o3++] = (byte)e3;
                dst[o4++] = (byte)e4;
                n1 += e1 >> 8;
                n2 += e2 >> 8;
                n3 += e3 >> 8;
                n4 += e4 >> 8;
            }
        }
        bits1.Container = c1; bits1.Consumed = n1; bits1.Position = p1;
        bits2.Container = c2; bits2.Consumed = n2; bits2.Position = p2;
        bits3.Container = c3; bits3.Consumed = n3; bits3.Position = p3;
        bits4.Container = c4; bits4.Consumed = n4; bits4.Position = p4;
        return o1 - dstStart;
    }

    /// <summary>One stream, four symbols (at most 44 bits) per refill while a refill can move a whole 8 bytes back.</summary>
    private static int DecodeFast(ref BackwardBitReader bits, byte[] src, HuffmanTable table, byte[] dst, int op, int opEnd)
    {
        ushort[] entries = table.Entries;
        int shift = 64 - table.MaxBits;
        ulong container = bits.Container;
        int consumed = bits.Consumed;
        int position = bits.Position;
        int fastStart = bits.Start + 8;
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
        return op;
    }

    /// <summary>The last symbols one at a time, then the check that the stream is consumed exactly.</summary>
    private static void Finish(ref BackwardBitReader bits, byte[] src, HuffmanTable table, byte[] dst, int op, int opEnd, int count,
        long offsetBias, string what)
    {
        ushort[] entries = table.Entries;
        while (op < opEnd)
        {
            bits.Refill(src);
            int e = entries[bits.Peek(table.MaxBits)];
            dst[op++] = (byte)e;
            bits.Skip(e >> 8);
        }
        long remaining = bits.Remaining;
        if (remaining != 0)
            throw ZstdErrors.Corrupt(offsetBias + bits.Start,
                remaining < 0 ? $"{what} is shorter than its {count} literals" : $"{what} has {remaining} bits left after its {count} literals");
    }
}
