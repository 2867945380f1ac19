namespace ContainerOpt.Images.Archives;

/// <summary>What a tar entry is (metadata-only types such as PAX headers never surface).</summary>
public enum TarEntryType
{
    File,
    Directory,
    SymbolicLink,
    HardLink,
    CharacterDevice,
    BlockDevice,
    Fifo,

    /// <summary>Anything else (GNU sparse files, vendor types): data is skipped, never interpreted.</summary>
    Other,
}
