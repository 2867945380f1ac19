namespace ContainerOpt.Images.Layers;

/// <summary>Knobs of <see cref="ImageAnalyzer"/>.</summary>
public sealed class ImageAnalysisOptions
{
    /// <summary>
    /// Directories whose content left in the final image counts as waste: package-manager indexes and
    /// caches, NuGet's global packages folder, temp folders. Paths without a leading slash.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultCacheDirectories = new[]
    {
        "var/lib/apt/lists",
        "var/cache/apt",
        "var/cache/apk",
        "root/.nuget/packages",
        "root/.cache",
        "tmp",
        "var/tmp",
    };

    /// <summary>How many of each layer's largest files, and of the image's largest wasted files, to keep; default 10.</summary>
    public int LargestFileCount { get; set; } = 10;

    public IReadOnlyList<string> CacheDirectories { get; set; } = DefaultCacheDirectories;
}
