namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>
/// A credential file as the image carries it: the layer that adds it and, when a later layer deletes, replaces or hides
/// it, which one. A file removed later is still in its layer: whoever pulls the image can extract it from there.
/// </summary>
public sealed class LayerSecret
{
    public LayerSecret(int layerIndex, CredentialFile file, int? removedByLayer = null, WasteKind? removedAs = null)
    {
        LayerIndex = layerIndex;
        File = file;
        RemovedByLayer = removedByLayer;
        RemovedAs = removedAs;
    }

    /// <summary>0-based index of the layer that adds the file.</summary>
    public int LayerIndex { get; }

    public CredentialFile File { get; }

    public string Path => File.Path;

    public CredentialKind Kind => File.Kind;

    /// <summary>The later layer that deletes, overwrites or hides the file; null when the final image still shows it.</summary>
    public int? RemovedByLayer { get; }

    /// <summary>How <see cref="RemovedByLayer"/> removed it (deleted, overwritten, hidden by an opaque directory).</summary>
    public WasteKind? RemovedAs { get; }

    /// <summary>True unless the path exempts it (<see cref="CredentialExemption"/>).</summary>
    public bool IsReported => File.Exemption == CredentialExemption.None;

    public override string ToString() => $"#{LayerIndex} {File}" + (RemovedByLayer is { } by ? $" removed by #{by}" : "");
}
