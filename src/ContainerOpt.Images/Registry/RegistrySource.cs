using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Json;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// A repository of a registry as an <see cref="IImageSource"/>: <see cref="ImageSelector"/> walks it as it walks an OCI
/// layout (index, platform, manifest, config, layers, diff ids), asking for <c>blobs/sha256/HEX</c>. Manifests come from the
/// manifests endpoint, configs and layers from the blobs endpoint; every one is checked against its digest (COPT0043), and
/// layers stream from the network straight into <see cref="LayerScanner"/>: no temporary file, no blob in memory.
/// </summary>
internal sealed class RegistrySource : IImageSource
{
    private const int MaxConfigSize = 16 * 1024 * 1024;
    private const int ScanBuffer = 64 * 1024;

    private readonly RegistryClient _client;
    private readonly bool _measureCompressedSize;
    private readonly ReadProgressCounter? _progress;
    private readonly Dictionary<string, byte[]> _documents = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _manifests = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> _configMediaTypes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string?> _layerMediaTypes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LayerScan> _scanned = new(StringComparer.OrdinalIgnoreCase);

    public RegistrySource(RegistryClient client, string displayName, bool measureCompressedSize, ReadProgressCounter? progress)
    {
        _client = client;
        DisplayName = displayName;
        _measureCompressedSize = measureCompressedSize;
        _progress = progress;
    }

    public string DisplayName { get; }

    /// <summary>A manifest or index already fetched (the one the tag names), with what it says about its children.</summary>
    public void AddManifest(string digest, byte[] bytes, string mediaType)
    {
        string? why = MediaTypes.WhyNotManifest(mediaType);
        if (why is not null) throw RegistryException.Create(DiagnosticCatalog.RegistryUnsupportedMediaType, DisplayName, "the manifest " + digest, mediaType, why);
        _documents[digest] = bytes;
        _manifests.Add(digest);
        JsonValue json;
        try
        {
            json = JsonReader.Parse(bytes);
        }
        catch (FormatException e)
        {
            throw new ImageReadException($"'{DisplayName}': the manifest {digest} is not valid JSON: {e.Message}", e);
        }
        foreach (JsonValue child in json["manifests"]?.Items ?? Array.Empty<JsonValue>())
        {
            if (child["digest"]?.AsString is { } d) _manifests.Add(d);
        }
        if (json["config"]?["digest"]?.AsString is { } config) _configMediaTypes[config] = json["config"]!["mediaType"]?.AsString;
        foreach (JsonValue layer in json["layers"]?.Items ?? Array.Empty<JsonValue>())
        {
            if (layer["digest"]?.AsString is { } d) _layerMediaTypes[d] = layer["mediaType"]?.AsString;
        }
    }

    public byte[]? Document(string path)
    {
        string? digest = DigestOf(path);
        if (digest is null) return null; // index.json, manifest.json: a registry has neither
        if (_documents.TryGetValue(digest, out byte[]? known)) return known;
        if (_manifests.Contains(digest))
        {
            var (bytes, mediaType, _) = _client.Manifest(digest);
            AddManifest(digest, bytes, mediaType);
            return bytes;
        }
        if (_configMediaTypes.TryGetValue(digest, out string? configType) && MediaTypes.WhyNotConfig(configType) is { } why)
            throw RegistryException.Create(DiagnosticCatalog.RegistryUnsupportedMediaType, DisplayName, "the config " + digest, configType, why);
        byte[] config = _client.BlobBytes(digest, "config " + digest, MaxConfigSize);
        _documents[digest] = config;
        return config;
    }

    public LayerScan Layer(string path)
    {
        string digest = DigestOf(path) ?? throw new ImageReadException($"'{DisplayName}': '{path}' names no blob.");
        if (_scanned.TryGetValue(digest, out LayerScan? known)) return known;
        if (_layerMediaTypes.TryGetValue(digest, out string? mediaType) && MediaTypes.WhyNotLayer(mediaType) is { } why)
            throw RegistryException.Create(DiagnosticCatalog.RegistryUnsupportedMediaType, DisplayName, "the layer " + digest, mediaType, why);
        if (!digest.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
            throw new ImageReadException($"'{DisplayName}': the layer {digest} has a digest ContainerOpt cannot check (only sha256).");
        LayerScan scan;
        using (ResponseStream blob = _client.Blob(digest, "layer " + digest))
        {
            try
            {
                scan = LayerScanner.Scan(_progress?.Count(blob) ?? blob, _measureCompressedSize, blob.Length64);
            }
            catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException)
            {
                // Garbage where a layer should be: a corrupt blob (COPT0043) unless it hashes to its digest after all.
                string actual = HashAgain(digest);
                if (!string.Equals(actual, digest, StringComparison.OrdinalIgnoreCase))
                    throw RegistryException.Create(e, DiagnosticCatalog.RegistryDigestMismatch, DisplayName, "layer", digest, actual);
                throw new ImageReadException($"'{DisplayName}': layer {digest}: {e.Message}", e);
            }
        }
        if (!string.Equals(scan.Digest, digest, StringComparison.OrdinalIgnoreCase))
            throw RegistryException.Create(DiagnosticCatalog.RegistryDigestMismatch, DisplayName, "layer", digest, scan.Digest);
        _scanned[digest] = scan;
        _progress?.LayerRead();
        return scan;
    }

    /// <summary>Reads the blob once more only to hash it (the first read stopped where its content stopped making sense).</summary>
    private string HashAgain(string digest)
    {
        using ResponseStream blob = _client.Blob(digest, "layer " + digest);
        using var hashing = new HashingStream(blob, hash: true);
        StreamUtil.Drain(hashing, new byte[ScanBuffer]);
        return hashing.Digest();
    }

    /// <summary><c>blobs/ALG/HEX</c> → <c>ALG:HEX</c>; null for any other path.</summary>
    private static string? DigestOf(string path)
    {
        string[] parts = path.Split('/');
        return parts.Length == 3 && parts[0] == "blobs" ? parts[1] + ":" + parts[2] : null;
    }
}
