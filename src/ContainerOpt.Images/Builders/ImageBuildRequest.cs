namespace ContainerOpt.Images.Builders;

/// <summary>Everything a build needs; MSBuild properties and CLI options fill it.</summary>
public sealed class ImageBuildRequest
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public ImageBuildRequest(string contextDirectory, string dockerfilePath)
    {
        ContextDirectory = contextDirectory ?? throw new ArgumentNullException(nameof(contextDirectory));
        DockerfilePath = dockerfilePath ?? throw new ArgumentNullException(nameof(dockerfilePath));
    }

    public string ContextDirectory { get; }

    public string DockerfilePath { get; }

    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    public IReadOnlyList<BuildArgument> BuildArgs { get; init; } = Array.Empty<BuildArgument>();

    /// <summary>The stage to build (--target), or null for the last one.</summary>
    public string? Target { get; init; }

    /// <summary>Target platforms (linux/amd64); empty builds for the engine's own. More than one needs buildx with push.</summary>
    public IReadOnlyList<string> Platforms { get; init; } = Array.Empty<string>();

    /// <summary>Image labels (OCI annotations: see <see cref="OciLabels"/>), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = Array.Empty<KeyValuePair<string, string>>();

    /// <summary>Network for RUN (--network), e.g. "none"; null leaves the builder's default.</summary>
    public string? Network { get; init; }

    public bool NoCache { get; init; }

    /// <summary>Always look for a newer base image (--pull).</summary>
    public bool Pull { get; init; }

    /// <summary>
    /// Cache sources. docker and podman: image references. buildx: any --cache-from value
    /// (type=registry,ref=…, type=local,src=…, type=gha).
    /// </summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = Array.Empty<string>();

    /// <summary>Cache exports (buildx; podman: a repository). docker build has none.</summary>
    public IReadOnlyList<string> CacheTo { get; init; } = Array.Empty<string>();

    /// <summary>BuildKit secrets (RUN --mount=type=secret): files or variables, never values on the command line.</summary>
    public IReadOnlyList<SecretMount> Secrets { get; init; } = Array.Empty<SecretMount>();

    /// <summary>The buildx builder instance (--builder), e.g. a remote BuildKit; buildx only.</summary>
    public string? BuilderName { get; init; }

    /// <summary>buildx: push to the registry instead of loading into the engine (--push).</summary>
    public bool Push { get; init; }

    /// <summary>buildx: load the result into the engine (--load); on unless pushing.</summary>
    public bool? Load { get; init; }

    /// <summary>Where the builder writes the image id; null uses a temporary file.</summary>
    public string? ImageIdFile { get; init; }

    /// <summary>The whole build is stopped after this long (COPT0013).</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;
}

/// <summary>A build argument. Secret ones (by flag or by name) never appear in a logged command line.</summary>
public sealed class BuildArgument
{
    public BuildArgument(string name, string value, bool isSecret = false)
    {
        if (string.IsNullOrEmpty(name) || name.IndexOf('=') >= 0)
        {
            throw new ArgumentException($"Invalid build argument name '{name}': a name is not empty and has no '='.", nameof(name));
        }
        Name = name;
        Value = value ?? "";
        IsSecret = isSecret || CommandLineRedactor.IsSecretName(name);
    }

    public string Name { get; }

    public string Value { get; }

    /// <summary>Marked secret by the caller, or a name such as NUGET_TOKEN or DB_PASSWORD.</summary>
    public bool IsSecret { get; }

    public override string ToString() => IsSecret ? Name + "=" + CommandLineRedactor.Mask : Name + "=" + Value;
}

/// <summary>A BuildKit secret: <c>--secret id=ID,src=FILE</c> or <c>--secret id=ID,env=VARIABLE</c>.</summary>
public sealed class SecretMount
{
    private SecretMount(string id, string? sourceFile, string? environmentVariable)
    {
        if (string.IsNullOrEmpty(id) || id.IndexOfAny(new[] { ',', '=' }) >= 0)
        {
            throw new ArgumentException($"Invalid secret id '{id}': an id is not empty and has no ',' or '='.", nameof(id));
        }
        Id = id;
        SourceFile = sourceFile;
        EnvironmentVariable = environmentVariable;
    }

    public string Id { get; }

    public string? SourceFile { get; }

    public string? EnvironmentVariable { get; }

    public static SecretMount FromFile(string id, string path) => new(id, path, null);

    public static SecretMount FromEnvironment(string id, string variable) => new(id, null, variable);

    /// <summary>The --secret value: where the secret is, never the secret.</summary>
    public string ToArgument() => SourceFile is not null ? $"id={Id},src={SourceFile}" : $"id={Id},env={EnvironmentVariable}";

    public override string ToString() => ToArgument();
}
