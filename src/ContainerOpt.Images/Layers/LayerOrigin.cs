namespace ContainerOpt.Images.Layers;

/// <summary>Where a layer came from, once attributed to the Dockerfile (<see cref="DockerfileAttribution"/>).</summary>
public enum LayerOrigin
{
    /// <summary>Not attributed: no Dockerfile was given, or the history did not verify against it.</summary>
    Unknown,

    /// <summary>The base image's: the FROM line brought it (its layers, and what its ONBUILD triggers made).</summary>
    BaseImage,

    /// <summary>Made by one of this Dockerfile's instructions (RUN, COPY, ADD, WORKDIR).</summary>
    Instruction,
}
