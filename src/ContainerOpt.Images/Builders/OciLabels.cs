using System.Globalization;

namespace ContainerOpt.Images.Builders;

/// <summary>What the project says about itself (MSBuild: Version, RepositoryUrl, SourceRevisionId, …).</summary>
public sealed class OciProjectMetadata
{
    public string? Version { get; init; }

    /// <summary>RepositoryUrl (or PackageProjectUrl): org.opencontainers.image.source.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>SourceRevisionId (the commit): org.opencontainers.image.revision.</summary>
    public string? Revision { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Authors { get; init; }

    /// <summary>When the image is built; written as RFC 3339 UTC. Leave null for reproducible images.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>
/// The OCI image annotations (org.opencontainers.image.*) as labels: registries and scanners show the
/// version and link the image to its source commit. Empty values are left out; order is fixed.
/// </summary>
public static class OciLabels
{
    public const string Prefix = "org.opencontainers.image.";

    public static IReadOnlyList<KeyValuePair<string, string>> From(OciProjectMetadata metadata)
    {
        var labels = new List<KeyValuePair<string, string>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) labels.Add(new KeyValuePair<string, string>(Prefix + key, value!.Trim()));
        }

        Add("created", metadata.Created?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Add("version", metadata.Version);
        Add("source", CleanSourceUrl(metadata.SourceUrl));
        Add("revision", metadata.Revision);
        Add("title", metadata.Title);
        Add("description", metadata.Description);
        Add("authors", metadata.Authors);
        return labels;
    }

    /// <summary>A git URL as a browsable one: no ".git" suffix, no credentials (https://user:token@host would leak).</summary>
    private static string? CleanSourceUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        string value = url!.Trim();
        if (Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && !string.IsNullOrEmpty(uri.UserInfo))
        {
            value = new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString().TrimEnd('/');
        }
        if (value.EndsWith(".git", StringComparison.OrdinalIgnoreCase)) value = value.Substring(0, value.Length - 4);
        return value;
    }
}
