namespace ContainerOpt.Images.Layers;

/// <summary>Why bytes count as wasted.</summary>
public enum WasteKind
{
    /// <summary>A later layer wrote the same path (or put a file where a directory was, or the reverse).</summary>
    Overwritten,

    /// <summary>A later layer deleted it: a whiteout of the file or of a directory above it.</summary>
    Removed,

    /// <summary>A later layer made a directory above it opaque (it replaced the whole directory).</summary>
    HiddenByOpaqueDirectory,

    /// <summary>Still in the final image under a package-manager or temp cache path (apt lists, /tmp …).</summary>
    LeftoverCache,
}
