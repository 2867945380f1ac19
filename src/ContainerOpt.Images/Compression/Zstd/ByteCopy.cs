using System.Runtime.CompilerServices;

namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>Copies for sequence execution, where most lengths are a few bytes.</summary>
internal static class ByteCopy
{
    /// <summary>
    /// Copies <paramref name="count"/> bytes forward. When both arrays have room, a short copy moves a fixed
    /// 16 bytes at once: the extra bytes land past the output frontier and are overwritten later. The source
    /// may overlap the destination only beyond <paramref name="count"/> bytes (a match no longer than its offset).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(byte[] src, int srcIndex, byte[] dst, int dstIndex, int count)
    {
        if (count <= 16)
        {
            for (int i = 0; i < count; i++) dst[dstIndex + i] = src[srcIndex + i];
            return;
        }
        Buffer.BlockCopy(src, srcIndex, dst, dstIndex, count);
    }

    /// <summary>
    /// Copies a match that overlaps its source (<paramref name="offset"/> &lt; <paramref name="count"/>): the
    /// bytes repeat with period <paramref name="offset"/>, so each copy can take twice as many as the last
    /// from twice as far back.
    /// </summary>
    public static void CopyOverlapping(byte[] buffer, int dstIndex, int offset, int count)
    {
        int end = dstIndex + count;
        int op = dstIndex;
        int distance = offset;
        while (op < end)
        {
            int n = Math.Min(distance, end - op);
            Copy(buffer, op - distance, buffer, op, n);
            op += n;
            distance <<= 1;
        }
    }
}
