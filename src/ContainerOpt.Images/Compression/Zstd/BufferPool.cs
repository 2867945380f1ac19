namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// Buffer allocation in one place. This decoder is built for netstandard2.0 only (the net472 task), which
/// has no shared array pool without a package: buffers are plain arrays, released with the stream.
/// </summary>
internal static class BufferPool
{
    public static byte[] Rent(int minimumLength) => new byte[minimumLength];

    public static void Return(byte[] buffer)
    {
    }
}
