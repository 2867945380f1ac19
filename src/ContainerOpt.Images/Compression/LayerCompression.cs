using System.IO.Compression;
using ContainerOpt.Images.Archives;

namespace ContainerOpt.Images.Compression;

/// <summary>How a layer (or a whole archive) is stored.</summary>
public enum LayerCompressionKind
{
    None,
    Gzip,
    Zstd,
}

/// <summary>
/// Recognises a layer's compression by its magic bytes (gzip 1F 8B, zstd 28 B5 2F FD, anything else
/// plain) rather than by media type or file name, which tools get wrong, and hands back a stream
/// of the uncompressed bytes. Works on forward-only streams: the sniffed bytes are replayed.
/// </summary>
public static class LayerCompression
{
    /// <summary>Bytes needed to tell the formats apart.</summary>
    public const int MagicLength = 4;

    public static LayerCompressionKind Detect(byte[] prefix, int count)
    {
        if (count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B) return LayerCompressionKind.Gzip;
        if (count >= 4 && prefix[0] == 0x28 && prefix[1] == 0xB5 && prefix[2] == 0x2F && prefix[3] == 0xFD) return LayerCompressionKind.Zstd;
        return LayerCompressionKind.None;
    }

    /// <summary>
    /// Reads the first bytes of <paramref name="stored"/>, detects the compression and returns a stream of
    /// the uncompressed content (the original stream, prefix replayed, when plain).
    /// </summary>
    public static Stream Decompress(Stream stored, out LayerCompressionKind kind, bool leaveOpen = false)
    {
        if (stored is null) throw new ArgumentNullException(nameof(stored));
        byte[] prefix = new byte[MagicLength];
        int count = StreamUtil.ReadAtMost(stored, prefix, 0, prefix.Length);
        kind = Detect(prefix, count);
        Stream replayed = new ReplayStream(prefix, count, stored, leaveOpen);
        return kind switch
        {
            // net8.0 reads concatenated gzip members to the end; .NET Framework stops after the first (layers have one).
            LayerCompressionKind.Gzip => new GZipStream(replayed, CompressionMode.Decompress, leaveOpen: false),
            LayerCompressionKind.Zstd => new ZstdDecompressionStream(replayed, leaveOpen: false),
            _ => replayed,
        };
    }
}
