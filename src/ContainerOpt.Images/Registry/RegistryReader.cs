using ContainerOpt.Core.Json;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Images.Archives;

namespace ContainerOpt.Images.Registry;

/// <summary>
/// Reads an image from a registry over the OCI distribution API, without an engine: the manifest the tag or digest
/// names, the platform's manifest from an index (<see cref="ImageReadOptions.Platform"/>, else linux/amd64), its config
/// and its layers streamed and scanned, every digest and diff id checked. Registry problems are
/// <see cref="RegistryException"/>s (COPT0040–COPT0048); an image that is not as its manifest says is an <see cref="ImageReadException"/>.
/// </summary>
public static class RegistryReader
{
    private const string ImageNameAnnotation = "io.containerd.image.name";

    /// <param name="reference"><c>HOST[:PORT]/REPOSITORY[:TAG][@sha256:DIGEST]</c>; a name without a host is on Docker Hub.</param>
    /// <param name="options">The platform of a multi-platform image; whether to estimate compressed sizes; progress.</param>
    /// <param name="registry">Insecure registries, the environment (credentials), timeouts.</param>
    public static ImageContent Read(string reference, ImageReadOptions? options = null, RegistryOptions? registry = null)
    {
        if (reference is null) throw new ArgumentNullException(nameof(reference));
        options ??= new ImageReadOptions();
        registry ??= new RegistryOptions();
        string text = reference.Trim();
        ImageReference? parsed = ImageReference.Parse(text);
        if (parsed is null || !ImageReference.IsValid(text))
            throw new ImageReadException($"'{reference}' is not an image reference: write HOST[:PORT]/REPOSITORY[:TAG] or HOST[:PORT]/REPOSITORY@sha256:DIGEST.");

        using var client = new RegistryClient(parsed, registry);
        string tagOrDigest = parsed.Digest ?? parsed.Tag ?? "latest";
        var (bytes, mediaType, digest) = client.Manifest(tagOrDigest);
        var counter = new ReadProgressCounter(options.Progress, totalBytes: null);
        var source = new RegistrySource(client, text, options.MeasureCompressedSize, counter);
        source.AddManifest(digest, bytes, mediaType);

        // The tag's manifest as the one entry of an index: selection, platform choice and every check are the archives'.
        var descriptor = JsonValue.Object(new[]
        {
            new KeyValuePair<string, JsonValue>("mediaType", JsonValue.String(mediaType)),
            new KeyValuePair<string, JsonValue>("digest", JsonValue.String(digest)),
            new KeyValuePair<string, JsonValue>("size", JsonValue.Number(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            new KeyValuePair<string, JsonValue>("annotations", JsonValue.Object(new[] { new KeyValuePair<string, JsonValue>(ImageNameAnnotation, JsonValue.String(text)) })),
        });
        bool singleImage = MediaTypes.IsManifest(mediaType);
        var selection = new ImageReadOptions
        {
            // A single image's manifest names no platform: its config does, checked below.
            Platform = singleImage ? null : options.Platform,
            MeasureCompressedSize = options.MeasureCompressedSize,
            Progress = options.Progress,
        };
        ImageContent image = ImageSelector.FromDescriptors(source, new[] { descriptor }, selection, ImageArchiveFormat.Registry);
        if (singleImage && options.Platform is { } wanted && !ImageSelector.PlatformMatches(Builders.PlatformName.Normalize(image.Config.Platform), Builders.PlatformName.Normalize(wanted)))
            throw new ImageReadException($"'{text}' is an image for {image.Config.Platform} only, not for {wanted}: leave out --platform, or name a tag or digest of a {wanted} image.");
        counter.Finish();
        return image;
    }
}
