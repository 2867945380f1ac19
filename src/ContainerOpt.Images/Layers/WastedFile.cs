namespace ContainerOpt.Images.Layers;

/// <summary>A file whose bytes are wasted, the layer that made them and why.</summary>
public sealed record WastedFile(string Path, long Size, int LayerIndex, WasteKind Kind);
