namespace ContainerOpt.Images.Builders;

/// <summary>The builder a build runs with; decides the argument list and how its output reads.</summary>
public enum BuilderKind
{
    /// <summary><c>docker build</c> with DOCKER_BUILDKIT=0: "Step 3/7 : RUN …" output.</summary>
    DockerLegacy,

    /// <summary><c>docker build</c> with BuildKit: "#5 [build 3/7] RUN …" plain progress.</summary>
    DockerBuildKit,

    /// <summary><c>docker buildx build</c>: BuildKit, possibly a remote or container builder, cache import/export.</summary>
    Buildx,

    /// <summary><c>podman build</c> (buildah): "STEP 3/7: RUN …" output.</summary>
    Podman,
}

/// <summary>What the user asked for (ContainerOptBuilder, CLI --builder).</summary>
public enum BuilderPreference
{
    /// <summary>Docker when installed and answering, else Podman.</summary>
    Auto,
    Docker,
    Buildx,
    Podman,
}

public static class BuilderPreferences
{
    /// <summary>Reads auto|docker|buildx|podman (case-insensitive; empty is auto).</summary>
    public static bool TryParse(string? text, out BuilderPreference preference)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "":
            case "auto":
                preference = BuilderPreference.Auto;
                return true;
            case "docker":
                preference = BuilderPreference.Docker;
                return true;
            case "buildx":
                preference = BuilderPreference.Buildx;
                return true;
            case "podman":
                preference = BuilderPreference.Podman;
                return true;
            default:
                preference = BuilderPreference.Auto;
                return false;
        }
    }
}
