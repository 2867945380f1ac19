using System.Globalization;
using System.Text;
using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Layers.Secrets;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// The layer report as one self-contained HTML page: inline CSS, no script, no request to anywhere. The image's
/// totals; every layer's size and waste as bars (pixel widths, so the picture is the same in every browser) labelled
/// with the Dockerfile line that made it; the gates with their limits; the credential files; the largest files.
/// Every text that comes from the image or the Dockerfile is HTML-escaped. Rendering only: the adapters write the page.
/// </summary>
public static class ImageReportHtml
{
    /// <summary>The width in CSS pixels of the largest layer's bar; the others are drawn to the same scale.</summary>
    public const int BarWidth = 600;

    /// <summary>The size bar's colour (a layer's bytes).</summary>
    public const string SizeColor = "#3b6fd8";

    /// <summary>The waste bar's colour (the part of the layer's bytes that is wasted), drawn over the size bar from its left.</summary>
    public const string WasteColor = "#d9412b";

    /// <summary>How many of the image's largest files the page lists at most (no more than a layer keeps, 10 by default).</summary>
    public const int LargestFileCount = 15;

    private static readonly string Style = $$"""
        *{box-sizing:border-box}
        body{margin:0;padding:24px 32px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;background:#fff}
        h1{font-size:22px;margin:0 0 12px}
        h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid #d0d7de}
        code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:13px}
        .summary{display:flex;flex-wrap:wrap;gap:12px;margin:0}
        .summary div{border:1px solid #d0d7de;border-radius:6px;padding:8px 14px;min-width:150px}
        .summary dt{font-size:12px;color:#57606a}
        .summary dd{margin:0;font-size:18px;font-weight:600}
        table{border-collapse:collapse;width:100%;max-width:1200px}
        th,td{text-align:left;padding:4px 10px 4px 0;border-bottom:1px solid #eaeef2;vertical-align:top}
        th{font-size:12px;color:#57606a;font-weight:600}
        td.num,th.num{text-align:right;white-space:nowrap}
        .pass .verdict{color:#1a7f37;font-weight:600}
        .fail .verdict{color:#cf222e;font-weight:600}
        .severity-error{color:#cf222e;font-weight:600}
        .severity-warning{color:#9a6700;font-weight:600}
        .layers{display:grid;grid-template-columns:minmax(260px,460px) {{BarWidth}}px auto;column-gap:16px;row-gap:6px;align-items:center}
        .layer{display:contents}
        .label{overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
        .label .index{display:inline-block;min-width:2.5em;color:#57606a}
        .label .line{font-weight:600;margin-right:6px}
        .track{position:relative;width:{{BarWidth}}px;height:16px;background:#f0f2f4}
        .bar{position:absolute;left:0;top:0;height:16px}
        .bar.size{background:{{SizeColor}}}
        .bar.waste{background:{{WasteColor}}}
        .numbers{white-space:nowrap;color:#57606a}
        .legend{margin:8px 0 0;color:#57606a}
        .swatch{display:inline-block;width:12px;height:12px;vertical-align:-1px;margin:0 4px 0 12px}
        .note{color:#57606a}
        footer{margin-top:32px;color:#57606a;font-size:12px}
        """;

    /// <summary>The page. <paramref name="gates"/> are <see cref="ImageGates.Results"/>; none when the project set no gate.</summary>
    public static string Render(ImageReport report, IReadOnlyList<ImageGateResult>? gates = null)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        gates ??= Array.Empty<ImageGateResult>();
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Image report: ").Append(Escape(report.Image)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        AppendSummary(html, report);
        AppendGates(html, gates);
        AppendSecrets(html, report);
        AppendLayers(html, report);
        AppendLargestFiles(html, report);
        html.Append("<footer>ContainerOpt layer report. Sizes are uncompressed file bytes, as <code>docker history</code> counts them.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Text made safe for HTML element content and quoted attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var escaped = new StringBuilder(text!.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                default:
                    // Control characters (a created-by can hold any byte) would not render; show them as spaces.
                    escaped.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }
        return escaped.ToString();
    }

    /// <summary>The bar width in pixels of <paramref name="bytes"/> when <paramref name="largest"/> bytes fill <see cref="BarWidth"/>; at least 1 for any byte.</summary>
    public static int BarPixels(long bytes, long largest)
    {
        if (bytes <= 0 || largest <= 0) return 0;
        int pixels = (int)Math.Round((double)bytes / largest * BarWidth, MidpointRounding.AwayFromZero);
        return Math.Max(1, Math.Min(BarWidth, pixels));
    }

    /// <summary>
    /// What the page labels a layer with: "Dockerfile:12" and the instruction's first line; for an image the .NET SDK built,
    /// the project file's line and what made the layer; else the history's created-by.
    /// </summary>
    public static (string Line, string Instruction) LayerLabel(ImageReport report, LayerReport layer)
    {
        string line = layer.DockerfileLine is int number
            ? FileName(layer.Dockerfile) + ":" + number.ToString(CultureInfo.InvariantCulture)
            : "";
        SourceText? source = report.DockerfileSource;
        if (layer.DockerfileLine is int at && source is not null && at >= 1 && at <= source.LineCount)
        {
            string text = source.GetLineText(at).Trim();
            // A continued instruction shows its first line and says there is more.
            if (text.EndsWith("\\", StringComparison.Ordinal) || text.EndsWith("`", StringComparison.Ordinal)) text = text.Substring(0, text.Length - 1).TrimEnd() + " …";
            if (report.OriginOf(layer) == LayerOrigin.BaseImage) text += " (base image)";
            return (line, text);
        }
        // An image the .NET SDK built says what made each layer in words (the base image, the app's publish output).
        if (layer.Origin is { Length: > 0 } origin) return (line, origin);
        string createdBy = ImageReportTable.ShortCreatedBy(layer.CreatedBy);
        return (line, createdBy == "-" ? "(no history)" : createdBy);
    }

    private static void AppendSummary(StringBuilder html, ImageReport report)
    {
        html.Append("<header>\n<h1>Image <code id=\"image\">").Append(Escape(report.Image)).Append("</code></h1>\n<dl class=\"summary\" id=\"summary\">\n");
        Fact(html, "size", "Size", ByteSize.Format(report.Size), report.Size);
        string compressed = report.CompressedSize is { } c ? (report.CompressedSizeEstimated ? "≈ " : "") + ByteSize.Format(c) : "not measured";
        Fact(html, "compressed", "Compressed", compressed, report.CompressedSize);
        Fact(html, "wasted", "Wasted", ByteSize.Format(report.WastedBytes), report.WastedBytes);
        Fact(html, "efficiency", "Efficiency", ByteSize.Percent(report.Efficiency), null);
        Fact(html, "user-wasted", "User-wasted", ByteSize.Percent(report.BaseSplit.UserWastedPercent), null);
        Fact(html, "layer-count", "Layers", report.Layers.Count.ToString(CultureInfo.InvariantCulture), null);
        int reported = report.Secrets.Count(s => s.IsReported);
        Fact(html, "secret-count", "Credential files", reported.ToString(CultureInfo.InvariantCulture), null);
        html.Append("</dl>\n</header>\n");
    }

    private static void Fact(StringBuilder html, string id, string name, string value, long? bytes)
    {
        html.Append("<div id=\"").Append(id).Append("\"><dt>").Append(name).Append("</dt><dd");
        if (bytes is long b) html.Append(" data-bytes=\"").Append(b.ToString(CultureInfo.InvariantCulture)).Append('"');
        html.Append('>').Append(Escape(value)).Append("</dd></div>\n");
    }

    private static void AppendGates(StringBuilder html, IReadOnlyList<ImageGateResult> gates)
    {
        html.Append("<section id=\"gates\">\n<h2>Gates</h2>\n");
        if (gates.Count == 0)
        {
            html.Append("<p class=\"note\">No gate is set (ContainerOptMaxImageSize, ContainerOptMaxWastedBytes, ContainerOptMinEfficiency, ContainerOptMaxUserWastedPercent; --max-size, --max-wasted, --min-efficiency, --max-user-wasted; a .dive-ci file).</p>\n</section>\n");
            return;
        }
        html.Append("<table>\n<thead><tr><th>Gate</th><th>Set by</th><th>Limit</th><th>Image</th><th>Result</th><th>Finding</th></tr></thead>\n<tbody>\n");
        foreach (ImageGateResult gate in gates)
        {
            html.Append("<tr class=\"gate ").Append(gate.Passed ? "pass" : "fail").Append("\"><td>").Append(Escape(gate.Name)).Append("</td><td><code>")
                .Append(Escape(gate.Setting)).Append("</code></td><td>").Append(Escape(gate.Threshold)).Append("</td><td>").Append(Escape(gate.Actual)).Append("</td><td class=\"verdict\">")
                .Append(gate.Passed ? "pass" : "fail").Append("</td><td>");
            if (gate.Finding is { } finding)
                html.Append("<code>").Append(Escape(finding.Code)).Append("</code> ").Append(Escape(finding.Message));
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void AppendSecrets(StringBuilder html, ImageReport report)
    {
        html.Append("<section id=\"secrets\">\n<h2>Credential files</h2>\n");
        var reported = report.Secrets.Where(s => s.IsReported).ToList();
        var exempt = report.Secrets.Where(s => !s.IsReported).ToList();
        if (reported.Count == 0)
        {
            html.Append("<p class=\"note\">No credential file in any layer.</p>\n");
        }
        else
        {
            html.Append("<p class=\"note\">Each is still readable from the layer that adds it, also when a later layer removes it. Their content is not shown.</p>\n");
            html.Append("<table>\n<thead><tr><th>Severity</th><th>Code</th><th>Path</th><th>What</th><th class=\"num\">Layer</th><th>Line</th><th>Removed by</th></tr></thead>\n<tbody>\n");
            foreach (LayerSecret secret in reported)
            {
                LayerReport layer = report.Layers[secret.LayerIndex];
                var descriptor = ImageSecrets.DescriptorFor(report, secret);
                string severity = descriptor.DefaultSeverity.ToString().ToLowerInvariant();
                html.Append("<tr class=\"secret\" data-layer=\"").Append(secret.LayerIndex.ToString(CultureInfo.InvariantCulture)).Append("\"><td class=\"severity-")
                    .Append(severity).Append("\">").Append(severity).Append("</td><td><code>").Append(descriptor.Id).Append("</code></td><td><code>/")
                    .Append(Escape(secret.Path)).Append("</code></td><td>").Append(Escape(secret.File.Description)).Append("</td><td class=\"num\">")
                    .Append(secret.LayerIndex.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(Escape(LayerLabel(report, layer).Line)).Append("</td><td>");
                if (secret.RemovedByLayer is int by)
                {
                    html.Append("layer ").Append(by.ToString(CultureInfo.InvariantCulture));
                    if (by < report.Layers.Count && LayerLabel(report, report.Layers[by]).Line is { Length: > 0 } line) html.Append(" (").Append(Escape(line)).Append(')');
                }
                html.Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        if (exempt.Count > 0)
        {
            html.Append("<details id=\"exempt-secrets\"><summary>").Append(exempt.Count.ToString(CultureInfo.InvariantCulture))
                .Append(exempt.Count == 1 ? " credential-looking file" : " credential-looking files")
                .Append(" in test fixtures, package content or documentation, not reported</summary>\n<table>\n<tbody>\n");
            foreach (LayerSecret secret in exempt)
            {
                html.Append("<tr class=\"exempt\"><td><code>/").Append(Escape(secret.Path)).Append("</code></td><td>").Append(Escape(secret.File.Description))
                    .Append("</td><td>").Append(Exemption(secret.File.Exemption)).Append("</td><td class=\"num\">layer ")
                    .Append(secret.LayerIndex.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n</details>\n");
        }
        html.Append("</section>\n");
    }

    private static void AppendLayers(StringBuilder html, ImageReport report)
    {
        long largest = report.Layers.Count == 0 ? 0 : report.Layers.Max(l => l.Size);
        html.Append("<section id=\"layers-section\">\n<h2>Layers</h2>\n<div class=\"layers\" id=\"layers\">\n");
        foreach (LayerReport layer in report.Layers)
        {
            var (line, instruction) = LayerLabel(report, layer);
            int sizePixels = BarPixels(layer.Size, largest);
            int wastePixels = Math.Min(sizePixels, BarPixels(layer.WastedBytes, largest));
            string index = layer.Index.ToString(CultureInfo.InvariantCulture);
            html.Append("<div class=\"layer\" id=\"layer-").Append(index).Append("\" data-index=\"").Append(index)
                .Append("\" data-size=\"").Append(layer.Size.ToString(CultureInfo.InvariantCulture))
                .Append("\" data-wasted=\"").Append(layer.WastedBytes.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
            html.Append("<div class=\"label\" title=\"").Append(Escape(layer.CreatedBy)).Append("\"><span class=\"index\">#").Append(index).Append("</span>");
            if (line.Length > 0) html.Append("<span class=\"line\">").Append(Escape(line)).Append("</span>");
            html.Append("<code class=\"instruction\">").Append(Escape(instruction)).Append("</code></div>\n");
            html.Append("<div class=\"track\"><div class=\"bar size\" style=\"width:").Append(sizePixels.ToString(CultureInfo.InvariantCulture)).Append("px\"></div>");
            if (wastePixels > 0) html.Append("<div class=\"bar waste\" style=\"width:").Append(wastePixels.ToString(CultureInfo.InvariantCulture)).Append("px\"></div>");
            html.Append("</div>\n<div class=\"numbers\">").Append(ByteSize.Format(layer.Size));
            if (layer.WastedBytes > 0) html.Append(" · wasted ").Append(ByteSize.Format(layer.WastedBytes));
            html.Append("</div>\n</div>\n");
        }
        html.Append("</div>\n<p class=\"legend\"><span class=\"swatch\" style=\"background:").Append(SizeColor).Append("\"></span>layer size")
            .Append("<span class=\"swatch\" style=\"background:").Append(WasteColor).Append("\"></span>wasted: overwritten, deleted or left in caches later</p>\n</section>\n");
    }

    private static void AppendLargestFiles(StringBuilder html, ImageReport report)
    {
        // A layer keeps only its N largest files: the image's k largest are among the kept ones while k is at most
        // the N of every layer whose list was cut, so no more than that are listed.
        int count = LargestFileCount;
        foreach (LayerReport layer in report.Layers)
        {
            if (layer.LargestFiles.Count < layer.Scan.Entries.Count(e => e.Kind == LayerEntryKind.File)) count = Math.Min(count, layer.LargestFiles.Count);
        }
        var files = report.Layers.SelectMany(l => l.LargestFiles.Select(f => (File: f, Layer: l.Index)))
            .OrderByDescending(f => f.File.Size).ThenBy(f => f.File.Path, StringComparer.Ordinal).ThenBy(f => f.Layer)
            .Take(count).ToList();
        html.Append("<section id=\"largest\">\n<h2>Largest files</h2>\n");
        if (files.Count == 0)
        {
            html.Append("<p class=\"note\">No files.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th class=\"num\">Size</th><th>Path</th><th class=\"num\">Layer</th></tr></thead>\n<tbody>\n");
            foreach (var (file, layer) in files)
            {
                html.Append("<tr class=\"file\"><td class=\"num\">").Append(ByteSize.Format(file.Size)).Append("</td><td><code>/").Append(Escape(file.Path))
                    .Append("</code></td><td class=\"num\">").Append(layer.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        if (report.LargestWastedFiles.Count > 0)
        {
            html.Append("<h2>Largest wasted files</h2>\n<table id=\"wasted-files\">\n<thead><tr><th class=\"num\">Size</th><th>Path</th><th class=\"num\">Layer</th><th>Why</th></tr></thead>\n<tbody>\n");
            foreach (WastedFile file in report.LargestWastedFiles)
            {
                html.Append("<tr class=\"wasted-file\"><td class=\"num\">").Append(ByteSize.Format(file.Size)).Append("</td><td><code>/").Append(Escape(file.Path))
                    .Append("</code></td><td class=\"num\">").Append(file.LayerIndex.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                    .Append(Waste(file.Kind)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        html.Append("</section>\n");
    }

    private static string Waste(WasteKind kind) => kind switch
    {
        WasteKind.Overwritten => "overwritten later",
        WasteKind.Removed => "deleted later",
        WasteKind.HiddenByOpaqueDirectory => "hidden by a later opaque directory",
        _ => "left in a cache directory",
    };

    private static string Exemption(CredentialExemption exemption) => exemption switch
    {
        CredentialExemption.TestFixture => "test fixture",
        CredentialExemption.PackageContent => "package content",
        CredentialExemption.Documentation => "documentation",
        _ => "",
    };

    private static string FileName(string? path) => string.IsNullOrEmpty(path) ? "Dockerfile" : Path.GetFileName(path);
}
