using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// Turns the gates into findings (COPT3101–3104) placed on the Dockerfile line responsible: the
/// largest layer's for size, the most wasteful layer's for waste and efficiency, the most wasteful of the
/// layers above the base image for their wasted share. Without a known line the finding names the
/// Dockerfile (or the image) without a position. Each message names the setting that set the limit.
/// A gate fails as dive's CI rules do: strictly above (below, for efficiency) its limit.
/// </summary>
public static class ImageGates
{
    public static IReadOnlyList<Finding> Evaluate(ImageReport report, ImageGateOptions options)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        if (options is null) throw new ArgumentNullException(nameof(options));
        var findings = new List<Finding>();
        if (options.MaxImageSize is { } maxSize && report.Size > maxSize)
        {
            LayerReport? largest = report.Layers.OrderByDescending(l => l.Size).ThenBy(l => l.Index).FirstOrDefault();
            findings.Add(Create(DiagnosticCatalog.ImageTooLarge, report, largest,
                ByteSize.Format(report.Size), report.Size, ByteSize.Format(maxSize), maxSize, ByteSize.Format(largest?.Size ?? 0), options.MaxImageSizeSetting));
        }
        LayerReport? wasteful = report.Layers.Where(l => l.WastedBytes > 0).OrderByDescending(l => l.WastedBytes).ThenBy(l => l.Index).FirstOrDefault();
        if (options.MaxWastedBytes is { } maxWaste && report.WastedBytes > maxWaste)
        {
            findings.Add(Create(DiagnosticCatalog.TooMuchWaste, report, wasteful,
                ByteSize.Format(report.WastedBytes), report.WastedBytes, ByteSize.Format(maxWaste), maxWaste, ByteSize.Format(wasteful?.WastedBytes ?? 0), options.MaxWastedBytesSetting));
        }
        if (options.MinEfficiency is { } minEfficiency && report.Efficiency < minEfficiency)
        {
            findings.Add(Create(DiagnosticCatalog.LowEfficiency, report, wasteful,
                ByteSize.Percent(report.Efficiency), ByteSize.Percent(minEfficiency), ByteSize.Format(wasteful?.WastedBytes ?? 0), options.MinEfficiencySetting));
        }
        if (options.MaxUserWastedPercent is { } maxUserWaste && report.BaseSplit is { } split && split.UserWastedPercent > maxUserWaste)
        {
            // The added layers' own waste is charged to them; base bytes they delete are charged to the base layer that made them.
            LayerReport? added = report.Layers.Skip(split.BaseLayerCount).Where(l => l.WastedBytes > 0)
                .OrderByDescending(l => l.WastedBytes).ThenBy(l => l.Index).FirstOrDefault() ?? wasteful;
            findings.Add(Create(DiagnosticCatalog.TooMuchUserWaste, report, added,
                ByteSize.Percent(split.UserWastedPercent), ByteSize.Format(split.UserSize), ByteSize.Format(split.UserWastedBytes),
                ByteSize.Percent(maxUserWaste), options.MaxUserWastedPercentSetting, ByteSize.Format(added?.WastedBytes ?? 0)));
        }
        return findings;
    }

    private static Finding Create(DiagnosticDescriptor descriptor, ImageReport report, LayerReport? layer, params object?[] args)
    {
        string message = descriptor.FormatMessage(args);
        string? file = layer?.Dockerfile ?? report.Layers.Select(l => l.Dockerfile).FirstOrDefault(d => d is not null) ?? report.DockerfileSource?.Path;
        SourceText? source = report.DockerfileSource;
        if (layer?.DockerfileLine is int line && line >= 1)
        {
            // The whole line: the instruction's first line, from column 1 to the end of its content.
            TextSpan span = default;
            var location = new LinePositionSpan(new LinePosition(line, 1), new LinePosition(line, 1));
            if (source is not null && line <= source.LineCount)
            {
                span = TextSpan.FromBounds(source.GetLineStart(line), source.GetLineContentEnd(line));
                location = new LinePositionSpan(new LinePosition(line, 1), new LinePosition(line, span.Length + 1));
            }
            return new Finding(descriptor, descriptor.DefaultSeverity, message, file, location, span);
        }
        // No line known: the finding names the file (or the image) at no position.
        return new Finding(descriptor, descriptor.DefaultSeverity, message, file ?? report.Image, default, default);
    }
}
