namespace ContainerOpt.Images.Layers;

/// <summary>What one entry of a layer does to the filesystem.</summary>
public enum LayerEntryKind : byte
{
    File,
    Directory,
    SymbolicLink,
    HardLink,

    /// <summary>Devices and fifos: no bytes.</summary>
    Special,

    /// <summary>A <c>.wh.&lt;name&gt;</c> file: removes <see cref="LayerEntry.Path"/> (and its subtree) from lower layers.</summary>
    Whiteout,

    /// <summary>A <c>.wh..wh..opq</c> file: hides everything lower layers put under the directory <see cref="LayerEntry.Path"/>.</summary>
    OpaqueDirectory,
}
