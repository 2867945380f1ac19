namespace ContainerOpt.Images.Registry;

/// <summary>The media types of image manifests, indexes, configs and layers the reader takes (OCI and Docker v2).</summary>
internal static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    /// <summary>What a manifest request accepts, the image types first (the order does not rank them, q-values would).</summary>
    public static readonly string[] ManifestAccept = { OciIndex, DockerManifestList, OciManifest, DockerManifest };

    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;

    public static bool IsConfig(string? mediaType) => mediaType is OciConfig or DockerConfig;

    /// <summary>Why a manifest media type cannot be read, or null when it can.</summary>
    public static string? WhyNotManifest(string mediaType)
    {
        if (IsIndex(mediaType) || IsManifest(mediaType)) return null;
        if (mediaType.StartsWith("application/vnd.docker.distribution.manifest.v1", StringComparison.Ordinal))
            return "a Docker schema 1 manifest, which registries and docker dropped years ago; push the image again with a current docker, podman or buildx";
        return "not an image manifest or index (OCI or Docker v2); it may be an artifact (a Helm chart, a signature) rather than a container image";
    }

    /// <summary>Why a layer media type cannot be read, or null when it can (tar, gzip or zstd: the reader tells them by their bytes).</summary>
    public static string? WhyNotLayer(string? mediaType)
    {
        if (mediaType is null) return null;
        switch (mediaType)
        {
            case "application/vnd.oci.image.layer.v1.tar":
            case "application/vnd.oci.image.layer.v1.tar+gzip":
            case "application/vnd.oci.image.layer.v1.tar+zstd":
            case "application/vnd.docker.image.rootfs.diff.tar":
            case "application/vnd.docker.image.rootfs.diff.tar.gzip":
            case "application/vnd.docker.image.rootfs.diff.tar.zstd":
                return null;
        }
        if (mediaType.IndexOf("foreign", StringComparison.Ordinal) >= 0 || mediaType.IndexOf("nondistributable", StringComparison.Ordinal) >= 0)
            return "a foreign (non-distributable) layer, served from elsewhere than the registry (Windows base layers); ContainerOpt reads Linux images whose layers are all in the registry";
        if (mediaType.EndsWith("+encrypted", StringComparison.Ordinal))
            return "an encrypted layer (ocicrypt); ContainerOpt cannot read it without the key";
        return "not a container image layer (tar, gzip or zstd); the manifest may describe an artifact rather than a container image";
    }

    /// <summary>Why a config media type cannot be read, or null when it can (absent counts as an image config).</summary>
    public static string? WhyNotConfig(string? mediaType) =>
        mediaType is null || IsConfig(mediaType) ? null
        : "not a container image config; the manifest describes an artifact (a Helm chart, a signature, a WebAssembly module) rather than a container image";
}
