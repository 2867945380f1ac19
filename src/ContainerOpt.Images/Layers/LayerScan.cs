using ContainerOpt.Images.Compression;
using ContainerOpt.Images.Layers.Secrets;

namespace ContainerOpt.Images.Layers;

/// <summary>What streaming one layer blob found: digests, sizes and every entry's metadata.</summary>
public sealed class LayerScan
{
    internal LayerScan(string digest, string diffId, LayerCompressionKind compression, long storedSize, long tarSize,
        long? compressedSize, bool compressedSizeEstimated, long regularFileBytes, long symlinkBytes, int fileCount, IReadOnlyList<LayerEntry> entries,
        IReadOnlyList<CredentialFile>? credentials = null)
    {
        Digest = digest;
        DiffId = diffId;
        Compression = compression;
        StoredSize = storedSize;
        TarSize = tarSize;
        CompressedSize = compressedSize;
        CompressedSizeEstimated = compressedSizeEstimated;
        RegularFileBytes = regularFileBytes;
        SymlinkBytes = symlinkBytes;
        FileCount = fileCount;
        Entries = entries;
        Credentials = credentials ?? Array.Empty<CredentialFile>();
    }

    /// <summary><c>sha256:…</c> of the blob as stored (compressed or not): the registry/OCI digest.</summary>
    public string Digest { get; }

    /// <summary><c>sha256:…</c> of the uncompressed tar: the config's rootfs diff_id.</summary>
    public string DiffId { get; }

    public LayerCompressionKind Compression { get; }

    /// <summary>Bytes of the blob as stored.</summary>
    public long StoredSize { get; }

    /// <summary>Bytes of the uncompressed tar stream (headers and padding included).</summary>
    public long TarSize { get; }

    /// <summary>
    /// The size on the wire: the stored size when the blob is compressed; when stored plain, the size gzip
    /// at the default level (what <c>docker push</c> uploads) makes of it, estimated while streaming
    /// (<see cref="CompressedSizeEstimated"/>); null when measuring was switched off.
    /// </summary>
    public long? CompressedSize { get; }

    /// <summary>
    /// True when <see cref="CompressedSize"/> is an estimate (<see cref="Compression.GzipSizeEstimator"/>: a plain
    /// blob), false when it is the stored size of a compressed blob or there is none.
    /// </summary>
    public bool CompressedSizeEstimated { get; }

    /// <summary>
    /// File bytes as the layer occupies a file system: regular files plus symlink target lengths, each
    /// hard-linked file once (the sum docker's overlay2 driver makes of a layer directory it unpacked).
    /// </summary>
    public long Size => RegularFileBytes + SymlinkBytes;

    /// <summary>Bytes of regular files, each hard-linked file once (tar header sizes).</summary>
    public long RegularFileBytes { get; }

    /// <summary>Symlink target lengths in bytes.</summary>
    public long SymlinkBytes { get; }

    /// <summary>Non-directory entries that stay in the layer (files, links, devices); whiteouts not counted.</summary>
    public int FileCount { get; }

    /// <summary>Entries in archive order; a path repeated in one layer keeps only its last entry (as extraction does).</summary>
    public IReadOnlyList<LayerEntry> Entries { get; }

    /// <summary>The credential files the layer adds (its last entry for each path), by path; exempt ones included.</summary>
    public IReadOnlyList<CredentialFile> Credentials { get; }

    public override string ToString() => $"{Digest} {Size} bytes, {FileCount} files";
}
