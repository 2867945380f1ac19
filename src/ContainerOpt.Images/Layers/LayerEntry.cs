namespace ContainerOpt.Images.Layers;

/// <summary>
/// One file-system entry of a layer: metadata only, never content. Paths are normalised: no leading
/// <c>./</c> or <c>/</c>, no trailing <c>/</c>; for whiteouts the path is what is removed, for an
/// opaque marker the directory it makes opaque.
/// </summary>
public sealed class LayerEntry
{
    public LayerEntry(string path, LayerEntryKind kind, long size, string? linkTarget = null)
    {
        Path = path;
        Kind = kind;
        Size = size;
        LinkTarget = linkTarget;
    }

    public string Path { get; }

    public LayerEntryKind Kind { get; }

    /// <summary>
    /// Bytes the entry occupies as docker counts them: a regular file's size, a symlink's target length
    /// in bytes; 0 for directories, hard links (the data is counted once, at the file), devices, whiteouts.
    /// </summary>
    public long Size { get; }

    /// <summary>A symlink's target as written, or a hard link's (normalised) source path.</summary>
    public string? LinkTarget { get; }

    public override string ToString() => $"{Kind} {Path} {Size}";
}
