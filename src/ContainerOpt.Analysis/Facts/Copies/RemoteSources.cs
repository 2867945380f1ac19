namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// Sources that come from the network rather than the build context: what ADD downloads or clones,
/// what curl/wget fetch. One definition for every rule and fact.
/// </summary>
public static class RemoteSources
{
    /// <summary>An http, https or ftp URL (any case, as BuildKit and curl accept it).</summary>
    public static bool IsUrl(string value) =>
        value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase);

    /// <summary>A git repository ADD can clone: <c>git@host:repo</c>, <c>git://</c>, <c>ssh://</c>, or an http(s) URL ending in <c>.git</c> (before a <c>#ref</c>).</summary>
    public static bool IsGitUrl(string value) =>
        value.StartsWith("git@", StringComparison.Ordinal) || value.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
        || value.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase)
        || ((value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && value.Split('#')[0].EndsWith(".git", StringComparison.OrdinalIgnoreCase));

    /// <summary>A URL or a git repository: not a path in the build context.</summary>
    public static bool IsRemote(string value) => IsUrl(value) || IsGitUrl(value);
}
