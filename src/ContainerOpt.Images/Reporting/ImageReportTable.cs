using System.Globalization;
using System.Text;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Layers.Secrets;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// The layer report as a fixed-width table for build logs: one row per layer (index, size, compressed
/// size, wasted bytes, file:line, created-by shortened), then the image totals and the largest wasted files. An image
/// no Dockerfile made (the .NET SDK's) has an ORIGIN column instead of LINE: the base image or the app.
/// An estimated compressed size is marked with <see cref="Estimated"/> and the mark explained under the totals.
/// </summary>
public static class ImageReportTable
{
    public const int CreatedByWidth = 60;

    /// <summary>Marks a compressed size that is gzip's estimated, not a stored blob's.</summary>
    public const string Estimated = "≈ ";

    public const string EstimatedLegend = "≈ estimated: the size gzip at its default level makes of the layer (what docker push uploads), from compressed samples\n";

    public static string Format(ImageReport report)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        bool byOrigin = report.Layers.Any(l => l.Origin is not null);
        var rows = new List<string[]> { new[] { "#", "SIZE", "COMPRESSED", "WASTED", byOrigin ? "ORIGIN" : "LINE", "CREATED BY" } };
        foreach (LayerReport layer in report.Layers)
        {
            rows.Add(new[]
            {
                layer.Index.ToString(CultureInfo.InvariantCulture),
                ByteSize.Format(layer.Size),
                layer.CompressedSize is { } c ? (layer.CompressedSizeEstimated ? Estimated : "") + ByteSize.Format(c) : "-",
                layer.WastedBytes == 0 ? "-" : ByteSize.Format(layer.WastedBytes),
                byOrigin ? layer.Origin ?? "-"
                    : layer.DockerfileLine is { } line ? FileName(layer.Dockerfile) + ":" + line.ToString(CultureInfo.InvariantCulture) : "-",
                Shorten(layer.CreatedBy),
            });
        }
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (string[] row in rows)
        {
            for (int c = 0; c < columns; c++)
            {
                bool numeric = c is 0 or 1 or 2 or 3;
                string cell = numeric ? row[c].PadLeft(widths[c]) : c == columns - 1 ? row[c] : row[c].PadRight(widths[c]);
                text.Append(cell);
                if (c < columns - 1) text.Append("  ");
            }
            text.Append('\n');
        }
        string compressed = report.CompressedSize is { } total ? (report.CompressedSizeEstimated ? Estimated : "") + ByteSize.Format(total) : "not measured";
        text.Append(string.Format(CultureInfo.InvariantCulture,
            "Image {0}: {1} in {2} layers ({3} compressed); wasted {4} ({5:N0} bytes: {6} removed or overwritten later, {7} left in caches); efficiency {8}\n",
            report.Image, ByteSize.Format(report.Size), report.Layers.Count, compressed, ByteSize.Format(report.WastedBytes),
            report.WastedBytes, ByteSize.Format(report.RemovedBytes), ByteSize.Format(report.LeftoverCacheBytes), ByteSize.Percent(report.Efficiency)));
        if (report.CompressedSizeEstimated && report.CompressedSize is not null) text.Append(EstimatedLegend);
        text.Append(BaseSplitLine(report.BaseSplit));
        if (report.LargestWastedFiles.Count > 0)
        {
            text.Append("Largest wasted files:\n");
            int sizeWidth = report.LargestWastedFiles.Max(f => ByteSize.Format(f.Size).Length);
            foreach (WastedFile file in report.LargestWastedFiles)
            {
                text.Append("  ").Append(ByteSize.Format(file.Size).PadLeft(sizeWidth)).Append("  /").Append(file.Path)
                    .Append("  (layer ").Append(file.LayerIndex.ToString(CultureInfo.InvariantCulture)).Append(", ").Append(Describe(file.Kind)).Append(")\n");
            }
        }
        AppendSecrets(report, text);
        return text.ToString();
    }

    /// <summary>The credential files: path, kind, the layer and line that add each, the layer that removes it; exempt ones counted.</summary>
    private static void AppendSecrets(ImageReport report, StringBuilder text)
    {
        var reported = report.Secrets.Where(s => s.IsReported).ToList();
        int exempt = report.Secrets.Count - reported.Count;
        if (reported.Count > 0)
        {
            text.Append("Credential files (still readable from their layer):\n");
            foreach (LayerSecret secret in reported)
            {
                LayerReport layer = report.Layers[secret.LayerIndex];
                text.Append("  /").Append(secret.Path).Append("  ").Append(secret.File.Description).Append("  (layer ")
                    .Append(secret.LayerIndex.ToString(CultureInfo.InvariantCulture)).Append(Line(layer));
                if (secret.RemovedByLayer is int by)
                {
                    text.Append(", removed by layer ").Append(by.ToString(CultureInfo.InvariantCulture));
                    if (by < report.Layers.Count) text.Append(Line(report.Layers[by]));
                }
                text.Append(")\n");
            }
        }
        if (exempt > 0)
        {
            text.Append(string.Format(CultureInfo.InvariantCulture, "{0} credential-looking file{1} in test fixtures, package content or documentation not reported (listed in the JSON report)\n",
                exempt, exempt == 1 ? "" : "s"));
        }
    }

    private static string Line(LayerReport layer) =>
        layer.DockerfileLine is { } line ? ", " + FileName(layer.Dockerfile) + ":" + line.ToString(CultureInfo.InvariantCulture) : "";

    /// <summary>A layer's created-by on one line, BuildKit's marker dropped, cut to <see cref="CreatedByWidth"/> characters; "-" for none.</summary>
    internal static string ShortCreatedBy(string? createdBy) => Shorten(createdBy);

    /// <summary>The base image's layers, what was added above them and the share of it wasted (dive's user-wasted percent).</summary>
    public static string BaseSplitLine(BaseImageSplit split) => string.Format(CultureInfo.InvariantCulture,
        "Base image: {0} ({1}, {2}); added above it: {3}, wasting {4} (user-wasted {5})\n",
        Count(split.BaseLayerCount, "layer"), ByteSize.Format(split.BaseSize),
        split.Boundary switch
        {
            BaseImageBoundary.Dockerfile => "the layers of the Dockerfile's FROM",
            BaseImageBoundary.ContainerBaseImage => "the .NET SDK's base image",
            _ => "the first layer, as dive counts it",
        },
        ByteSize.Format(split.UserSize), ByteSize.Format(split.UserWastedBytes), ByteSize.Percent(split.UserWastedPercent));

    private static string Count(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");

    private static string Describe(WasteKind kind) => kind switch
    {
        WasteKind.Overwritten => "overwritten later",
        WasteKind.Removed => "deleted later",
        WasteKind.HiddenByOpaqueDirectory => "hidden by a later opaque directory",
        _ => "left in a cache directory",
    };

    internal static string FileName(string? path) => string.IsNullOrEmpty(path) ? "Dockerfile" : Path.GetFileName(path);

    /// <summary>One line, BuildKit's markers dropped, cut to <see cref="CreatedByWidth"/> characters with an ellipsis.</summary>
    internal static string Shorten(string? createdBy)
    {
        if (string.IsNullOrWhiteSpace(createdBy)) return "-";
        string text = string.Join(" ", createdBy!.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries));
        if (text.EndsWith(" # buildkit", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 11);
        return text.Length <= CreatedByWidth ? text : text.Substring(0, CreatedByWidth - 1) + "…";
    }
}
