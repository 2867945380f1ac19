using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Images;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace ContainerOpt.Tasks;

/// <summary>
/// What every image task reports of an image, the same whichever way the image was made (a Dockerfile built by
/// ContainerOpt, or the .NET SDK's PublishContainer): the layer table in the log, one ContainerOptImageLayer item
/// per layer, the JSON report, the HTML page, the credential files the layers carry and the gates' findings.
/// </summary>
internal static class ImageReportOutput
{
    /// <summary>
    /// The gates of an image task: the gate properties (ContainerOptMaxImageSize …), then the rules of dive's CI file
    /// where no property sets one. The file (ContainerOptDiveCiFile): empty, the first <c>.dive-ci</c> beside the project,
    /// then beside <paramref name="secondDirectory"/> (the Dockerfile's folder); a path (relative to the project), that
    /// file; <c>none</c>, no file. Null when a gate or the file cannot be read: the problem is reported (at
    /// <paramref name="subjectFile"/>, or at the file's line).
    /// </summary>
    public static ImageGateOptions? Gates(TaskDiagnostics diagnostics, string subjectFile, string? maxImageSize, string? maxWastedBytes, string? minEfficiency,
        string? maxUserWastedPercent, string? diveCiFile, string? projectDirectory, string? secondDirectory)
    {
        ImageGateOptions gates;
        try
        {
            gates = ImageGateOptions.FromProperties(maxImageSize, maxWastedBytes, minEfficiency, maxUserWastedPercent);
        }
        catch (FormatException e)
        {
            diagnostics.ReportMessage(DiagnosticCatalog.InvalidConfiguration, subjectFile, DiagnosticCatalog.InvalidConfiguration.FormatMessage("the image gates", e.Message));
            return null;
        }
        string? diveCiPath;
        if (string.IsNullOrWhiteSpace(diveCiFile))
        {
            diveCiPath = DiveCiConfig.Find(projectDirectory, secondDirectory);
        }
        else
        {
            string value = diveCiFile!.Trim();
            diveCiPath = string.Equals(value, "none", StringComparison.OrdinalIgnoreCase)
                ? null
                : Path.GetFullPath(Path.Combine(projectDirectory ?? Directory.GetCurrentDirectory(), value));
        }
        if (diveCiPath is not null)
        {
            DiveCiConfig diveCi = DiveCiConfig.Read(diveCiPath);
            diagnostics.Report(diveCi.Problems, diveCiPath);
            if (diveCi.HasErrors)
            {
                return null;
            }
            gates.FillFrom(diveCi);
            diagnostics.Note(MessageImportance.Normal, "gates from {0}: {1}", diveCiPath, diveCi.Summary());
        }
        return gates;
    }

    /// <summary>
    /// Logs the table, writes the JSON report to <paramref name="reportFile"/> and the HTML page to
    /// <paramref name="htmlReportFile"/> (each when given), reports the credential files the layers carry and the gates; a
    /// finding with no file of its own is placed in <paramref name="subjectFile"/>. Returns the layer items.
    /// </summary>
    public static ITaskItem[] Report(TaskLoggingHelper log, TaskDiagnostics diagnostics, ImageReport report, string? reportFile, string? htmlReportFile,
        ImageGateOptions gates, string subjectFile)
    {
        log.LogMessage(MessageImportance.High, "{0}", ImageReportTable.Format(report));
        int baseLayers = report.BaseSplit.BaseLayerCount;
        var items = report.Layers.Select(l => LayerItem(l, baseLayers)).ToArray();
        if (!string.IsNullOrWhiteSpace(reportFile))
        {
            string path = Path.GetFullPath(reportFile!);
            ImageLayers.WriteReport(report, path);
            diagnostics.Note(MessageImportance.High, "layer report written to {0}", path);
        }
        if (!string.IsNullOrWhiteSpace(htmlReportFile))
        {
            string path = Path.GetFullPath(htmlReportFile!);
            ImageLayers.WriteHtmlReport(report, ImageGates.Results(report, gates), path);
            diagnostics.Note(MessageImportance.High, "layer report page written to {0}", path);
        }
        diagnostics.Report(ImageSecrets.Evaluate(report), subjectFile);
        diagnostics.Report(ImageGates.Evaluate(report, gates), subjectFile);
        return items;
    }

    private static ITaskItem LayerItem(LayerReport layer, int baseLayers)
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
        item.SetMetadata("BaseImage", layer.Index < baseLayers ? "true" : "false");
        item.SetMetadata("Origin", layer.Origin ?? "");
        return item;
    }
}
