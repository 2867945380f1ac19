using System.Globalization;
using System.Text;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;

namespace ContainerOpt.Images.Comparison;

/// <summary>
/// <c>containeropt layers A --compare B</c> as text: the two images, one row per layer (its index in A and in B,
/// what happened to it, its sizes, the delta, its Dockerfile line and instruction), the layer and file totals, and
/// the largest file changes.
/// </summary>
public static class ImageComparisonTable
{
    public static string Format(ImageComparison comparison)
    {
        if (comparison is null) throw new ArgumentNullException(nameof(comparison));
        var text = new StringBuilder();
        ImageReport a = comparison.Before, b = comparison.After;
        text.Append("A (before): ").Append(Describe(a)).Append('\n');
        text.Append("B (after):  ").Append(Describe(b)).Append('\n');

        var rows = new List<string[]> { new[] { "A", "B", "CHANGE", "SIZE A", "SIZE B", "DELTA", "LINE", "CREATED BY" } };
        foreach (LayerChange change in comparison.Layers)
        {
            LayerReport? attributed = change.After?.DockerfileLine is not null ? change.After : change.Before?.DockerfileLine is not null ? change.Before : null;
            rows.Add(new[]
            {
                change.Before?.Index.ToString(CultureInfo.InvariantCulture) ?? "-",
                change.After?.Index.ToString(CultureInfo.InvariantCulture) ?? "-",
                JsonName(change.Kind),
                change.Before is null ? "-" : ByteSize.Format(change.Before.Size),
                change.After is null ? "-" : ByteSize.Format(change.After.Size),
                change.Kind == LayerChangeKind.Unchanged ? "-" : Signed(change.SizeDelta),
                attributed is null ? "-" : FileName(attributed.Dockerfile) + ":" + attributed.DockerfileLine!.Value.ToString(CultureInfo.InvariantCulture),
                Shorten(change.CreatedBy),
            });
        }
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
        {
            for (int c = 0; c < columns; c++)
            {
                bool numeric = c is 0 or 1 or 3 or 4 or 5;
                string cell = numeric ? row[c].PadLeft(widths[c]) : c == columns - 1 ? row[c] : row[c].PadRight(widths[c]);
                text.Append(cell);
                if (c < columns - 1) text.Append("  ");
            }
            text.Append('\n');
        }

        text.Append(string.Format(CultureInfo.InvariantCulture,
            "Layers: {0} unchanged, {1} changed, {2} added, {3} removed; size {4} -> {5} ({6}); wasted {7} -> {8} ({9})\n",
            comparison.Count(LayerChangeKind.Unchanged), comparison.Count(LayerChangeKind.Changed), comparison.Count(LayerChangeKind.Added),
            comparison.Count(LayerChangeKind.Removed), ByteSize.Format(a.Size), ByteSize.Format(b.Size), Signed(comparison.SizeDelta),
            ByteSize.Format(a.WastedBytes), ByteSize.Format(b.WastedBytes), Signed(comparison.WastedBytesDelta)));
        FileChangeTotals files = comparison.Files;
        text.Append(string.Format(CultureInfo.InvariantCulture,
            "Files: {0:N0} added ({1}), {2:N0} removed ({3}), {4:N0} grown ({5}), {6:N0} shrunk ({7}), {8:N0} rewritten at the same size; {9:N0} unchanged; net {10}\n",
            files.Added, Signed(files.AddedBytes), files.Removed, Signed(-files.RemovedBytes), files.Grown, Signed(files.GrownBytes),
            files.Shrunk, Signed(-files.ShrunkBytes), files.Rewritten, files.Unchanged, Signed(files.NetBytes)));
        if (comparison.LargestFileChanges.Count > 0)
        {
            text.Append("Largest file changes:\n");
            var deltas = comparison.LargestFileChanges.Select(f => Signed(f.SizeDelta)).ToList();
            var kinds = comparison.LargestFileChanges.Select(f => JsonName(f.Kind)).ToList();
            int deltaWidth = deltas.Max(d => d.Length), kindWidth = kinds.Max(k => k.Length);
            for (int i = 0; i < comparison.LargestFileChanges.Count; i++)
            {
                FileChange change = comparison.LargestFileChanges[i];
                text.Append("  ").Append(deltas[i].PadLeft(deltaWidth)).Append("  ").Append(kinds[i].PadRight(kindWidth)).Append("  /").Append(change.Path);
                if (change.Kind is FileChangeKind.Grown or FileChangeKind.Shrunk)
                {
                    text.Append("  (").Append(ByteSize.Format(change.SizeBefore!.Value)).Append(" -> ").Append(ByteSize.Format(change.SizeAfter!.Value)).Append(')');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Describe(ImageReport report) => string.Format(CultureInfo.InvariantCulture, "{0}, {1} in {2} layer{3}",
        report.Image, ByteSize.Format(report.Size), report.Layers.Count, report.Layers.Count == 1 ? "" : "s");

    /// <summary>"+5.24 MB", "-145 B", "0 B".</summary>
    public static string Signed(long bytes) => (bytes > 0 ? "+" : "") + ByteSize.Format(bytes);

    private static string JsonName(LayerChangeKind kind) => ImageComparisonJson.Name(kind);

    private static string JsonName(FileChangeKind kind) => ImageComparisonJson.Name(kind);

    private static string FileName(string? path) => ImageReportTable.FileName(path);

    private static string Shorten(string? createdBy) => ImageReportTable.Shorten(createdBy);
}
