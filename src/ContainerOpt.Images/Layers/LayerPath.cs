namespace ContainerOpt.Images.Layers;

/// <summary>Normalises paths inside layers and image archives: no <c>./</c>, no leading or trailing <c>/</c>, no empty or <c>.</c> parts.</summary>
public static class LayerPath
{
    public const string WhiteoutPrefix = ".wh.";
    public const string OpaqueMarker = ".wh..wh..opq";

    /// <summary>The normalised path; "" for the root. <c>..</c> parts are resolved and never climb above the root.</summary>
    public static string Normalize(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        if (IsSimple(path)) return path;
        var parts = new List<string>();
        foreach (string part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return string.Join("/", parts);
    }

    /// <summary>The parent directory ("" for a top-level name).</summary>
    public static string Parent(string normalizedPath)
    {
        int slash = normalizedPath.LastIndexOf('/');
        return slash < 0 ? "" : normalizedPath.Substring(0, slash);
    }

    public static string Name(string normalizedPath)
    {
        int slash = normalizedPath.LastIndexOf('/');
        return slash < 0 ? normalizedPath : normalizedPath.Substring(slash + 1);
    }

    public static string Combine(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>Already normal: the common case, checked without allocating.</summary>
    private static bool IsSimple(string path)
    {
        if (path.Length == 0) return true;
        if (path[0] == '/' || path[path.Length - 1] == '/') return false;
        int partStart = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/') continue;
            int length = i - partStart;
            if (length == 0) return false;
            if (path[partStart] == '.' && (length == 1 || (length == 2 && path[partStart + 1] == '.'))) return false;
            partStart = i + 1;
        }
        return true;
    }
}
