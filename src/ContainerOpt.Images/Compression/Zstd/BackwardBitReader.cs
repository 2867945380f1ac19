using System.Runtime.CompilerServices;

namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Reads a zstd backward bitstream (FSE and Huffman streams are written forward and read from their end),
/// 64 bits at a time. The stream lies in <c>[start, end)</c> of an array that has at least 8 readable bytes
/// before <c>end</c>; for streams shorter than 8 bytes the container holds bytes that precede the stream.
/// Those only ever reach a result once the stream is overread, which <see cref="Remaining"/> exposes and the
/// caller reports, so no value decoded from them is ever used.
/// </summary>
internal struct BackwardBitReader
{
    public ulong Container;
    public int Consumed;
    public int Position;
    public readonly int Start;

    public BackwardBitReader(byte[] data, int start, int end, long offsetBias, string what)
    {
        if (end <= start)
            throw ZstdErrors.Corrupt(offsetBias + start, $"empty {what}");
        byte last = data[end - 1];
        if (last == 0)
            throw ZstdErrors.Corrupt(offsetBias + end - 1, $"{what} has no end marker (last byte is 0)");
        Start = start;
        Position = end - 8;
        Container = Bits.Load64(data, Position);
        // Skip the zero padding and the marker bit in the last byte.
        Consumed = 8 - Bits.HighBit(last);
    }

    /// <summary>Bits not yet consumed; negative once the stream has been overread.</summary>
    public readonly long Remaining
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (long)(Position + 8 - Start) * 8 - Consumed;
    }

    /// <summary>Reads <paramref name="count"/> (0..57 after a refill) bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Read(int count)
    {
        // Shifting in two steps makes a 0-bit read return 0 (C# masks shift counts to 6 bits).
        uint value = (uint)(((Container << Consumed) >> 1) >> (63 - count));
        Consumed += count;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly uint Peek(int count) => (uint)(((Container << Consumed) >> 1) >> (63 - count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Skip(int count) => Consumed += count;

    /// <summary>Moves the window so that at least 57 unread bits are loaded, or as many as the stream still has.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Refill(byte[] data)
    {
        int bytes = Consumed >> 3;
        if (Position - Start >= bytes)
        {
            Position -= bytes;
            Consumed &= 7;
        }
        else if (Position > Start)
        {
            Consumed -= (Position - Start) * 8;
            Position = Start;
        }
        else return;
        Container = Bits.Load64(data, Position);
    }
}
