namespace ContainerOpt.Images.Archives;

/// <summary>Compares image references the way docker resolves them: <c>myapp</c> = <c>docker.io/library/myapp:latest</c>.</summary>
public static class ImageReference
{
    /// <summary>Canonical <c>registry/path:tag</c> without docker.io/library defaults; digests dropped.</summary>
    public static string Normalize(string reference)
    {
        if (reference is null) throw new ArgumentNullException(nameof(reference));
        string value = reference.Trim();
        int at = value.IndexOf('@');
        if (at >= 0) value = value.Substring(0, at);
        int slash = value.LastIndexOf('/');
        int colon = value.LastIndexOf(':');
        string name = value, tag = "latest";
        if (colon > slash)
        {
            name = value.Substring(0, colon);
            tag = value.Substring(colon + 1);
        }
        int firstSlash = name.IndexOf('/');
        if (firstSlash > 0)
        {
            string first = name.Substring(0, firstSlash);
            if (first is "docker.io" or "index.docker.io" or "registry-1.docker.io") name = name.Substring(firstSlash + 1);
        }
        if (name.StartsWith("library/", StringComparison.Ordinal) && name.IndexOf('/', 8) < 0) name = name.Substring(8);
        return name.ToLowerInvariant() + ":" + tag;
    }

    /// <summary>
    /// True when both name the same image. Podman stores unqualified local names as <c>localhost/name</c>
    /// (and saves them so): <c>myapp</c> matches <c>localhost/myapp:latest</c>.
    /// </summary>
    public static bool SameImage(string a, string b)
    {
        string x = Normalize(a), y = Normalize(b);
        return string.Equals(x, y, StringComparison.Ordinal)
            || string.Equals(x, LocalhostPrefix + y, StringComparison.Ordinal)
            || string.Equals(LocalhostPrefix + x, y, StringComparison.Ordinal);
    }

    private const string LocalhostPrefix = "localhost/";

    /// <summary>The tag part of a reference (<c>latest</c> when none).</summary>
    public static string Tag(string reference)
    {
        string normalized = Normalize(reference);
        return normalized.Substring(normalized.LastIndexOf(':') + 1);
    }
}
