using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Compression;
using Microsoft.Build.Framework;

namespace ContainerOpt.Tasks;

/// <summary>
/// What both image tasks take and give for the layer report: how long the engine may take, whether compressed sizes are
/// estimated, where the JSON and HTML reports go, the gates (properties first, then dive's CI file) and the layer items.
/// <see cref="BuildContainerImage"/> (the Dockerfile route) and <see cref="ReportContainerImage"/> (the SDK's image) add
/// what finds their image; <see cref="ImageReportOutput"/> does the reporting for both.
/// </summary>
public abstract class ImageReportTask : ContainerOptTask
{
    public int TimeoutSeconds { get; set; } = 1800;

    /// <summary>Estimate each plain layer's gzip size (what docker push uploads; ImageReadOptions.MeasureCompressedSize).</summary>
    public bool MeasureCompressedSize { get; set; } = true;

    /// <summary>
    /// Where the compressed sizes of this image's plain layers are kept for the next read (obj/, beside the report), so the
    /// unchanged base image is not estimated again after a source edit (<see cref="CompressedSizeCache"/>); empty: none.
    /// </summary>
    public string? CompressedSizeCacheFile { get; set; }

    public string? ReportFile { get; set; }

    /// <summary>Where the HTML page goes (image-report.html beside the JSON report); empty: none.</summary>
    public string? HtmlReportFile { get; set; }
    public string? MaxImageSize { get; set; }
    public string? MaxWastedBytes { get; set; }
    public string? MinEfficiency { get; set; }
    public string? MaxUserWastedPercent { get; set; }

    /// <summary>
    /// dive's CI file (ContainerOptDiveCiFile): empty, the first <c>.dive-ci</c> beside the project (then, for a Dockerfile,
    /// beside it); a path (relative to the project), that file; <c>none</c>, no file. The gate properties keep priority over its rules.
    /// </summary>
    public string? DiveCiFile { get; set; }

    /// <summary>One item per layer, bottom first (metadata: Index, Digest, Size, CompressedSize, CompressedSizeEstimated, CreatedBy, DockerfileLine, WastedBytes, Origin, ...).</summary>
    [Output]
    public ITaskItem[] Layers { get; protected set; } = Array.Empty<ITaskItem>();

    [Output]
    public string? ImageReference { get; protected set; }

    /// <summary>How the image is read: compressed sizes or not, and the estimates kept from the last read.</summary>
    protected ImageReadOptions ReadOptions() => new()
    {
        MeasureCompressedSize = MeasureCompressedSize,
        CompressedSizeCache = MeasureCompressedSize && !string.IsNullOrWhiteSpace(CompressedSizeCacheFile) ? CompressedSizeCache.Open(CompressedSizeCacheFile!) : null,
    };

    /// <summary>After a read: keeps its estimates for the next one and says how many were reused.</summary>
    protected void KeepCompressedSizes(ImageReadOptions options)
    {
        if (options.CompressedSizeCache is not { } cache) return;
        Diagnostics.Note(MessageImportance.Normal, "compressed sizes: {0} layers unchanged since the last read (estimate reused), {1} estimated",
            cache.Reused, cache.Estimated);
        if (cache.Save() is { } problem)
        {
            Diagnostics.Note(MessageImportance.Normal, "could not keep the compressed sizes in {0}: {1}", CompressedSizeCacheFile!, problem);
        }
    }
}
