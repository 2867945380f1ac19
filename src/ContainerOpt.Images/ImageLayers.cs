using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
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
    /// Reads the image <c>dotnet publish -t:PublishContainer</c> made from where the SDK put it (its tarball, or the local
    /// engine through <c>docker save</c>/<c>podman save</c>) and attributes its layers to the base image and the app
    /// (<see cref="SdkImageAttribution"/>). Null, with <paramref name="notRead"/> saying why, for an image the SDK pushed to a
    /// registry: that source plugs in here when <c>ImageLayers.FromRegistry</c> (src/ContainerOpt.Images/Registry) lands.
    /// </summary>
    public static ImageReport? FromPublishedContainer(PublishedContainer image, SdkImageOrigin origin, TimeSpan timeout, ImageReadOptions? options, out string? notRead)
    {
        if (image is null) throw new ArgumentNullException(nameof(image));
        notRead = null;
        ImageReport report;
        switch (image.Destination)
        {
            case PublishedContainerDestination.Archive:
                report = FromPath(image.ArchivePath!, options);
                break;
            case PublishedContainerDestination.LocalEngine:
                report = FromEngine(BuilderDetector.Detect(image.Engine), image.Reference, timeout, options);
                break;
            default:
                // Registry route: FromRegistry(image.Reference, …) once the registry client is in this library.
                notRead = $"{image.Reference} was pushed to a registry; reading images from a registry is not in this version yet";
                return null;
        }
        return SdkImageAttribution.Attribute(report, origin);
    }

    /// <summary>Attributes each layer to the Dockerfile instruction that made it (FROM for the base image's layers).</summary>
    public static ImageReport Attribute(ImageReport report, string dockerfilePath, string? targetStage = null)
    {
        string text = File.ReadAllText(dockerfilePath);
        return Attribute(report, DockerfileModel.Build(DockerfileParser.Parse(text, dockerfilePath)), dockerfilePath, targetStage);
    }

    public static ImageReport Attribute(ImageReport report, DockerfileModel model, string dockerfilePath, string? targetStage = null) =>
        DockerfileAttribution.Attribute(report, model, dockerfilePath, targetStage);

    /// <summary>Writes the JSON report atomically: readers never see half a report.</summary>
    public static void WriteReport(ImageReport report, string path) =>
        Core.IO.AtomicFile.WriteAllText(path, Reporting.ImageReportJson.ToJson(report) + "\n");
}
