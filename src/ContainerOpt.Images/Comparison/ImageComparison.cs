using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Comparison;

/// <summary>What changed from one image (<see cref="Before"/>, A) to another (<see cref="After"/>, B): by layer and by file.</summary>
public sealed class ImageComparison
{
    public ImageComparison(ImageReport before, ImageReport after, IReadOnlyList<LayerChange> layers, FileChangeTotals files, IReadOnlyList<FileChange> largestFileChanges)
    {
        Before = before;
        After = after;
        Layers = layers;
        Files = files;
        LargestFileChanges = largestFileChanges;
    }

    public ImageReport Before { get; }

    public ImageReport After { get; }

    /// <summary>Every layer of both images once: in the after image's order, each removed layer where it stood.</summary>
    public IReadOnlyList<LayerChange> Layers { get; }

    public FileChangeTotals Files { get; }

    /// <summary>The file changes with the largest size delta (either sign), largest first.</summary>
    public IReadOnlyList<FileChange> LargestFileChanges { get; }

    /// <summary>After's size less before's (the sum of the layers, as the layer report counts it).</summary>
    public long SizeDelta => After.Size - Before.Size;

    public long WastedBytesDelta => After.WastedBytes - Before.WastedBytes;

    public int Count(LayerChangeKind kind) => Layers.Count(l => l.Kind == kind);
}

public enum LayerChangeKind
{
    /// <summary>The same diff id (uncompressed content) in both images.</summary>
    Unchanged,

    /// <summary>Only in the after image.</summary>
    Added,

    /// <summary>Only in the before image.</summary>
    Removed,

    /// <summary>The same instruction (created_by) made different content: a rebuilt step.</summary>
    Changed,
}

/// <summary>One layer's fate: where it stands in each image (null where it does not).</summary>
public sealed class LayerChange
{
    public LayerChange(LayerChangeKind kind, LayerReport? before, LayerReport? after)
    {
        Kind = kind;
        Before = before;
        After = after;
    }

    public LayerChangeKind Kind { get; }

    public LayerReport? Before { get; }

    public LayerReport? After { get; }

    public long SizeDelta => (After?.Size ?? 0) - (Before?.Size ?? 0);

    /// <summary>The instruction that made the layer (the after image's, else the before's).</summary>
    public string? CreatedBy => After?.CreatedBy ?? Before?.CreatedBy;

    public override string ToString() => $"{Kind} {Before?.Index}->{After?.Index} {SizeDelta:+#;-#;0}";
}

public enum FileChangeKind
{
    Added,
    Removed,
    Grown,
    Shrunk,

    /// <summary>
    /// The same size, put there by a layer the other image does not have: the content may differ (layers keep
    /// metadata only, file contents are not compared); also a path whose type changed at the same size.
    /// </summary>
    Rewritten,
}

/// <summary>A path of the final file system that differs; sizes as the layer report counts them.</summary>
public sealed class FileChange
{
    public FileChange(string path, FileChangeKind kind, long? sizeBefore, long? sizeAfter, int? layerBefore, int? layerAfter)
    {
        Path = path;
        Kind = kind;
        SizeBefore = sizeBefore;
        SizeAfter = sizeAfter;
        LayerBefore = layerBefore;
        LayerAfter = layerAfter;
    }

    /// <summary>Normalised: no leading slash.</summary>
    public string Path { get; }

    public FileChangeKind Kind { get; }

    public long? SizeBefore { get; }

    public long? SizeAfter { get; }

    /// <summary>Index of the before image's layer that put the path there.</summary>
    public int? LayerBefore { get; }

    public int? LayerAfter { get; }

    public long SizeDelta => (SizeAfter ?? 0) - (SizeBefore ?? 0);

    public override string ToString() => $"{Kind} /{Path} {SizeDelta:+#;-#;0}";
}

/// <summary>How many paths of the final file system changed, and by how many bytes.</summary>
public sealed class FileChangeTotals
{
    public int Added { get; internal set; }
    public long AddedBytes { get; internal set; }
    public int Removed { get; internal set; }
    public long RemovedBytes { get; internal set; }
    public int Grown { get; internal set; }

    /// <summary>What the grown files gained, in total.</summary>
    public long GrownBytes { get; internal set; }

    public int Shrunk { get; internal set; }

    /// <summary>What the shrunk files lost, in total (a positive number).</summary>
    public long ShrunkBytes { get; internal set; }

    public int Rewritten { get; internal set; }
    public int Unchanged { get; internal set; }

    /// <summary>Bytes of the after image's files less the before image's: the visible content's change.</summary>
    public long NetBytes => AddedBytes - RemovedBytes + GrownBytes - ShrunkBytes;
}
