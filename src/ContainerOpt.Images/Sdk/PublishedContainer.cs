using ContainerOpt.Images.Builders;

namespace ContainerOpt.Images.Sdk;

/// <summary>Where <c>dotnet publish -t:PublishContainer</c> put the image.</summary>
public enum PublishedContainerDestination
{
    /// <summary><c>ContainerArchiveOutputPath</c>: a tarball (the SDK's <c>GeneratedArchiveOutputPath</c>).</summary>
    Archive,

    /// <summary>The local engine (<c>LocalRegistry</c> Docker or Podman; empty: the SDK's choice, docker first).</summary>
    LocalEngine,

    /// <summary><c>ContainerRegistry</c>: pushed to a registry.</summary>
    Registry,
}

/// <summary>
/// The image the .NET SDK's container build made, located as the SDK decides (its <c>CreateNewImage</c> task): an
/// archive when <c>ContainerArchiveOutputPath</c> is set, else the registry <c>ContainerRegistry</c> names, else the
/// local engine (<c>LocalRegistry</c>).
/// </summary>
public sealed class PublishedContainer
{
    private PublishedContainer(PublishedContainerDestination destination, string repository, string tag)
    {
        Destination = destination;
        Repository = repository;
        Tag = tag;
    }

    public PublishedContainerDestination Destination { get; }

    /// <summary><c>ContainerRepository</c> as the SDK normalized it (lower case, no spaces).</summary>
    public string Repository { get; }

    /// <summary>The first of the image's tags (<c>ContainerImageTag(s)</c>; the SDK's default is <c>latest</c>).</summary>
    public string Tag { get; }

    /// <summary>The tarball, for <see cref="PublishedContainerDestination.Archive"/>.</summary>
    public string? ArchivePath { get; private set; }

    /// <summary>The registry (<c>localhost:5000</c>), for <see cref="PublishedContainerDestination.Registry"/>.</summary>
    public string? Registry { get; private set; }

    /// <summary>Which engine holds the image, for <see cref="PublishedContainerDestination.LocalEngine"/>.</summary>
    public BuilderPreference Engine { get; private set; } = BuilderPreference.Auto;

    /// <summary><c>repository:tag</c>, with the registry in front for a pushed image.</summary>
    public string Reference => (Registry is null ? "" : Registry + "/") + Repository + ":" + Tag;

    /// <summary>
    /// Where the image is, from the SDK's properties after <c>PublishContainer</c>: <paramref name="archivePath"/> is
    /// <c>ContainerArchiveOutputPath</c> (a full path; the file is found as the SDK names it, <see cref="ArchiveFile"/>),
    /// <paramref name="registry"/> <c>ContainerRegistry</c>, <paramref name="localRegistry"/> <c>LocalRegistry</c>
    /// (Docker, Podman or empty).
    /// </summary>
    public static PublishedContainer Locate(string? archivePath, string? registry, string? localRegistry, string repository, IEnumerable<string> tags)
    {
        if (string.IsNullOrWhiteSpace(repository)) throw new ArgumentException("The SDK named no repository (ContainerRepository).", nameof(repository));
        string tag = tags.Select(t => t.Trim()).FirstOrDefault(t => t.Length > 0) ?? "latest";
        string name = repository.Trim();
        if (!string.IsNullOrWhiteSpace(archivePath))
        {
            return new PublishedContainer(PublishedContainerDestination.Archive, name, tag) { ArchivePath = ArchiveFile(archivePath!.Trim(), name) };
        }
        if (!string.IsNullOrWhiteSpace(registry))
        {
            return new PublishedContainer(PublishedContainerDestination.Registry, name, tag) { Registry = registry!.Trim().TrimEnd('/') };
        }
        var engine = (localRegistry ?? "").Trim().ToLowerInvariant() switch
        {
            "docker" => BuilderPreference.Docker,
            "podman" => BuilderPreference.Podman,
            _ => BuilderPreference.Auto,
        };
        return new PublishedContainer(PublishedContainerDestination.LocalEngine, name, tag) { Engine = engine };
    }

    /// <summary>
    /// The tarball the SDK writes for <c>ContainerArchiveOutputPath</c>: the path itself when it names a file (it has an
    /// extension: <c>out/app.tar</c>), else <c>&lt;folder&gt;/&lt;repository&gt;.tar.gz</c> (an existing folder, a path
    /// ending in a separator, or one without an extension; <c>containeropt-tests/sdk/app</c> gives a nested path). The
    /// SDK's own <c>GeneratedArchiveOutputPath</c> is set inside a target PublishContainer calls, which MSBuild does not
    /// show to the targets after it.
    /// </summary>
    public static string ArchiveFile(string archiveOutputPath, string repository)
    {
        bool folder = Directory.Exists(archiveOutputPath)
            || archiveOutputPath.EndsWith("/", StringComparison.Ordinal) || archiveOutputPath.EndsWith("\\", StringComparison.Ordinal)
            || !Path.HasExtension(archiveOutputPath);
        return folder ? Path.Combine(archiveOutputPath, repository.Replace('/', Path.DirectorySeparatorChar) + ".tar.gz") : archiveOutputPath;
    }

    public override string ToString() => Destination switch
    {
        PublishedContainerDestination.Archive => $"{Reference} in {ArchivePath}",
        PublishedContainerDestination.Registry => Reference,
        _ => $"{Reference} on the local engine",
    };
}
