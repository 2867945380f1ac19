namespace ContainerOpt.Images.Layers;

/// <summary>
/// Where a layer came from (<see cref="ImageReport.OriginOf"/>): read from the attribution to the Dockerfile
/// (<see cref="DockerfileAttribution"/>), which sets each layer's line and the image's <see cref="ImageReport.BaseLayerCount"/>.
/// </summary>
public enum LayerOrigin
{
    /// <summary>Not attributed: no Dockerfile was given, or the history did not verify against it.</summary>
    Unknown,

    /// <summary>The base image's: the FROM line brought it (its layers, and what its ONBUILD triggers made).</summary>
    BaseImage,

    /// <summary>Made by this build: one of the Dockerfile's instructions (RUN, COPY, ADD, WORKDIR), or the .NET SDK's app layers.</summary>
    Instruction,
}
