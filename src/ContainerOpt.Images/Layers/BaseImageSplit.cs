using ContainerOpt.Images.Archives;

namespace ContainerOpt.Images.Layers;

/// <summary>
/// An image split into its base image's layers and the layers added above them, and the share of the added
/// bytes that is wasted: dive's "user wasted percent" (image.Analyze: wasted bytes / bytes of every layer but
/// the first). Two refinements, both equal to dive's number when its assumption holds (a one-layer base image
/// that wastes nothing by itself):
/// <list type="bullet">
/// <item>The base image is the layers the Dockerfile's FROM brought (<see cref="DockerfileAttribution"/>) when the
/// layers were attributed, or the .NET SDK's base image (<see cref="SdkImageAttribution"/>); otherwise, as dive, the
/// first layer.</item>
/// <item>The wasted bytes counted are the image's minus what the base image wastes by itself (its own layers replayed
/// alone): a base that ships apt lists or overwrites its own files does not count against what was added. Bytes of the
/// base that an added layer deletes or overwrites do count: the added layer made them waste.</item>
/// </list>
/// With nothing added above the base the share is 0.
/// </summary>
public sealed class BaseImageSplit
{
    private BaseImageSplit(int baseLayerCount, BaseImageBoundary boundary, long baseSize, long userSize, long baseWastedBytes, long userWastedBytes)
    {
        BaseLayerCount = baseLayerCount;
        Boundary = boundary;
        BaseSize = baseSize;
        UserSize = userSize;
        BaseWastedBytes = baseWastedBytes;
        UserWastedBytes = userWastedBytes;
    }

    /// <summary>Layers of the base image, the bottom ones.</summary>
    public int BaseLayerCount { get; }

    /// <summary>How the base image's layers were told apart.</summary>
    public BaseImageBoundary Boundary { get; }

    public long BaseSize { get; }

    /// <summary>Bytes of the layers above the base image.</summary>
    public long UserSize { get; }

    /// <summary>What the base image wastes by itself (its layers replayed alone).</summary>
    public long BaseWastedBytes { get; }

    /// <summary>The image's wasted bytes less <see cref="BaseWastedBytes"/>: the waste the added layers make.</summary>
    public long UserWastedBytes { get; }

    /// <summary><see cref="UserWastedBytes"/> / <see cref="UserSize"/>, a fraction (dive's highestUserWastedPercent is one too); 0 when nothing is added.</summary>
    public double UserWastedPercent => UserSize == 0 ? 0 : (double)UserWastedBytes / UserSize;

    public static BaseImageSplit Of(ImageReport report)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        int count = report.Layers.Count;
        BaseImageBoundary boundary = report.BaseLayerCount is null ? BaseImageBoundary.FirstLayer
            : report.Layers.Any(l => l.Origin is not null) ? BaseImageBoundary.ContainerBaseImage
            : BaseImageBoundary.Dockerfile;
        int baseLayers = Math.Min(count, report.BaseLayerCount ?? 1);
        long baseSize = report.Layers.Take(baseLayers).Sum(l => l.Size);
        long baseWasted = baseLayers == 0 ? 0 : BaseAlone(report, baseLayers).WastedBytes;
        long userWasted = Math.Max(0, report.WastedBytes - baseWasted);
        return new BaseImageSplit(baseLayers, boundary, baseSize, report.Size - baseSize, baseWasted, userWasted);
    }

    /// <summary>The base image's layers analysed on their own, each with the history entry it had in the image.</summary>
    private static ImageReport BaseAlone(ImageReport report, int baseLayers)
    {
        var layers = report.Layers.Take(baseLayers).ToList();
        var history = layers.Select(l => l.History ?? new ImageHistoryEntry(null, false, null, null)).ToList();
        var config = new ImageConfig(report.Config?.Os, report.Config?.Architecture, report.Config?.Variant, history,
            layers.Select(l => l.Scan.DiffId).ToList(), new Dictionary<string, string>());
        return ImageAnalyzer.Analyze(new ImageContent(report.Image, Array.Empty<string>(), ImageArchiveFormat.DockerArchive, config, layers.Select(l => l.Scan).ToList()));
    }
}

/// <summary>Where an image's base layers end.</summary>
public enum BaseImageBoundary
{
    /// <summary>The layers attributed to the FROM line of the Dockerfile's first stage (of the target's chain).</summary>
    Dockerfile,

    /// <summary>dive's assumption: the first layer is the base image, every other layer was added.</summary>
    FirstLayer,

    /// <summary>The .NET SDK's base image (<see cref="SdkImageAttribution"/>): every layer but the one the SDK adds.</summary>
    ContainerBaseImage,
}
