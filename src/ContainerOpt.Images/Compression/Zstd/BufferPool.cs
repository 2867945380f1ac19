namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Large buffers come from the shared array pool where the framework has one (net8.0), so decoding many
/// layers one after another reuses the same memory; netstandard2.0 has no pool without a package.
/// </summary>
internal static class BufferPool
{
    public static byte[] Rent(int minimumLength)
    {
#if NET
        return System.Buffers.ArrayPool<byte>.Shared.Rent(minimumLength);
#else
        return new byte[minimumLength];
#endif
    }

    public static void Return(byte[] buffer)
    {
#if NET
        if (buffer.Length > 0) System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
#endif
    }
}
