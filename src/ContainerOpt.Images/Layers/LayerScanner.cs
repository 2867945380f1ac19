using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Compression;
using ContainerOpt.Images.Layers.Secrets;

namespace ContainerOpt.Images.Layers;

/// <summary>
/// Streams one layer blob once: detects its compression, hashes the stored and the uncompressed bytes
/// (digest and diff_id), optionally estimates its gzip size (plain blobs), and records each entry's metadata.
/// File contents are read only to hash them and are never kept; a file whose name may be a credential has its first
/// bytes looked at on the way (<see cref="CredentialDetector"/>), in the same single pass.
/// </summary>
public static class LayerScanner
{
    private const int BufferSize = 64 * 1024;

    /// <param name="blob">The layer as stored.</param>
    /// <param name="measureCompressedSize">Estimate the gzip size of a plain blob (a compressed one has its stored size).</param>
    /// <param name="blobLength">The blob's length when the stream cannot tell (a tar entry's size): how many blocks the estimate compresses.</param>
    public static LayerScan Scan(Stream blob, bool measureCompressedSize = true, long? blobLength = null) =>
        Scan(blob, measureCompressedSize, blobLength, known: null);

    /// <param name="blob">The layer as stored.</param>
    /// <param name="measureCompressedSize">Estimate the gzip size of a plain blob.</param>
    /// <param name="blobLength">The blob's length when the stream cannot tell.</param>
    /// <param name="known">
    /// An estimate made before for these bytes (<see cref="CompressedSizeCache"/>): a plain blob is then not estimated
    /// again, and the estimate is taken only when the bytes hash to the diff id it was made for (else: no compressed size).
    /// </param>
    internal static LayerScan Scan(Stream blob, bool measureCompressedSize, long? blobLength, KnownCompressedSize? known)
    {
        if (blob is null) throw new ArgumentNullException(nameof(blob));
        if (blobLength is null && blob.CanSeek) blobLength = blob.Length - blob.Position;
        using var stored = new HashingStream(blob, hash: true);
        using Stream uncompressed = LayerCompression.Decompress(stored, out LayerCompressionKind kind, leaveOpen: true);

        // A plain blob's digest is its diff_id: hash once. Estimate the wire size only for plain blobs.
        bool estimate = kind == LayerCompressionKind.None && measureCompressedSize;
        using GzipSizeEstimator? gzip = estimate && known is null ? new GzipSizeEstimator(blobLength) : null;
        using var tarBytes = new HashingStream(uncompressed, hash: kind != LayerCompressionKind.None, sink: gzip);

        var entries = new List<LayerEntry>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var detector = new CredentialDetector();
        var credentials = new Dictionary<string, CredentialFile>(StringComparer.Ordinal);
        using (var tar = new TarReader(tarBytes, leaveOpen: true))
        {
            for (TarEntry? entry = tar.Next(); entry is not null; entry = tar.Next())
            {
                string key = LayerPath.Normalize(entry.Name);
                LayerEntry? recorded = ToLayerEntry(entry, key);
                if (recorded is null) continue;
                // A path repeated in one layer keeps its last entry, and only that one's credential.
                credentials.Remove(key);
                if (recorded.Kind == LayerEntryKind.File && detector.Inspect(key, entry.Size, entry.Data) is { } credential) credentials[key] = credential;
                if (positions.TryGetValue(key, out int index)) entries[index] = recorded;
                else
                {
                    positions.Add(key, entries.Count);
                    entries.Add(recorded);
                }
            }
        }
        // Hash every byte: the end-of-archive blocks and record padding belong to the digests.
        byte[] scratch = new byte[BufferSize];
        StreamUtil.Drain(tarBytes, scratch);
        StreamUtil.Drain(stored, scratch);

        string digest = stored.Digest();
        string diffId = kind == LayerCompressionKind.None ? digest : tarBytes.Digest();
        long? compressedSize = kind != LayerCompressionKind.None ? stored.Count
            : gzip is not null ? gzip.Complete()
            : estimate && known!.DiffId == diffId ? known.Size
            : null;

        long regularBytes = 0, symlinkBytes = 0;
        int fileCount = 0;
        foreach (LayerEntry entry in entries)
        {
            if (entry.Kind == LayerEntryKind.SymbolicLink) symlinkBytes += entry.Size;
            else regularBytes += entry.Size;
            if (entry.Kind is LayerEntryKind.File or LayerEntryKind.SymbolicLink or LayerEntryKind.HardLink or LayerEntryKind.Special) fileCount++;
        }
        entries.TrimExcess();
        return new LayerScan(digest, diffId, kind, stored.Count, tarBytes.Count, compressedSize,
            compressedSizeEstimated: kind == LayerCompressionKind.None && compressedSize is not null, regularBytes, symlinkBytes, fileCount, entries,
            credentials.Count == 0 ? Array.Empty<CredentialFile>() : credentials.Values.OrderBy(c => c.Path, StringComparer.Ordinal).ToArray());
    }

    private static LayerEntry? ToLayerEntry(TarEntry entry, string path)
    {
        if (path.Length == 0) return null; // the root directory itself
        string name = LayerPath.Name(path);
        if (name.StartsWith(LayerPath.WhiteoutPrefix, StringComparison.Ordinal))
        {
            if (name == LayerPath.OpaqueMarker) return new LayerEntry(LayerPath.Parent(path), LayerEntryKind.OpaqueDirectory, 0);
            // Other .wh..wh. names are aufs bookkeeping (hard-link directories), not deletions.
            if (name.StartsWith(LayerPath.WhiteoutPrefix + LayerPath.WhiteoutPrefix, StringComparison.Ordinal)) return null;
            return new LayerEntry(LayerPath.Combine(LayerPath.Parent(path), name.Substring(LayerPath.WhiteoutPrefix.Length)), LayerEntryKind.Whiteout, 0);
        }
        return entry.Type switch
        {
            TarEntryType.File => new LayerEntry(path, LayerEntryKind.File, entry.Size),
            TarEntryType.Directory => new LayerEntry(path, LayerEntryKind.Directory, 0),
            TarEntryType.SymbolicLink => new LayerEntry(path, LayerEntryKind.SymbolicLink, entry.LinkNameByteCount, entry.LinkName),
            TarEntryType.HardLink => new LayerEntry(path, LayerEntryKind.HardLink, 0, LayerPath.Normalize(entry.LinkName)),
            _ => new LayerEntry(path, LayerEntryKind.Special, 0),
        };
    }
}
