using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Layers.Secrets;

namespace ContainerOpt.Images.Layers;

/// <summary>
/// Replays an image's layers onto one file tree, as the overlay filesystem stacks them, to find the
/// bytes that ship but are never seen: files a later layer overwrites, deletes (a whiteout of the file
/// or of any directory above it) or hides (an opaque directory), and files left under cache
/// directories in the final image. Wasted bytes are charged to the layer that MADE them, so a gate
/// points at the line that wrote them. A hard-linked file's bytes are wasted only when its last link goes.
/// The same replay tells which later layer removes each credential file a layer adds (<see cref="LayerSecret"/>).
/// </summary>
public static class ImageAnalyzer
{
    public static ImageReport Analyze(ImageContent image, ImageAnalysisOptions? options = null)
    {
        if (image is null) throw new ArgumentNullException(nameof(image));
        options ??= new ImageAnalysisOptions();
        IReadOnlyList<ImageHistoryEntry?> history = MatchHistory(image.Config.History, image.Layers.Count);
        var tree = new FileTree(image.Layers.Count, options.LargestFileCount);
        for (int i = 0; i < image.Layers.Count; i++) tree.Apply(i, image.Layers[i], CountsSymlinks(history[i]));
        tree.CountLeftoverCaches(options.CacheDirectories);

        var layers = new List<LayerReport>(image.Layers.Count);
        for (int i = 0; i < image.Layers.Count; i++)
        {
            LayerScan scan = image.Layers[i];
            var largest = new TopN<FileSize>(options.LargestFileCount, CompareFiles);
            foreach (LayerEntry entry in scan.Entries)
            {
                if (entry.Kind == LayerEntryKind.File) largest.Offer(new FileSize(entry.Path, entry.Size));
            }
            layers.Add(new LayerReport(i, scan, history[i], tree.Removed[i], tree.Leftover[i], largest.Sorted()));
        }
        return new ImageReport(image.Name, layers, tree.LargestWasted.Sorted(), image.Config, secrets: tree.Secrets());
    }

    /// <summary>
    /// The non-empty history entries belong to the layers in order. When the counts differ (a squashed or
    /// hand-made image) they are aligned from the top, and layers below the history get none.
    /// </summary>
    public static IReadOnlyList<ImageHistoryEntry?> MatchHistory(IReadOnlyList<ImageHistoryEntry> history, int layerCount)
    {
        var made = history.Where(h => !h.EmptyLayer).ToList();
        var result = new ImageHistoryEntry?[layerCount];
        int shift = made.Count - layerCount;
        for (int i = 0; i < layerCount; i++)
        {
            int h = i + shift;
            result[i] = h >= 0 && h < made.Count ? made[h] : null;
        }
        return result;
    }

    /// <summary>
    /// Whether docker counts symlink target bytes in this layer's size. It does for layers it unpacked into
    /// its own layer directory and measured there (pulled, imported, legacy builder); BuildKit's layers are
    /// sized from their tar headers, where a symlink weighs 0. Measured on docker 20.10 with overlay2.
    /// </summary>
    public static bool CountsSymlinks(ImageHistoryEntry? history) =>
        !(history?.Comment?.StartsWith("buildkit.", StringComparison.Ordinal) == true
          || history?.CreatedBy?.EndsWith("# buildkit", StringComparison.Ordinal) == true);

    internal static int CompareFiles(FileSize a, FileSize b) =>
        a.Size != b.Size ? a.Size.CompareTo(b.Size) : string.CompareOrdinal(b.Path, a.Path);

    private static int CompareWasted(WastedFile a, WastedFile b) =>
        a.Size != b.Size ? a.Size.CompareTo(b.Size) : string.CompareOrdinal(b.Path, a.Path);

    /// <summary>The merged file system while layers are applied.</summary>
    private sealed class FileTree
    {
        private readonly Node _root = new("", null, LayerEntryKind.Directory, -1, null);

        public FileTree(int layerCount, int largest)
        {
            Removed = new long[layerCount];
            Leftover = new long[layerCount];
            LargestWasted = new TopN<WastedFile>(largest, CompareWasted);
        }

        public long[] Removed { get; }
        public long[] Leftover { get; }
        public TopN<WastedFile> LargestWasted { get; }

        /// <summary>The layer being applied: the one that removes what <see cref="Hide"/> hides.</summary>
        private int _layer;

        /// <summary>Credential files by the bytes they are, to learn which layer removes them; in the order found.</summary>
        private readonly List<(int Layer, CredentialFile File, int? RemovedBy, WasteKind? RemovedAs)> _secrets = new();
        private readonly Dictionary<Content, int> _secretContents = new();
        private Dictionary<string, CredentialFile>? _layerCredentials;

        public IReadOnlyList<LayerSecret> Secrets() =>
            _secrets.OrderBy(s => s.Layer).ThenBy(s => s.File.Path, StringComparer.Ordinal)
                .Select(s => new LayerSecret(s.Layer, s.File, s.RemovedBy, s.RemovedAs)).ToArray();

        public void Apply(int layer, LayerScan scan, bool countSymlinks)
        {
            _layer = layer;
            _layerCredentials = scan.Credentials.Count == 0 ? null : scan.Credentials.ToDictionary(c => c.Path, StringComparer.Ordinal);
            // Whiteouts and opaque markers act on lower layers only (OCI image spec), so they go first:
            // then nothing this layer adds can be hit by them, whatever the entry order in the tar.
            foreach (LayerEntry entry in scan.Entries)
            {
                if (entry.Kind == LayerEntryKind.Whiteout)
                {
                    Node? node = Find(entry.Path);
                    if (node?.Parent is { } parent)
                    {
                        parent.Children!.Remove(node.Name);
                        Hide(node, WasteKind.Removed);
                    }
                }
                else if (entry.Kind == LayerEntryKind.OpaqueDirectory)
                {
                    Node? node = Find(entry.Path);
                    if (node?.Children is { } children)
                    {
                        foreach (Node child in children.Values.ToList()) Hide(child, WasteKind.HiddenByOpaqueDirectory);
                        children.Clear();
                    }
                }
            }
            foreach (LayerEntry entry in scan.Entries)
            {
                if (entry.Kind is LayerEntryKind.Whiteout or LayerEntryKind.OpaqueDirectory) continue;
                Add(layer, entry, countSymlinks);
            }
        }

        private void Add(int layer, LayerEntry entry, bool countSymlinks)
        {
            Node parent = EnsureDirectory(LayerPath.Parent(entry.Path), layer);
            string name = LayerPath.Name(entry.Path);
            parent.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (parent.Children.TryGetValue(name, out Node? existing))
            {
                // A directory over a directory merges; anything else replaces what was there.
                if (existing.Kind == LayerEntryKind.Directory && entry.Kind == LayerEntryKind.Directory) return;
                parent.Children.Remove(name);
                Hide(existing, WasteKind.Overwritten);
            }
            Content? content = null;
            if (entry.Kind is LayerEntryKind.File or LayerEntryKind.SymbolicLink or LayerEntryKind.Special)
            {
                // Waste is counted in the same unit as the layer's size.
                content = new Content(entry.Kind == LayerEntryKind.SymbolicLink && !countSymlinks ? 0 : entry.Size, layer);
            }
            else if (entry.Kind == LayerEntryKind.HardLink)
            {
                // A hard link shares its source's bytes: they are wasted only when every name for them is gone.
                content = entry.LinkTarget is { } target && Find(target)?.Content is { } shared ? shared : new Content(0, layer);
                content.References++;
                parent.Children[name] = new Node(name, parent, entry.Kind, layer, content);
                return;
            }
            if (content is not null) content.References++;
            parent.Children[name] = new Node(name, parent, entry.Kind, layer, content);
            if (content is not null && _layerCredentials is not null && _layerCredentials.TryGetValue(entry.Path, out CredentialFile? credential))
            {
                _secretContents[content] = _secrets.Count;
                _secrets.Add((layer, credential, null, null));
            }
        }

        public void CountLeftoverCaches(IReadOnlyList<string> directories)
        {
            var counted = new HashSet<Content>();
            foreach (string directory in directories)
            {
                Node? node = Find(LayerPath.Normalize(directory));
                if (node?.Children is null) continue;
                foreach (Node child in node.Children.Values) CountLeftover(child, counted);
            }
        }

        private void CountLeftover(Node node, HashSet<Content> counted)
        {
            if (node.Children is not null)
            {
                foreach (Node child in node.Children.Values) CountLeftover(child, counted);
            }
            if (node.Content is { Size: > 0 } content && counted.Add(content))
            {
                Leftover[content.Layer] += content.Size;
                LargestWasted.Offer(new WastedFile(node.Path, content.Size, content.Layer, WasteKind.LeftoverCache));
            }
        }

        private void Hide(Node node, WasteKind kind)
        {
            if (node.Children is not null)
            {
                foreach (Node child in node.Children.Values) Hide(child, kind);
            }
            if (node.Content is { } content && --content.References == 0)
            {
                if (_secretContents.TryGetValue(content, out int secret))
                {
                    _secrets[secret] = (_secrets[secret].Layer, _secrets[secret].File, _layer, kind);
                }
                if (content.Size > 0)
                {
                    Removed[content.Layer] += content.Size;
                    LargestWasted.Offer(new WastedFile(node.Path, content.Size, content.Layer, kind));
                }
            }
        }

        private Node EnsureDirectory(string path, int layer)
        {
            Node current = _root;
            if (path.Length == 0) return current;
            foreach (string part in path.Split('/'))
            {
                current.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (current.Children.TryGetValue(part, out Node? next))
                {
                    if (next.Kind == LayerEntryKind.Directory)
                    {
                        current = next;
                        continue;
                    }
                    // A file (or symlink) where this layer needs a directory: the layer replaced it.
                    current.Children.Remove(part);
                    Hide(next, WasteKind.Overwritten);
                }
                next = new Node(part, current, LayerEntryKind.Directory, layer, null);
                current.Children[part] = next;
                current = next;
            }
            return current;
        }

        private Node? Find(string path)
        {
            Node? current = _root;
            if (path.Length == 0) return current;
            foreach (string part in path.Split('/'))
            {
                if (current?.Children is null || !current.Children.TryGetValue(part, out current)) return null;
            }
            return current;
        }
    }

    /// <summary>The bytes of a file (shared by its hard links), and the layer that wrote them.</summary>
    private sealed class Content
    {
        public Content(long size, int layer)
        {
            Size = size;
            Layer = layer;
        }

        public long Size { get; }
        public int Layer { get; }
        public int References { get; set; }
    }

    private sealed class Node
    {
        public Node(string name, Node? parent, LayerEntryKind kind, int layer, Content? content)
        {
            Name = name;
            Parent = parent;
            Kind = kind;
            Layer = layer;
            Content = content;
        }

        public string Name { get; }
        public Node? Parent { get; }
        public LayerEntryKind Kind { get; }
        public int Layer { get; }
        public Content? Content { get; }
        public Dictionary<string, Node>? Children { get; set; }

        public string Path => Parent is null || Parent.Parent is null ? Name : Parent.Path + "/" + Name;
    }
}
