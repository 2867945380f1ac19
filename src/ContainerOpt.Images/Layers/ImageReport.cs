using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Images.Archives;

namespace ContainerOpt.Images.Layers;

/// <summary>Every layer of an image with its size, waste and origin; the image totals.</summary>
public sealed class ImageReport
{
    private readonly Lazy<BaseImageSplit> _baseSplit;

    public ImageReport(string image, IReadOnlyList<LayerReport> layers, IReadOnlyList<WastedFile> largestWastedFiles,
        ImageConfig? config = null, SourceText? dockerfileSource = null, int? baseLayerCount = null)
    {
        BaseLayerCount = baseLayerCount;
        _baseSplit = new Lazy<BaseImageSplit>(() => BaseImageSplit.Of(this));
        Image = image;
        Layers = layers;
        LargestWastedFiles = largestWastedFiles;
        Config = config;
        DockerfileSource = dockerfileSource;
        Size = layers.Sum(l => l.Size);
        RemovedBytes = layers.Sum(l => l.RemovedBytes);
        LeftoverCacheBytes = layers.Sum(l => l.LeftoverCacheBytes);
    }

    public string Image { get; }

    public IReadOnlyList<LayerReport> Layers { get; }

    /// <summary>Sum of the layers' sizes (uncompressed file bytes).</summary>
    public long Size { get; }

    public long RemovedBytes { get; }

    public long LeftoverCacheBytes { get; }

    /// <summary>Overwritten, deleted or hidden bytes plus leftover cache bytes.</summary>
    public long WastedBytes => RemovedBytes + LeftoverCacheBytes;

    /// <summary>1 - wasted/size; 1 for an empty image.</summary>
    public double Efficiency => Size == 0 ? 1.0 : Math.Max(0.0, 1.0 - (double)WastedBytes / Size);

    public long? CompressedSize => Layers.All(l => l.CompressedSize.HasValue) ? Layers.Sum(l => l.CompressedSize!.Value) : null;

    /// <summary>True when any layer's compressed size, and so the total, is an estimate.</summary>
    public bool CompressedSizeEstimated => Layers.Any(l => l.CompressedSizeEstimated);

    /// <summary>The largest wasted files of the whole image, largest first.</summary>
    public IReadOnlyList<WastedFile> LargestWastedFiles { get; }

    public ImageConfig? Config { get; }

    /// <summary>The Dockerfile the layers were attributed to, when they were.</summary>
    public SourceText? DockerfileSource { get; }

    /// <summary>
    /// How many of the bottom layers are the base image's, when known: the layers the Dockerfile's FROM brought, once
    /// attributed (<see cref="DockerfileAttribution"/>); null when not known (<see cref="BaseSplit"/> then takes dive's
    /// assumption, the first layer).
    /// </summary>
    public int? BaseLayerCount { get; }

    /// <summary>The base image's layers and those added above them; the share of the added bytes that is wasted (computed on first use).</summary>
    public BaseImageSplit BaseSplit => _baseSplit.Value;

    public ImageReport WithLayers(IReadOnlyList<LayerReport> layers, SourceText? dockerfileSource) =>
        new(Image, layers, LargestWastedFiles, Config, dockerfileSource, BaseLayerCount);

    public ImageReport WithLayers(IReadOnlyList<LayerReport> layers, SourceText? dockerfileSource, int? baseLayerCount) =>
        new(Image, layers, LargestWastedFiles, Config, dockerfileSource, baseLayerCount);
}
