namespace ContainerOpt.Images.Builders;

/// <summary>A builder that was found and answers: which, where, its versions and the engine's platform.</summary>
public sealed class BuilderInfo
{
    public BuilderInfo(BuilderKind kind, string executablePath, string engineVersion, string enginePlatform)
    {
        Kind = kind;
        ExecutablePath = executablePath;
        EngineVersion = engineVersion;
        EnginePlatform = enginePlatform;
    }

    public BuilderKind Kind { get; }

    /// <summary>The client program: docker or podman, as found (CONTAINEROPT_DOCKER, or on PATH).</summary>
    public string ExecutablePath { get; }

    /// <summary>The engine's version (docker: the daemon's Server.Version; podman: its version).</summary>
    public string EngineVersion { get; }

    /// <summary>The client's version, when it said.</summary>
    public string? ClientVersion { get; init; }

    /// <summary>The engine's os/arch[/variant], normalized (linux/amd64): the default target platform.</summary>
    public string EnginePlatform { get; }

    /// <summary>True when <c>docker buildx version</c> answered.</summary>
    public bool HasBuildx { get; init; }

    /// <summary>Variables for every command run with this builder (DOCKER_HOST and the like), on top of the process's own.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Why this builder was chosen over others (for the log), e.g. "DOCKER_BUILDKIT=0".</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    public bool IsDocker => Kind != BuilderKind.Podman;

    public string DisplayName => Kind switch
    {
        BuilderKind.DockerLegacy => "docker (legacy builder)",
        BuilderKind.DockerBuildKit => "docker (BuildKit)",
        BuilderKind.Buildx => "docker buildx",
        _ => "podman",
    };

    public override string ToString() => $"{DisplayName} {EngineVersion} ({ExecutablePath}, {EnginePlatform})";
}
