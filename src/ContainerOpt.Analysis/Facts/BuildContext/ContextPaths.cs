using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.Facts;

/// <summary>Paths in the build context: project files related to the context, COPY sources cleaned and matched.</summary>
public static class ContextPaths
{
    public static string NormalizeSeparators(string path) => path.Replace('\\', '/');

    /// <summary>
    /// A full path as a path relative to the build context ('/'-separated, "" for the context itself),
    /// or null when the context is unknown or the path lies outside it.
    /// </summary>
    public static string? RelativeToContext(string? contextDirectory, string? fullPath)
    {
        if (string.IsNullOrEmpty(contextDirectory) || string.IsNullOrEmpty(fullPath))
        {
            return null;
        }
        string r = DockerIgnore.CleanPath(NormalizeSeparators(contextDirectory!));
        string p = DockerIgnore.CleanPath(NormalizeSeparators(fullPath!));
        var comparison = IsWindowsPath(r) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(r, p, comparison))
        {
            return "";
        }
        string prefix = r.EndsWith("/", StringComparison.Ordinal) ? r : r + "/";
        return p.StartsWith(prefix, comparison) ? p.Substring(prefix.Length) : null;
    }

    /// <summary>
    /// A full path as seen from a folder, with <c>../</c> steps ('/'-separated): <c>/repo/Directory.Build.props</c> from
    /// <c>/repo/src/Api</c> is <c>../../Directory.Build.props</c>. Strings only (netstandard2.0 has no Path.GetRelativePath).
    /// </summary>
    public static string RelativeFrom(string folder, string fullPath)
    {
        var from = DockerIgnore.CleanPath(NormalizeSeparators(folder)).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var to = DockerIgnore.CleanPath(NormalizeSeparators(fullPath)).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        var comparison = IsWindowsPath(folder) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int common = 0;
        while (common < from.Length && common < to.Length && string.Equals(from[common], to[common], comparison))
        {
            common++;
        }
        if (common == 0 && IsWindowsPath(folder))
        {
            return NormalizeSeparators(fullPath); // another drive
        }
        var steps = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common));
        string relative = string.Join("/", steps);
        return relative.Length == 0 ? "." : relative;
    }

    public static string ParentOf(string path)
    {
        string p = path.TrimEnd('/');
        int slash = p.LastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : p.Substring(0, slash);
    }

    /// <summary>A COPY source as a context path: leading "./" and "/" dropped, "." and ".." resolved ("" for the whole context).</summary>
    public static string CleanSource(string source)
    {
        string c = WithoutLeadingSlashes(DockerIgnore.CleanPath(NormalizeSeparators(source)));
        return c == "." ? "" : c;
    }

    /// <summary>
    /// <c>path.TrimStart('/')</c> without its cost: netstandard2.0 has only <c>TrimStart(params char[])</c>, an array per call,
    /// and every COPY source is trimmed (most have no leading '/': the path itself then).
    /// </summary>
    internal static string WithoutLeadingSlashes(string path)
    {
        int start = 0;
        while (start < path.Length && path[start] == '/')
        {
            start++;
        }
        return start == 0 ? path : path.Substring(start);
    }

    /// <summary>
    /// True when a COPY source brings <paramref name="path"/> (a context path) into the image: the
    /// source is the path, a folder above it, or a pattern matching it or a folder above it.
    /// </summary>
    public static bool Covers(string source, string path)
    {
        if (source.Length == 0)
        {
            return true;
        }
        Regex? pattern = PathGlob.IsGlob(source) ? PathGlob.ToRegex(source, doubleStarCrossesFolders: true) : null;
        string current = path;
        while (true)
        {
            if (pattern is not null ? pattern.IsMatch(current) : string.Equals(source, current, StringComparison.Ordinal))
            {
                return true;
            }
            int slash = current.LastIndexOf('/');
            if (slash <= 0)
            {
                return false;
            }
            current = current.Substring(0, slash);
        }
    }

    /// <summary>True when <paramref name="source"/> names <paramref name="folder"/> or a folder above it (copying the folder's whole content).</summary>
    public static bool CoversFolder(string source, string folder) =>
        source.Length == 0 || source == "*" || folder.Length > 0 && Covers(source, folder);

    private static bool IsWindowsPath(string path) => path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]);
}
