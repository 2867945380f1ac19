using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Archives;

/// <summary>Where an image's files come from: a streamed archive already collected, or a folder read on demand.</summary>
internal interface IImageSource
{
    string DisplayName { get; }

    /// <summary>The bytes of a small metadata file (manifest, index, config), or null when absent.</summary>
    byte[]? Document(string path);

    /// <summary>The scan of a layer blob; throws <see cref="ImageReadException"/> when absent or not a layer.</summary>
    LayerScan Layer(string path);
}
