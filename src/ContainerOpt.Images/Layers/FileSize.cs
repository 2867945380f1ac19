namespace ContainerOpt.Images.Layers;

/// <summary>A path and its size in bytes.</summary>
public sealed record FileSize(string Path, long Size);
