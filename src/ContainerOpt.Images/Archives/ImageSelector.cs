using ContainerOpt.Dockerfile.Semantics;
using System.Text.RegularExpressions;
using ContainerOpt.Core.Json;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Archives;

/// <summary>
/// Finds the image in a source through docker's manifest.json or the OCI index.json, picks it by
/// reference and platform, and checks every layer against the manifest and config digests.
/// </summary>
internal static class ImageSelector
{
    private const string RefNameAnnotation = "org.opencontainers.image.ref.name";
    private const string ContainerdNameAnnotation = "io.containerd.image.name";
    private static readonly Regex DigestPattern = new("^([a-z0-9]+(?:[.+_-][a-z0-9]+)*):([a-fA-F0-9]{32,})$", RegexOptions.CultureInvariant);

    public static ImageContent Select(IImageSource source, ImageReadOptions options, bool isFolder)
    {
        byte[]? dockerManifest = source.Document("manifest.json");
        byte[]? ociIndex = source.Document("index.json");
        if (dockerManifest is not null)
        {
            var format = isFolder ? ImageArchiveFormat.DockerArchive : ociIndex is not null ? ImageArchiveFormat.DockerOciArchive : ImageArchiveFormat.DockerArchive;
            return FromDockerManifest(source, Parse(source, "manifest.json", dockerManifest), options, format);
        }
        if (ociIndex is not null)
            return FromOciIndex(source, Parse(source, "index.json", ociIndex), options, isFolder ? ImageArchiveFormat.OciLayout : ImageArchiveFormat.OciArchive);
        throw new ImageReadException($"'{source.DisplayName}' is not an image archive: it has neither manifest.json (docker save) nor index.json (OCI layout).");
    }

    private static ImageContent FromDockerManifest(IImageSource source, JsonValue manifest, ImageReadOptions options, ImageArchiveFormat format)
    {
        if (manifest.Kind != JsonKind.Array || manifest.Items.Count == 0)
            throw new ImageReadException($"'{source.DisplayName}': manifest.json lists no image.");
        JsonValue chosen;
        string? chosenReference = null;
        IReadOnlyList<string> Tags(JsonValue entry) => entry["RepoTags"]?.Items.Select(t => t.AsString).OfType<string>().ToArray() ?? Array.Empty<string>();
        if (options.Image is { } wanted)
        {
            chosen = manifest.Items.FirstOrDefault(e => Tags(e).Any(t => ImageReference.SameImage(t, wanted)))
                ?? throw new ImageReadException($"'{source.DisplayName}' has no image '{wanted}'; it holds: {Describe(manifest.Items.Select(e => Tags(e)))}.");
            chosenReference = Tags(chosen).First(t => ImageReference.SameImage(t, wanted));
        }
        else if (manifest.Items.Count == 1)
        {
            chosen = manifest.Items[0];
            chosenReference = Tags(chosen).FirstOrDefault();
        }
        else
        {
            throw new ImageReadException($"'{source.DisplayName}' holds {manifest.Items.Count} images ({Describe(manifest.Items.Select(e => Tags(e)))}); name the one to read.");
        }

        string configPath = chosen["Config"]?.AsString ?? throw new ImageReadException($"'{source.DisplayName}': manifest.json has no Config.");
        ImageConfig config = ReadConfig(source, configPath);
        var layerPaths = chosen["Layers"]?.Items.Select(l => l.AsString ?? throw new ImageReadException($"'{source.DisplayName}': manifest.json has a non-string layer.")).ToArray()
            ?? Array.Empty<string>();
        var layers = layerPaths.Select(source.Layer).ToArray();
        CheckDiffIds(source, config, layers, layerPaths);
        return new ImageContent(chosenReference ?? source.DisplayName, Tags(chosen), format, config, layers);
    }

    private static ImageContent FromOciIndex(IImageSource source, JsonValue index, ImageReadOptions options, ImageArchiveFormat format)
    {
        var top = index["manifests"]?.Items ?? throw new ImageReadException($"'{source.DisplayName}': index.json has no manifests.");
        if (options.Image is { } wanted)
        {
            var matching = top.Where(d => Matches(d, wanted)).ToArray();
            if (matching.Length == 0)
                throw new ImageReadException($"'{source.DisplayName}' has no image '{wanted}'; it holds: {Describe(top.Select(d => References(d)))}.");
            top = matching;
        }
        return FromDescriptors(source, top, options, format);
    }

    /// <summary>
    /// Picks the image among <paramref name="top"/> (manifest or index descriptors; nested indexes are walked) by
    /// <see cref="ImageReadOptions.Platform"/>, then reads and checks its config and layers. The OCI index route, and the
    /// registry's: there the tag's manifest is the one descriptor.
    /// </summary>
    internal static ImageContent FromDescriptors(IImageSource source, IReadOnlyList<JsonValue> top, ImageReadOptions options, ImageArchiveFormat format)
    {
        var candidates = new List<Candidate>();
        foreach (JsonValue descriptor in top) Flatten(source, descriptor, References(descriptor), candidates, depth: 0);
        if (candidates.Count == 0) throw new ImageReadException($"'{source.DisplayName}': index.json names no image manifest.");

        Candidate pick = PickPlatform(source, candidates, options);
        JsonValue manifest = Parse(source, pick.Path, source.Document(pick.Path) ?? throw Missing(source, pick.Path));
        string configDigest = manifest["config"]?["digest"]?.AsString ?? throw new ImageReadException($"'{source.DisplayName}': manifest {pick.Path} has no config digest.");
        ImageConfig config = ReadConfig(source, BlobPath(source, configDigest));
        var descriptors = manifest["layers"]?.Items ?? Array.Empty<JsonValue>();
        var layers = new List<LayerScan>();
        var paths = new List<string>();
        foreach (JsonValue layer in descriptors)
        {
            string digest = layer["digest"]?.AsString ?? throw new ImageReadException($"'{source.DisplayName}': manifest {pick.Path} has a layer without digest.");
            string path = BlobPath(source, digest);
            LayerScan scan = source.Layer(path);
            if (digest.StartsWith("sha256:", StringComparison.Ordinal) && !string.Equals(digest, scan.Digest, StringComparison.OrdinalIgnoreCase))
                throw new ImageReadException($"'{source.DisplayName}': layer blob {path} hashes to {scan.Digest}, not {digest}: the archive is corrupt.");
            layers.Add(scan);
            paths.Add(path);
        }
        CheckDiffIds(source, config, layers, paths);
        string name = pick.References.FirstOrDefault(r => r.IndexOf('/') >= 0 || r.IndexOf(':') >= 0) ?? pick.References.FirstOrDefault() ?? source.DisplayName;
        return new ImageContent(name, pick.References, format, config, layers);
    }

    private sealed record Candidate(string Path, string? Platform, IReadOnlyList<string> References);

    private static void Flatten(IImageSource source, JsonValue descriptor, IReadOnlyList<string> references, List<Candidate> into, int depth)
    {
        if (depth > 8) throw new ImageReadException($"'{source.DisplayName}': image indexes nest too deep.");
        string digest = descriptor["digest"]?.AsString ?? throw new ImageReadException($"'{source.DisplayName}': an index entry has no digest.");
        var annotations = descriptor["annotations"];
        if (annotations?["vnd.docker.reference.type"]?.AsString == "attestation-manifest") return;
        string? platform = PlatformOf(descriptor["platform"]);
        if (platform == "unknown/unknown") return;
        string path = BlobPath(source, digest);
        JsonValue document = Parse(source, path, source.Document(path) ?? throw Missing(source, path));
        if (document["manifests"] is { Kind: JsonKind.Array } nested)
        {
            foreach (JsonValue child in nested.Items) Flatten(source, child, references.Concat(References(child)).ToArray(), into, depth + 1);
            return;
        }
        into.Add(new Candidate(path, platform, references));
    }

    private static Candidate PickPlatform(IImageSource source, List<Candidate> candidates, ImageReadOptions options)
    {
        string Available() => string.Join(", ", candidates.Select(c => c.Platform ?? "(no platform)").Distinct());
        if (options.Platform is { } wanted)
        {
            return candidates.FirstOrDefault(c => PlatformMatches(c.Platform, wanted))
                ?? throw new ImageReadException($"'{source.DisplayName}' has no image for platform '{wanted}'; it has: {Available()}.");
        }
        if (candidates.Count == 1) return candidates[0];
        bool oneImage = candidates.Select(c => c.Platform).Distinct().Count() == candidates.Count;
        if (!oneImage)
            throw new ImageReadException($"'{source.DisplayName}' holds {candidates.Count} images ({Describe(candidates.Select(c => c.References))}); name the one to read.");
        return candidates.FirstOrDefault(c => PlatformMatches(c.Platform, "linux/amd64"))
            ?? throw new ImageReadException($"'{source.DisplayName}' is a multi-platform image without linux/amd64; choose a platform: {Available()}.");
    }

    /// <summary>os/arch[/variant] of <paramref name="platform"/> against <paramref name="wanted"/>; a variant is compared only when wanted.</summary>
    internal static bool PlatformMatches(string? platform, string wanted)
    {
        if (platform is null) return false;
        string[] have = platform.Split('/');
        string[] want = wanted.Trim().ToLowerInvariant().Split('/');
        if (want.Length < 2 || have.Length < 2) return false;
        return have[0] == want[0] && have[1] == want[1] && (want.Length < 3 || (have.Length >= 3 && have[2] == want[2]));
    }

    private static string? PlatformOf(JsonValue? platform)
    {
        string? os = platform?["os"]?.AsString, architecture = platform?["architecture"]?.AsString;
        if (os is null || architecture is null) return null;
        string? variant = platform!["variant"]?.AsString;
        return (os + "/" + architecture + (string.IsNullOrEmpty(variant) ? "" : "/" + variant)).ToLowerInvariant();
    }

    private static IReadOnlyList<string> References(JsonValue descriptor)
    {
        var annotations = descriptor["annotations"];
        var references = new List<string>();
        if (annotations?[ContainerdNameAnnotation]?.AsString is { Length: > 0 } full) references.Add(full);
        if (annotations?[RefNameAnnotation]?.AsString is { Length: > 0 } refName) references.Add(refName);
        return references;
    }

    private static bool Matches(JsonValue descriptor, string wanted)
    {
        var annotations = descriptor["annotations"];
        string? full = annotations?[ContainerdNameAnnotation]?.AsString;
        string? refName = annotations?[RefNameAnnotation]?.AsString;
        if (full is not null && ImageReference.SameImage(full, wanted)) return true;
        if (refName is null) return false;
        if (string.Equals(refName, wanted, StringComparison.Ordinal)) return true;
        // A bare tag as ref name ("1.0") names the image only when nothing fuller is given.
        bool bareTag = refName.IndexOf('/') < 0 && refName.IndexOf(':') < 0;
        return bareTag ? full is null && refName == (ImageReference.Parse(wanted)?.Tag ?? "latest") : ImageReference.SameImage(refName, wanted);
    }

    private static ImageConfig ReadConfig(IImageSource source, string path) =>
        ImageConfig.Parse(Parse(source, path, source.Document(path) ?? throw Missing(source, path)));

    private static void CheckDiffIds(IImageSource source, ImageConfig config, IReadOnlyList<LayerScan> layers, IReadOnlyList<string> paths)
    {
        if (config.DiffIds.Count != layers.Count)
            throw new ImageReadException($"'{source.DisplayName}': the config lists {config.DiffIds.Count} layers (rootfs.diff_ids) but the manifest {layers.Count}.");
        for (int i = 0; i < layers.Count; i++)
        {
            if (!string.Equals(config.DiffIds[i], layers[i].DiffId, StringComparison.OrdinalIgnoreCase))
                throw new ImageReadException($"'{source.DisplayName}': layer {i} ({paths[i]}) uncompresses to {layers[i].DiffId} but the config says {config.DiffIds[i]}: the archive is corrupt.");
        }
    }

    private static string BlobPath(IImageSource source, string digest)
    {
        Match match = DigestPattern.Match(digest);
        if (!match.Success) throw new ImageReadException($"'{source.DisplayName}': '{digest}' is not a valid digest.");
        return "blobs/" + match.Groups[1].Value + "/" + match.Groups[2].Value.ToLowerInvariant();
    }

    private static JsonValue Parse(IImageSource source, string path, byte[] bytes)
    {
        try
        {
            return JsonReader.Parse(bytes);
        }
        catch (FormatException e)
        {
            throw new ImageReadException($"'{source.DisplayName}': {path}: {e.Message}", e);
        }
    }

    private static ImageReadException Missing(IImageSource source, string path) =>
        new($"'{source.DisplayName}': '{path}' is named by the manifest but missing (truncated or incomplete archive?).");

    private static string Describe(IEnumerable<IReadOnlyList<string>> references)
    {
        var names = references.Select(r => r.Count == 0 ? "(untagged)" : string.Join(" = ", r)).ToArray();
        return string.Join(", ", names);
    }
}
