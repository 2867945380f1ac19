using ContainerOpt.Images.Compression;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Archives;

/// <summary>
/// One forward pass over an image tar (docker save, podman, OCI archive). Manifests may come after the
/// layers (classic docker save writes manifest.json last), so every file is classified by its first
/// bytes as it streams by: a tar or gzip/zstd blob is scanned as a layer (metadata kept, content
/// dropped), a small other file is kept as a document. The manifest is resolved at the end.
/// </summary>
internal sealed class StreamedArchive : IImageSource
{
    /// <summary>Largest non-layer file kept (configs with long histories are well below).</summary>
    private const int MaxDocumentSize = 16 * 1024 * 1024;

    private const int SniffLength = 512;

    private readonly Dictionary<string, byte[]> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LayerScan> _layers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ignored = new(StringComparer.Ordinal);

    private ReadProgressCounter? _progress;
    private CompressedSizeCache? _cache;

    private StreamedArchive(string displayName) => DisplayName = displayName;

    public string DisplayName { get; }

    public static StreamedArchive Collect(Stream archive, string displayName, bool measureCompressedSize, ReadProgressCounter? progress = null,
        CompressedSizeCache? cache = null)
    {
        var result = new StreamedArchive(displayName) { _progress = progress, _cache = cache };
        using Stream whole = LayerCompression.Decompress(archive, out _, leaveOpen: true);
        using var tar = new TarReader(whole, leaveOpen: true);
        var sniff = new byte[SniffLength];
        for (TarEntry? entry = tar.Next(); entry is not null; entry = tar.Next())
        {
            string path = LayerPath.Normalize(entry.Name);
            switch (entry.Type)
            {
                case TarEntryType.File:
                    result.Take(path, entry, sniff, measureCompressedSize);
                    break;
                case TarEntryType.SymbolicLink:
                    result._aliases[path] = LayerPath.Normalize(LayerPath.Combine(LayerPath.Parent(path), entry.LinkName));
                    break;
                case TarEntryType.HardLink:
                    result._aliases[path] = LayerPath.Normalize(entry.LinkName);
                    break;
            }
        }
        return result;
    }

    public byte[]? Document(string path)
    {
        string? resolved = Resolve(path);
        if (resolved is null) return null;
        if (_documents.TryGetValue(resolved, out byte[]? bytes)) return bytes;
        if (_layers.ContainsKey(resolved) || _ignored.Contains(resolved))
            throw new ImageReadException($"'{DisplayName}': '{path}' should be a JSON document but holds binary data.");
        return null;
    }

    public LayerScan Layer(string path)
    {
        string? resolved = Resolve(path);
        if (resolved is not null && _layers.TryGetValue(resolved, out LayerScan? scan)) return scan;
        if (resolved is not null && (_documents.ContainsKey(resolved) || _ignored.Contains(resolved)))
            throw new ImageReadException($"'{DisplayName}': the layer '{path}' is not a tar, gzip or zstd blob.");
        throw new ImageReadException($"'{DisplayName}': the layer '{path}' named by the manifest is not in the archive (truncated or incomplete archive?).");
    }

    private void Take(string path, TarEntry entry, byte[] sniff, bool measureCompressedSize)
    {
        int count = StreamUtil.ReadAtMost(entry.Data, sniff, 0, sniff.Length);
        if (LooksLikeLayer(sniff, count))
        {
            var replay = new ReplayStream(sniff, count, entry.Data, leaveOpen: true);
            try
            {
                KnownCompressedSize? known = measureCompressedSize ? _cache?.Find(path, entry.Size) : null;
                LayerScan scan = LayerScanner.Scan(replay, measureCompressedSize, entry.Size, known);
                _cache?.Record(path, entry.Size, scan, known);
                _layers[path] = scan;
                _progress?.LayerRead();
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException)
            {
                throw new ImageReadException($"'{DisplayName}': layer '{path}': {e.Message}", e);
            }
            return;
        }
        if (entry.Size > MaxDocumentSize)
        {
            _ignored.Add(path); // neither a layer nor metadata (e.g. a stray file); the content streams past
            return;
        }
        var bytes = new byte[entry.Size];
        Buffer.BlockCopy(sniff, 0, bytes, 0, count);
        int rest = StreamUtil.ReadAtMost(entry.Data, bytes, count, bytes.Length - count);
        if (count + rest != bytes.Length) throw new ImageReadException($"'{DisplayName}': '{path}' is truncated.");
        _documents[path] = bytes;
    }

    /// <summary>Compressed magic bytes, or a first block that is a valid tar header (or the zero end block of an empty tar).</summary>
    private static bool LooksLikeLayer(byte[] block, int count)
    {
        if (LayerCompression.Detect(block, count) != LayerCompressionKind.None) return true;
        if (count < SniffLength) return false;
        long sum = 0;
        bool allZero = true;
        for (int i = 0; i < SniffLength; i++)
        {
            if (block[i] != 0) allZero = false;
            sum += i >= 148 && i < 156 ? (byte)' ' : block[i];
        }
        if (allZero) return true;
        long stored = 0;
        bool digits = false;
        for (int i = 148; i < 156; i++)
        {
            byte b = block[i];
            if (b >= (byte)'0' && b <= (byte)'7')
            {
                stored = stored * 8 + (b - '0');
                digits = true;
            }
            else if (digits) break;
        }
        return digits && stored == sum;
    }

    private string? Resolve(string path)
    {
        string current = LayerPath.Normalize(path);
        for (int hops = 0; hops < 16; hops++)
        {
            if (!_aliases.TryGetValue(current, out string? target)) return current;
            current = target;
        }
        return null; // a link cycle
    }
}
