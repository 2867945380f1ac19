namespace ContainerOpt.Images;

/// <summary>Where an image is read from (<see cref="ImageLayers.SourceOf"/>; the CLI's <c>--source</c>).</summary>
public enum ImageSourceKind
{
    /// <summary>A <c>docker save</c>/podman archive or an OCI layout folder (<see cref="ImageLayers.FromPath"/>).</summary>
    Archive,

    /// <summary>The local engine, docker or podman (<see cref="ImageLayers.FromEngine"/>).</summary>
    Engine,

    /// <summary>A registry over the OCI distribution API (<see cref="ImageLayers.FromRegistry"/>).</summary>
    Registry,
}
