using ContainerOpt.Images.Archives;

namespace ContainerOpt.Images.Layers;

/// <summary>One layer of an <see cref="ImageReport"/>.</summary>
public sealed class LayerReport
{
    public LayerReport(int index, LayerScan scan, ImageHistoryEntry? history, long removedBytes, long leftoverCacheBytes,
        IReadOnlyList<FileSize> largestFiles, string? dockerfile = null, int? dockerfileLine = null, string? origin = null)
    {
        Origin = origin;
        Index = index;
        Size = ImageAnalyzer.CountsSymlinks(history) ? scan.Size : scan.RegularFileBytes;
        Scan = scan;
        History = history;
        RemovedBytes = removedBytes;
        LeftoverCacheBytes = leftoverCacheBytes;
        LargestFiles = largestFiles;
        Dockerfile = dockerfile;
        DockerfileLine = dockerfileLine;
    }

    /// <summary>0-based, bottom (base) layer first.</summary>
    public int Index { get; }

    public LayerScan Scan { get; }

    public string Digest => Scan.Digest;

    /// <summary>
    /// File bytes exactly as <c>docker history</c> and <c>docker image inspect</c> count them: regular files
    /// (hard-linked ones once) plus symlink target lengths, except for layers BuildKit made, whose symlinks
    /// docker counts as 0 (it sizes those from their tar headers).
    /// </summary>
    public long Size { get; }

    /// <summary>Bytes on the wire (<see cref="LayerScan.CompressedSize"/>); an estimate when <see cref="CompressedSizeEstimated"/>.</summary>
    public long? CompressedSize => Scan.CompressedSize;

    public bool CompressedSizeEstimated => Scan.CompressedSizeEstimated;

    public int FileCount => Scan.FileCount;

    /// <summary>The non-empty history entry that made this layer, or null when the history does not say.</summary>
    public ImageHistoryEntry? History { get; }

    public string? CreatedBy => History?.CreatedBy;

    /// <summary>The Dockerfile the line is in, once attributed.</summary>
    public string? Dockerfile { get; }

    /// <summary>1-based line of the instruction that made the layer (FROM for base-image layers), or null when unknown.</summary>
    public int? DockerfileLine { get; }

    /// <summary>
    /// What made the layer, in words, when no Dockerfile did (an image the .NET SDK built: <c>base image …</c>, <c>app: …</c>;
    /// <see cref="SdkImageAttribution"/>); null for a Dockerfile's layers and unattributed ones.
    /// </summary>
    public string? Origin { get; }

    /// <summary>Bytes this layer made that later layers overwrite, delete or hide.</summary>
    public long RemovedBytes { get; }

    /// <summary>Bytes this layer made that stay in the final image under cache paths.</summary>
    public long LeftoverCacheBytes { get; }

    public long WastedBytes => RemovedBytes + LeftoverCacheBytes;

    /// <summary>The largest files the layer adds, largest first.</summary>
    public IReadOnlyList<FileSize> LargestFiles { get; }

    public LayerReport WithDockerfile(string? dockerfile, int? line) =>
        new(Index, Scan, History, RemovedBytes, LeftoverCacheBytes, LargestFiles, dockerfile, line, Origin);

    /// <summary>The layer attributed to what made it without a Dockerfile: its origin, and the file (and line) that chose it.</summary>
    public LayerReport WithOrigin(string origin, string? file, int? line) =>
        new(Index, Scan, History, RemovedBytes, LeftoverCacheBytes, LargestFiles, file, line, origin);

    public override string ToString() => $"#{Index} {Size} bytes, {WastedBytes} wasted: {CreatedBy}";
}
