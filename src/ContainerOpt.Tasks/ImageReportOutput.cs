using System.Globalization;
using ContainerOpt.Images;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks;

/// <summary>
/// What every image task reports of an image, the same whichever way the image was made (a Dockerfile built by
/// ContainerOpt, or the .NET SDK's PublishContainer): the layer table in the log, one ContainerOptImageLayer item
/// per layer, the JSON report, and the gates' findings.
/// </summary>
internal static class ImageReportOutput
{
    /// <summary>
    /// Logs the table, writes the JSON report to <paramref name="reportFile"/> (when given) and reports the gates; a gate
    /// finding with no file of its own is placed in <paramref name="subjectFile"/>. Returns the layer items.
    /// </summary>
    public static ITaskItem[] Report(TaskLoggingHelper log, TaskDiagnostics diagnostics, ImageReport report, string? reportFile, ImageGateOptions gates, string subjectFile)
    {
        log.LogMessage(MessageImportance.High, "{0}", ImageReportTable.Format(report));
        var items = report.Layers.Select(LayerItem).ToArray();
        if (!string.IsNullOrWhiteSpace(reportFile))
        {
            string path = Path.GetFullPath(reportFile!);
            ImageLayers.WriteReport(report, path);
            diagnostics.Note(MessageImportance.High, "layer report written to {0}", path);
        }
        diagnostics.Report(ImageGates.Evaluate(report, gates), subjectFile);
        return items;
    }

    private static ITaskItem LayerItem(LayerReport layer)
    {
        var item = new TaskItem(layer.Digest);
        item.SetMetadata("Index", layer.Index.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Digest", layer.Digest);
        item.SetMetadata("Size", layer.Size.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("CompressedSize", layer.CompressedSize?.ToString(CultureInfo.InvariantCulture) ?? "");
        item.SetMetadata("CompressedSizeEstimated", layer.CompressedSizeEstimated ? "true" : "false");
        item.SetMetadata("CreatedBy", layer.CreatedBy ?? "");
        item.SetMetadata("Dockerfile", layer.Dockerfile ?? "");
        item.SetMetadata("DockerfileLine", layer.DockerfileLine?.ToString(CultureInfo.InvariantCulture) ?? "");
        item.SetMetadata("WastedBytes", layer.WastedBytes.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("FileCount", layer.FileCount.ToString(CultureInfo.InvariantCulture));
        item.SetMetadata("Origin", layer.Origin ?? "");
        return item;
    }
}
