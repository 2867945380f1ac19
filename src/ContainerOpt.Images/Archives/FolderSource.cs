using ContainerOpt.Images.Compression;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Archives;

/// <summary>An OCI image layout folder (or an unpacked docker save): files are read when the manifest names them.</summary>
internal sealed class FolderSource : IImageSource
{
    private const int MaxDocumentSize = 16 * 1024 * 1024;

    private readonly string _root;
    private readonly bool _measureCompressedSize;
    private readonly Dictionary<string, LayerScan> _scanned = new(StringComparer.Ordinal);
    private readonly ReadProgressCounter? _progress;
    private readonly CompressedSizeCache? _cache;

    public FolderSource(string root, bool measureCompressedSize, ReadProgressCounter? progress = null, CompressedSizeCache? cache = null)
    {
        _root = Path.GetFullPath(root);
        _measureCompressedSize = measureCompressedSize;
        _progress = progress;
        _cache = cache;
    }

    public string DisplayName => _root;

    public byte[]? Document(string path)
    {
        string full = FullPath(path);
        if (!File.Exists(full)) return null;
        var info = new FileInfo(full);
        if (info.Length > MaxDocumentSize)
            throw new ImageReadException($"'{DisplayName}': '{path}' should be a JSON document but is {info.Length} bytes.");
        return File.ReadAllBytes(full);
    }

    public LayerScan Layer(string path)
    {
        string normalized = LayerPath.Normalize(path);
        if (_scanned.TryGetValue(normalized, out LayerScan? known)) return known;
        string full = FullPath(path);
        if (!File.Exists(full)) throw new ImageReadException($"'{DisplayName}': the layer '{path}' named by the manifest does not exist.");
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            // The length passed on: a counted stream cannot tell it, and the gzip estimate needs it.
            long length = stream.Length;
            KnownCompressedSize? before = _measureCompressedSize ? _cache?.Find(normalized, length) : null;
            LayerScan scan = LayerScanner.Scan(_progress?.Count(stream) ?? stream, _measureCompressedSize, length, before);
            _cache?.Record(normalized, length, scan, before);
            _scanned[normalized] = scan;
            _progress?.LayerRead();
            return scan;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException)
        {
            throw new ImageReadException($"'{DisplayName}': layer '{path}': {e.Message}", e);
        }
    }

    /// <summary>Inside the folder only: manifest paths are normalised, so '..' cannot leave it.</summary>
    private string FullPath(string path) => Path.Combine(_root, LayerPath.Normalize(path).Replace('/', Path.DirectorySeparatorChar));
}
