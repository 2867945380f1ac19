using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Registry;
using ContainerOpt.Images.Sdk;

namespace ContainerOpt.Images;

/// <summary>
/// The image phase's front door for the adapters (MSBuild task, CLI): read an image from the engine
/// (streamed from <c>docker save</c>, no temp file) or from an archive/OCI folder, analyse its layers,
/// attribute them to the Dockerfile, write the JSON report.
/// </summary>
public static class ImageLayers
{
    /// <summary>Streams <c>docker save</c> (or podman's) of a local image into the reader and analyses it.</summary>
    public static ImageReport FromEngine(BuilderInfo builder, string imageReference, TimeSpan timeout, ImageReadOptions? options = null)
    {
        var readOptions = options ?? new ImageReadOptions();
        readOptions.Image ??= imageReference;
        return ImageBuilder.Save(builder, imageReference, stream => ImageAnalyzer.Analyze(ImageReader.Read(stream, imageReference, readOptions)), timeout);
    }

    /// <summary>Reads a <c>docker save</c>/podman archive (plain, gzip or zstd) or an OCI image layout folder and analyses it.</summary>
    public static ImageReport FromPath(string path, ImageReadOptions? options = null) =>
        ImageAnalyzer.Analyze(ImageReader.Read(path, options));

    /// <summary>
    /// Reads the image <c>dotnet publish -t:PublishContainer</c> made from where the SDK put it — its tarball, the local
    /// engine through <c>docker save</c>/<c>podman save</c>, or the registry it pushed to (<see cref="FromRegistry"/>:
    /// plain HTTP for localhost and the registries <c>DOTNET_CONTAINER_INSECURE_REGISTRIES</c> names, as the SDK) — and
    /// attributes its layers to the base image and the app (<see cref="SdkImageAttribution"/>).
    /// </summary>
    public static ImageReport FromPublishedContainer(PublishedContainer image, SdkImageOrigin origin, TimeSpan timeout, ImageReadOptions? options = null,
        RegistryOptions? registry = null)
    {
        if (image is null) throw new ArgumentNullException(nameof(image));
        ImageReport report = image.Destination switch
        {
            PublishedContainerDestination.Archive => FromPath(image.ArchivePath!, options),
            PublishedContainerDestination.LocalEngine => FromEngine(BuilderDetector.Detect(image.Engine), image.Reference, timeout, options),
            _ => FromRegistry(image.Reference, options, registry),
        };
        return SdkImageAttribution.Attribute(report, origin);
    }

    /// <summary>
    /// Reads an image from a registry over the OCI distribution API, no engine needed, and analyses it:
    /// <c>HOST[:PORT]/REPOSITORY[:TAG]</c> or <c>…@sha256:DIGEST</c>; a multi-platform index gives the image for
    /// <see cref="ImageReadOptions.Platform"/> (default linux/amd64). Credentials come from docker's config.json and its
    /// credential helpers; plain HTTP only for localhost and <see cref="RegistryOptions.InsecureRegistries"/>.
    /// Throws <see cref="RegistryException"/> (COPT0040–COPT0048: report its <see cref="RegistryException.Descriptor"/> and
    /// message) or <see cref="ImageReadException"/> (COPT0015: the image is not as its manifest says).
    /// </summary>
    public static ImageReport FromRegistry(string imageReference, ImageReadOptions? options = null, RegistryOptions? registry = null) =>
        ImageAnalyzer.Analyze(RegistryReader.Read(imageReference, options, registry));

    /// <summary>
    /// Where an image argument points when nothing says: an existing file or folder is an archive or OCI layout; a
    /// reference whose first component is a registry host — it has a '.' or a ':' (<c>ghcr.io/org/app</c>,
    /// <c>localhost:5000/app</c>) — is read from that registry; anything else (<c>myapp:1.0</c>, <c>org/app</c>, and
    /// <c>localhost/app</c>, podman's name for a local image) from the local engine.
    /// </summary>
    public static ImageSourceKind SourceOf(string image)
    {
        if (File.Exists(image) || Directory.Exists(image)) return ImageSourceKind.Archive;
        string? host = ImageReference.Parse(image)?.WrittenRegistry;
        return host is not null && (host.IndexOf('.') >= 0 || host.IndexOf(':') >= 0) ? ImageSourceKind.Registry : ImageSourceKind.Engine;
    }

    /// <summary>Attributes each layer to the Dockerfile instruction that made it (FROM for the base image's layers).</summary>
    public static ImageReport Attribute(ImageReport report, string dockerfilePath, string? targetStage = null)
    {
        string text = File.ReadAllText(dockerfilePath);
        return Attribute(report, DockerfileModel.Build(DockerfileParser.Parse(text, dockerfilePath)), dockerfilePath, targetStage);
    }

    public static ImageReport Attribute(ImageReport report, DockerfileModel model, string dockerfilePath, string? targetStage = null) =>
        DockerfileAttribution.Attribute(report, model, dockerfilePath, targetStage);

    /// <summary>What changed from <paramref name="before"/> to <paramref name="after"/>, by layer and by file.</summary>
    public static Comparison.ImageComparison Compare(ImageReport before, ImageReport after, int largestFileChanges = Comparison.ImageComparer.DefaultLargestFileChanges) =>
        Comparison.ImageComparer.Compare(before, after, largestFileChanges);

    /// <summary>Writes the JSON report atomically: readers never see half a report.</summary>
    public static void WriteReport(ImageReport report, string path) =>
        Core.IO.AtomicFile.WriteAllText(path, Reporting.ImageReportJson.ToJson(report) + "\n");

    /// <summary>Writes the HTML page (<see cref="Reporting.ImageReportHtml"/>) atomically, with the gates' results.</summary>
    public static void WriteHtmlReport(ImageReport report, IReadOnlyList<Reporting.ImageGateResult> gates, string path) =>
        Core.IO.AtomicFile.WriteAllText(path, Reporting.ImageReportHtml.Render(report, gates));
}
