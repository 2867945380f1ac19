using System.Runtime.CompilerServices;

namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>Little-endian loads and bit arithmetic shared by the bit readers and table builders.</summary>
internal static class Bits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Load64(byte[] data, int index)
    {
        ulong value = BitConverter.ToUInt64(data, index);
        return BitConverter.IsLittleEndian ? value : ReverseBytes(value);
    }

    public static uint Load32(byte[] data, int index)
    {
        uint value = BitConverter.ToUInt32(data, index);
        return BitConverter.IsLittleEndian ? value : ((value >> 24) | ((value >> 8) & 0xFF00) | ((value << 8) & 0xFF0000) | (value << 24));
    }

    /// <summary>Index of the highest set bit; <paramref name="value"/> must not be 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int HighBit(uint value)
    {
        int bit = 0;
        if (value >= 1u << 16) { value >>= 16; bit += 16; }
        if (value >= 1u << 8) { value >>= 8; bit += 8; }
        if (value >= 1u << 4) { value >>= 4; bit += 4; }
        if (value >= 1u << 2) { value >>= 2; bit += 2; }
        if (value >= 1u << 1) bit += 1;
        return bit;
    }

    private static ulong ReverseBytes(ulong value)
    {
        ulong result = 0;
        for (int i = 0; i < 8; i++)
        {
            result = (result << 8) | (value & 0xFF);
            value >>= 8;
        }
        return result;
    }
}
