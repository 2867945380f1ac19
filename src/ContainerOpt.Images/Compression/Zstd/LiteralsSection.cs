namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Decodes a compressed block's literals section (RFC 8878 §3.1.1.3.1): raw, RLE, Huffman-compressed with a
/// tree description, or treeless (the previous block's Huffman table). Raw literals are left where they are
/// in the block; the others are decoded into <see cref="Buffer"/>.
/// </summary>
internal sealed class LiteralsSection
{
    private readonly HuffmanTable _huffman = new();
    private readonly ZstdStatistics _statistics;

    /// <summary>The buffer has room for a block's literals plus <see cref="ZstdConstants.CopySlack"/>, so copies can run past the end in 16-byte steps.</summary>
    public LiteralsSection(byte[] buffer, ZstdStatistics statistics)
    {
        Buffer = buffer;
        _statistics = statistics;
    }

    /// <summary>Where compressed and RLE literals are decoded.</summary>
    public byte[] Buffer { get; }

    /// <summary>The decoded literals after <see cref="Decode"/>: Data[Start .. Start + Length).</summary>
    public byte[] Data { get; private set; } = Array.Empty<byte>();
    public int Start { get; private set; }
    public int Length { get; private set; }

    /// <summary>Forgets the Huffman table at a frame start (treeless blocks may only follow one in the same frame).</summary>
    public void Reset() => _huffman.Invalidate();

    /// <summary>Decodes the section at <paramref name="start"/>; returns its size in bytes.</summary>
    public int Decode(byte[] block, int start, int end, int maxLiterals, long offsetBias)
    {
        int b0 = block[start];
        int type = b0 & 3;
        int sizeFormat = (b0 >> 2) & 3;
        int headerSize;
        int regenerated;
        int compressed = 0;
        bool fourStreams = false;

        if (type <= 1)
        {
            // Raw and RLE: 5, 12 or 20 bits of size.
            switch (sizeFormat)
            {
                case 0:
                case 2:
                    headerSize = 1;
                    regenerated = b0 >> 3;
                    break;
                case 1:
                    headerSize = 2;
                    Need(start, end, headerSize, offsetBias);
                    regenerated = (b0 >> 4) | (block[start + 1] << 4);
                    break;
                default:
                    headerSize = 3;
                    Need(start, end, headerSize, offsetBias);
                    regenerated = (b0 >> 4) | (block[start + 1] << 4) | (block[start + 2] << 12);
                    break;
            }
        }
        else
        {
            // Compressed and treeless: regenerated and compressed sizes of 10, 14 or 18 bits each.
            headerSize = sizeFormat <= 1 ? 3 : sizeFormat == 2 ? 4 : 5;
            Need(start, end, headerSize, offsetBias);
            ulong header = 0;
            for (int i = 0; i < headerSize; i++) header |= (ulong)block[start + i] << (8 * i);
            int sizeBits = sizeFormat <= 1 ? 10 : sizeFormat == 2 ? 14 : 18;
            regenerated = (int)((header >> 4) & ((1u << sizeBits) - 1));
            compressed = (int)((header >> (4 + sizeBits)) & ((1u << sizeBits) - 1));
            fourStreams = sizeFormat != 0;
        }

        if (regenerated > maxLiterals)
            throw ZstdErrors.Corrupt(offsetBias + start, $"literals section regenerates {regenerated} bytes, more than the block maximum {maxLiterals}");
        int contentStart = start + headerSize;
        Length = regenerated;

        switch (type)
        {
            case 0:
                if (regenerated > end - contentStart)
                    throw ZstdErrors.Corrupt(offsetBias + start, $"raw literals ({regenerated} bytes) run past the end of the block");
                Data = block;
                Start = contentStart;
                _statistics.RawLiterals++;
                return headerSize + regenerated;
            case 1:
                if (contentStart >= end)
                    throw ZstdErrors.Corrupt(offsetBias + start, "RLE literals byte is missing");
                Fill(Buffer, block[contentStart], regenerated);
                Data = Buffer;
                Start = 0;
                _statistics.RleLiterals++;
                return headerSize + 1;
        }

        if (compressed > end - contentStart)
            throw ZstdErrors.Corrupt(offsetBias + start, $"compressed literals ({compressed} bytes) run past the end of the block");
        int streamsStart = contentStart;
        int streamsEnd = contentStart + compressed;
        if (type == 2)
        {
            streamsStart += _huffman.ReadDescription(block, contentStart, streamsEnd, offsetBias);
            if (block[contentStart] < 128) _statistics.FseHuffmanWeights++;
            else _statistics.DirectHuffmanWeights++;
            _statistics.CompressedLiterals++;
        }
        else
        {
            if (!_huffman.IsValid)
                throw ZstdErrors.Corrupt(offsetBias + start, "treeless literals without a previous Huffman table in the frame");
            _statistics.TreelessLiterals++;
        }

        if (fourStreams)
        {
            HuffmanStreams.DecodeFour(block, streamsStart, streamsEnd, _huffman, Buffer, 0, regenerated, offsetBias);
            _statistics.FourStreamLiterals++;
        }
        else
        {
            HuffmanStreams.DecodeOne(block, streamsStart, streamsEnd, _huffman, Buffer, 0, regenerated, offsetBias);
            _statistics.SingleStreamLiterals++;
        }
        Data = Buffer;
        Start = 0;
        return headerSize + compressed;
    }

    private static void Need(int start, int end, int size, long offsetBias)
    {
        if (end - start < size)
            throw ZstdErrors.Corrupt(offsetBias + start, "literals section header runs past the end of the block");
    }

    private static void Fill(byte[] buffer, byte value, int count)
    {
        for (int i = 0; i < count; i++) buffer[i] = value;
    }
}
