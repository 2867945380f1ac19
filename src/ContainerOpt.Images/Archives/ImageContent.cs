using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Archives;

/// <summary>An image read from an archive: its name, config and the scan of every layer, bottom first.</summary>
public sealed class ImageContent
{
    public ImageContent(string name, IReadOnlyList<string> references, ImageArchiveFormat format, ImageConfig config, IReadOnlyList<LayerScan> layers)
    {
        Name = name;
        References = references;
        Format = format;
        Config = config;
        Layers = layers;
    }

    /// <summary>The selected reference (a RepoTag or OCI ref name), else the archive's display name.</summary>
    public string Name { get; }

    /// <summary>Every reference the archive gives this image.</summary>
    public IReadOnlyList<string> References { get; }

    public ImageArchiveFormat Format { get; }

    public ImageConfig Config { get; }

    /// <summary>The layers in rootfs order; a layer listed twice appears twice (the same scan).</summary>
    public IReadOnlyList<LayerScan> Layers { get; }

    public override string ToString() => $"{Name} ({Layers.Count} layers, {Format})";
}
