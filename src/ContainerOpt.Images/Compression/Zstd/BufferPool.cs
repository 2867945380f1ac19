namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Large buffers come from the shared array pool where the framework has one (net8.0), so decoding many
/// layers one after another reuses the same memory; netstandard2.0 has no pool without a package. Above
/// 16 MiB (big windows) arrays are allocated at their exact size instead: the pool would round a 144 MiB
/// request up to 256 MiB.
/// </summary>
internal static class BufferPool
{
    private const int LargestPooled = 16 * 1024 * 1024;

    public static byte[] Rent(int minimumLength)
    {
#if NET
        return minimumLength <= LargestPooled
            ? System.Buffers.ArrayPool<byte>.Shared.Rent(minimumLength)
            : GC.AllocateUninitializedArray<byte>(minimumLength);
#else
        return new byte[minimumLength];
#endif
    }

    public static void Return(byte[] buffer)
    {
#if NET
        // A pooled array is at most LargestPooled long (the pool's buckets are powers of 2).
        if (buffer.Length > 0 && buffer.Length <= LargestPooled) System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
#endif
    }
}
