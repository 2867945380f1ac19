using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Comparison;

/// <summary>A non-directory path of an image's final file system, the layer that put it there and its size.</summary>
internal readonly struct VisibleFile
{
    public VisibleFile(string path, long size, int layer, LayerEntryKind kind)
    {
        Path = path;
        Size = size;
        Layer = layer;
        Kind = kind;
    }

    public string Path { get; }

    /// <summary>Bytes as the layer sizes count them: a file's size (a hard link's: its source's), a symlink's target length (0 in BuildKit layers), 0 for devices.</summary>
    public long Size { get; }

    public int Layer { get; }

    public LayerEntryKind Kind { get; }
}

/// <summary>
/// The files an image shows once its layers are stacked, enumerated in <see cref="TreeOrder"/> without building the
/// merged tree: each layer's entries (already in memory, <see cref="LayerScan.Entries"/>) get a sorted index (4 bytes an
/// entry), the layers are merged path by path, and a stack of the current path's ancestors carries what hides their
/// lower layers. So two images can be compared by walking both at once, holding no more than the layer scans do.
/// The overlay rules are <see cref="ImageAnalyzer"/>'s: a whiteout removes a path (and everything under it) from
/// lower layers, an opaque marker a directory's lower content, a non-directory replaces whatever lower layers had at
/// its path (a directory's whole subtree); whiteouts and opaque markers act before the adds of their own layer; a
/// path added under a file turns the file into a directory. The ImageAnalyzer tests check both agree: the bytes of
/// the visible files are the image's size less its removed bytes.
/// </summary>
internal static class VisibleFiles
{
    public static IEnumerable<VisibleFile> Of(ImageReport report)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        int layerCount = report.Layers.Count;
        var entries = new IReadOnlyList<LayerEntry>[layerCount];
        var order = new int[layerCount][];
        var countsSymlinks = new bool[layerCount];
        for (int i = 0; i < layerCount; i++)
        {
            entries[i] = report.Layers[i].Scan.Entries;
            order[i] = Sorted(entries[i]);
            countsSymlinks[i] = ImageAnalyzer.CountsSymlinks(report.Layers[i].History);
        }
        return Walk(entries, order, countsSymlinks);
    }

    private static int[] Sorted(IReadOnlyList<LayerEntry> entries)
    {
        var index = new int[entries.Count];
        for (int i = 0; i < index.Length; i++) index[i] = i;
        Array.Sort(index, (a, b) => TreeOrder.Compare(entries[a].Path, entries[b].Path));
        return index;
    }

    private static IEnumerable<VisibleFile> Walk(IReadOnlyList<LayerEntry>[] entries, int[][] order, bool[] countsSymlinks)
    {
        var heap = new CursorHeap(entries, order);
        var stack = new List<Frame>();
        var group = new List<(int Layer, LayerEntry Entry)>();
        while (heap.Count > 0)
        {
            string path = heap.PeekPath();
            group.Clear();
            while (heap.Count > 0 && string.Equals(heap.PeekPath(), path, StringComparison.Ordinal)) group.Add(heap.Pop());

            // Leaving a subtree: its file, if nothing below replaced it, is final.
            while (stack.Count > 0 && !IsBelow(path, stack[stack.Count - 1].Path))
            {
                Frame done = stack[stack.Count - 1];
                stack.RemoveAt(stack.Count - 1);
                if (done.Leaf is { } leaf && !done.Replaced) yield return leaf;
            }
            int inherited = stack.Count == 0 ? 0 : stack[stack.Count - 1].Cut;

            int whiteout = -1, opaque = -1, nonDirectory = -1;
            foreach (var (layer, entry) in group)
            {
                if (entry.Kind == LayerEntryKind.Whiteout) whiteout = Math.Max(whiteout, layer);
                else if (entry.Kind == LayerEntryKind.OpaqueDirectory) opaque = Math.Max(opaque, layer);
                else if (entry.Kind != LayerEntryKind.Directory) nonDirectory = Math.Max(nonDirectory, layer);
            }
            // Adds below an ancestor's cut, or below a whiteout of this path, are gone; a same-layer add survives its whiteout.
            int floor = Math.Max(inherited, whiteout);
            int top = -1;
            LayerEntry? shown = null;
            foreach (var (layer, entry) in group)
            {
                if (entry.Kind is LayerEntryKind.Whiteout or LayerEntryKind.OpaqueDirectory || layer < floor || layer < top) continue;
                top = layer;
                shown = entry;
            }

            VisibleFile? file = null;
            if (shown is not null)
            {
                // Something shows here: a file an ancestor left pending (a path added under a file) becomes a directory.
                foreach (Frame ancestor in stack) ancestor.Replaced = true;
                if (shown.Kind != LayerEntryKind.Directory) file = new VisibleFile(path, SizeOf(shown, top, entries, order, countsSymlinks), top, shown.Kind);
            }
            // Below this path, lower layers are hidden up to the last whiteout, opaque marker or non-directory here.
            int cut = Math.Max(Math.Max(inherited, whiteout), Math.Max(opaque, nonDirectory));
            stack.Add(new Frame(path, cut, file));
        }
        for (int i = stack.Count - 1; i >= 0; i--)
        {
            if (stack[i].Leaf is { } leaf && !stack[i].Replaced) yield return leaf;
        }
    }

    private static long SizeOf(LayerEntry entry, int layer, IReadOnlyList<LayerEntry>[] entries, int[][] order, bool[] countsSymlinks)
    {
        switch (entry.Kind)
        {
            case LayerEntryKind.File:
                return entry.Size;
            case LayerEntryKind.SymbolicLink:
                return countsSymlinks[layer] ? entry.Size : 0;
            case LayerEntryKind.HardLink:
                // The data is at the link's source, which a layer tar writes before the link: look it up in the same layer.
                if (entry.LinkTarget is null) return 0;
                int at = Find(entries[layer], order[layer], entry.LinkTarget);
                return at >= 0 && entries[layer][at].Kind == LayerEntryKind.File ? entries[layer][at].Size : 0;
            default:
                return 0;
        }
    }

    private static int Find(IReadOnlyList<LayerEntry> entries, int[] order, string path)
    {
        int low = 0, high = order.Length - 1;
        while (low <= high)
        {
            int middle = low + (high - low) / 2;
            int comparison = TreeOrder.Compare(entries[order[middle]].Path, path);
            if (comparison == 0)
            {
                // A path may be there twice (a whiteout and a file): take the file.
                for (int i = middle; i >= 0 && entries[order[i]].Path == path; i--)
                    if (entries[order[i]].Kind == LayerEntryKind.File) return order[i];
                for (int i = middle + 1; i < order.Length && entries[order[i]].Path == path; i++)
                    if (entries[order[i]].Kind == LayerEntryKind.File) return order[i];
                return order[middle];
            }
            if (comparison < 0) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }

    /// <summary>True when <paramref name="path"/> is strictly below <paramref name="directory"/>.</summary>
    private static bool IsBelow(string path, string directory) =>
        path.Length > directory.Length && path[directory.Length] == '/' && path.StartsWith(directory, StringComparison.Ordinal);

    /// <summary>A path of the walk whose subtree is being visited.</summary>
    private sealed class Frame
    {
        public Frame(string path, int cut, VisibleFile? leaf)
        {
            Path = path;
            Cut = cut;
            Leaf = leaf;
        }

        public string Path { get; }

        /// <summary>Entries below this path from layers under this index are hidden.</summary>
        public int Cut { get; }

        /// <summary>The non-directory shown at this path, final unless something below it shows.</summary>
        public VisibleFile? Leaf { get; }

        public bool Replaced { get; set; }
    }

    /// <summary>One position per layer in its sorted index, ordered by the path there (then by layer): a k-way merge.</summary>
    private sealed class CursorHeap
    {
        private readonly IReadOnlyList<LayerEntry>[] _entries;
        private readonly int[][] _order;
        private readonly int[] _position;
        private readonly int[] _heap;

        public CursorHeap(IReadOnlyList<LayerEntry>[] entries, int[][] order)
        {
            _entries = entries;
            _order = order;
            _position = new int[entries.Length];
            _heap = new int[entries.Length];
            for (int layer = 0; layer < entries.Length; layer++)
            {
                if (order[layer].Length > 0) Push(layer);
            }
        }

        public int Count { get; private set; }

        public string PeekPath() => PathOf(_heap[0]);

        public (int Layer, LayerEntry Entry) Pop()
        {
            int layer = _heap[0];
            LayerEntry entry = _entries[layer][_order[layer][_position[layer]]];
            _heap[0] = _heap[--Count];
            Down(0);
            if (++_position[layer] < _order[layer].Length) Push(layer);
            return (layer, entry);
        }

        private string PathOf(int layer) => _entries[layer][_order[layer][_position[layer]]].Path;

        private int Compare(int a, int b)
        {
            int byPath = TreeOrder.Compare(PathOf(a), PathOf(b));
            return byPath != 0 ? byPath : a.CompareTo(b);
        }

        private void Push(int layer)
        {
            int i = Count++;
            _heap[i] = layer;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (Compare(_heap[parent], _heap[i]) <= 0) break;
                (_heap[parent], _heap[i]) = (_heap[i], _heap[parent]);
                i = parent;
            }
        }

        private void Down(int i)
        {
            while (true)
            {
                int left = 2 * i + 1, right = left + 1, smallest = i;
                if (left < Count && Compare(_heap[left], _heap[smallest]) < 0) smallest = left;
                if (right < Count && Compare(_heap[right], _heap[smallest]) < 0) smallest = right;
                if (smallest == i) return;
                (_heap[smallest], _heap[i]) = (_heap[i], _heap[smallest]);
                i = smallest;
            }
        }
    }
}

/// <summary>
/// Paths in the order of a depth-first walk of the tree: ordinal, except that '/' sorts before every other
/// character, so a directory's whole subtree follows it directly ("a", "a/b", "a-b").
/// </summary>
internal static class TreeOrder
{
    public static int Compare(string a, string b)
    {
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            char x = a[i], y = b[i];
            if (x == y) continue;
            if (x == '/') return -1;
            if (y == '/') return 1;
            return x.CompareTo(y);
        }
        return a.Length.CompareTo(b.Length);
    }
}
