namespace ContainerOpt.Images.Compression.Zstd;

internal static class ZstdConstants
{
    public const uint FrameMagic = 0xFD2FB528;
    public const uint SkippableMagicMask = 0xFFFFFFF0;
    public const uint SkippableMagic = 0x184D2A50;

    /// <summary>No block decodes to (or is stored in) more than 128 KiB.</summary>
    public const int MaxBlockSize = 128 * 1024;

    /// <summary>Spare bytes after buffers so short copies can move a fixed 16 or 32 bytes.</summary>
    public const int CopySlack = 32;

    /// <summary>Bytes before a block's content so backward bit readers can always load 8 bytes.</summary>
    public const int BlockPadding = 8;

    /// <summary>The largest window this decoder can hold in one array (the format allows up to 3.75 TB).</summary>
    public const long MaxSupportedWindowSize = 1L << 30;
}
