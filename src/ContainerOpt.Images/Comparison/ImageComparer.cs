using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Comparison;

/// <summary>
/// Compares two analysed images (any sources the layer report reads).
/// <para>By layer: a layer whose diff id (the sha256 of its uncompressed tar) is in both images, in the same order, is
/// unchanged (the longest such common sequence); between those, layers made by the same instruction (created_by) are
/// changed, the others removed or added.</para>
/// <para>By file: both images' final file systems are walked at once in tree order (<see cref="VisibleFiles"/>): a path
/// only in the after image is added, only in the before image removed, in both with another size grown or shrunk, with
/// the same size but from a layer the other image lacks rewritten. Only the totals and the largest changes are kept.</para>
/// </summary>
public static class ImageComparer
{
    /// <summary>How many of the largest file changes to keep when not told.</summary>
    public const int DefaultLargestFileChanges = 20;

    public static ImageComparison Compare(ImageReport before, ImageReport after, int largestFileChanges = DefaultLargestFileChanges)
    {
        if (before is null) throw new ArgumentNullException(nameof(before));
        if (after is null) throw new ArgumentNullException(nameof(after));
        var layers = CompareLayers(before.Layers, after.Layers);
        var (totals, largest) = CompareFiles(before, after, Math.Max(0, largestFileChanges));
        return new ImageComparison(before, after, layers, totals, largest);
    }

    private static List<LayerChange> CompareLayers(IReadOnlyList<LayerReport> before, IReadOnlyList<LayerReport> after)
    {
        var changes = new List<LayerChange>();
        var matches = Lcs(before.Count, after.Count, (i, j) => before[i].Scan.DiffId == after[j].Scan.DiffId);
        int a = 0, b = 0;
        foreach (var (i, j) in matches.Concat(new[] { (before.Count, after.Count) }))
        {
            Gap(before, after, a, i, b, j, changes);
            if (i < before.Count) changes.Add(new LayerChange(LayerChangeKind.Unchanged, before[i], after[j]));
            a = i + 1;
            b = j + 1;
        }
        return changes;
    }

    /// <summary>
    /// Layers between two unchanged ones: the same instruction on both sides is a changed layer (a longest common
    /// sequence of created_by), the rest removed (before's, first) or added.
    /// </summary>
    private static void Gap(IReadOnlyList<LayerReport> before, IReadOnlyList<LayerReport> after, int aStart, int aEnd, int bStart, int bEnd, List<LayerChange> changes)
    {
        var pairs = Lcs(aEnd - aStart, bEnd - bStart, (i, j) => SameStep(before[aStart + i], after[bStart + j]));
        int a = aStart, b = bStart;
        foreach (var (i, j) in pairs.Select(p => (aStart + p.Item1, bStart + p.Item2)).Concat(new[] { (aEnd, bEnd) }))
        {
            for (; a < i; a++) changes.Add(new LayerChange(LayerChangeKind.Removed, before[a], null));
            for (; b < j; b++) changes.Add(new LayerChange(LayerChangeKind.Added, null, after[b]));
            if (i < aEnd) changes.Add(new LayerChange(LayerChangeKind.Changed, before[i], after[j]));
            a = i + 1;
            b = j + 1;
        }
    }

    /// <summary>The same instruction text (whitespace runs collapsed); two layers without history match each other.</summary>
    private static bool SameStep(LayerReport a, LayerReport b) => Collapse(a.CreatedBy) == Collapse(b.CreatedBy);

    private static string Collapse(string? text) =>
        text is null ? "" : string.Join(" ", text.Split(new[] { ' ', '\t', '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A longest common subsequence of two index ranges, as (i, j) pairs in order.</summary>
    private static List<(int, int)> Lcs(int n, int m, Func<int, int, bool> equal)
    {
        var length = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                length[i, j] = equal(i, j) ? length[i + 1, j + 1] + 1 : Math.Max(length[i + 1, j], length[i, j + 1]);
            }
        }
        var pairs = new List<(int, int)>();
        for (int i = 0, j = 0; i < n && j < m;)
        {
            if (equal(i, j))
            {
                pairs.Add((i, j));
                i++;
                j++;
            }
            else if (length[i + 1, j] >= length[i, j + 1]) i++;
            else j++;
        }
        return pairs;
    }

    private static (FileChangeTotals, IReadOnlyList<FileChange>) CompareFiles(ImageReport before, ImageReport after, int keep)
    {
        var totals = new FileChangeTotals();
        var largest = new TopN<FileChange>(keep, RanksFirst);
        using IEnumerator<VisibleFile> a = VisibleFiles.Of(before).GetEnumerator();
        using IEnumerator<VisibleFile> b = VisibleFiles.Of(after).GetEnumerator();
        bool hasA = a.MoveNext(), hasB = b.MoveNext();
        while (hasA || hasB)
        {
            int order = !hasA ? 1 : !hasB ? -1 : TreeOrder.Compare(a.Current.Path, b.Current.Path);
            if (order < 0)
            {
                totals.Removed++;
                totals.RemovedBytes += a.Current.Size;
                largest.Offer(new FileChange(a.Current.Path, FileChangeKind.Removed, a.Current.Size, null, a.Current.Layer, null));
                hasA = a.MoveNext();
                continue;
            }
            if (order > 0)
            {
                totals.Added++;
                totals.AddedBytes += b.Current.Size;
                largest.Offer(new FileChange(b.Current.Path, FileChangeKind.Added, null, b.Current.Size, null, b.Current.Layer));
                hasB = b.MoveNext();
                continue;
            }
            VisibleFile x = a.Current, y = b.Current;
            if (y.Size > x.Size)
            {
                totals.Grown++;
                totals.GrownBytes += y.Size - x.Size;
                largest.Offer(new FileChange(x.Path, FileChangeKind.Grown, x.Size, y.Size, x.Layer, y.Layer));
            }
            else if (y.Size < x.Size)
            {
                totals.Shrunk++;
                totals.ShrunkBytes += x.Size - y.Size;
                largest.Offer(new FileChange(x.Path, FileChangeKind.Shrunk, x.Size, y.Size, x.Layer, y.Layer));
            }
            else if (x.Kind != y.Kind || before.Layers[x.Layer].Scan.DiffId != after.Layers[y.Layer].Scan.DiffId)
            {
                totals.Rewritten++;
            }
            else
            {
                totals.Unchanged++;
            }
            hasA = a.MoveNext();
            hasB = b.MoveNext();
        }
        return (totals, largest.Sorted());
    }

    /// <summary>Larger |delta| first; at the same |delta| in the kinds' order (added, removed, grown, shrunk), then by path.</summary>
    private static int RanksFirst(FileChange x, FileChange y)
    {
        long dx = Math.Abs(x.SizeDelta), dy = Math.Abs(y.SizeDelta);
        if (dx != dy) return dx.CompareTo(dy);
        if (x.Kind != y.Kind) return y.Kind.CompareTo(x.Kind);
        return string.CompareOrdinal(y.Path, x.Path);
    }
}
