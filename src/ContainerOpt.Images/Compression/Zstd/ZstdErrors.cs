namespace ContainerOpt.Images.Compression.Zstd;

/// <summary>
/// The decoder's one exception type for bad input. Every message names the compressed byte offset so a
/// caller can turn it into a coded diagnostic that points at the damage.
/// </summary>
internal static class ZstdErrors
{
    public static InvalidDataException Corrupt(long compressedOffset, string what) =>
        new($"zstd: {what} at compressed offset {compressedOffset}");

    public static InvalidDataException Truncated(long compressedOffset, string what, long needed, long available) =>
        new($"zstd: truncated input: {what} needs {needed} bytes but only {available} remain at compressed offset {compressedOffset}");
}
