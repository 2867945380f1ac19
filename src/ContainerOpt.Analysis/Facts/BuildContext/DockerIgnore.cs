using System.Text;
using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// A .dockerignore, matched the way BuildKit matches it (moby/patternmatcher): <c>*</c> and <c>?</c>
/// within a path segment, <c>**</c> across segments, <c>!</c> re-includes, the last matching line
/// wins, and a pattern that matches a directory excludes everything under it.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<Pattern> _patterns;

    private DockerIgnore(string text, List<Pattern> patterns)
    {
        Text = text;
        _patterns = patterns;
    }

    public string Text { get; }

    /// <summary>The patterns as written (after trimming), exclusions with their '!'.</summary>
    public IReadOnlyList<string> Lines => _patterns.Select(p => (p.Exclusion ? "!" : "") + p.Source).ToArray();

    public static DockerIgnore Parse(string text)
    {
        var patterns = new List<Pattern>();
        int lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            bool exclusion = false;
            if (line[0] == '!')
            {
                exclusion = true;
                line = line.Substring(1).Trim();
                if (line.Length == 0)
                {
                    continue;
                }
            }
            string cleaned = CleanPath(line);
            if (cleaned.StartsWith("/", StringComparison.Ordinal))
            {
                cleaned = ContextPaths.WithoutLeadingSlashes(cleaned);
                if (cleaned.Length == 0) cleaned = ".";
            }
            patterns.Add(new Pattern(cleaned, exclusion, lineNumber, IsLiteral(cleaned) ? null : Compile(cleaned)));
        }
        return new DockerIgnore(text, patterns);
    }

    /// <summary>True when the context path (relative, '/' separated) is excluded from the build context.</summary>
    public bool IsExcluded(string path)
    {
        string cleaned = ContextPaths.WithoutLeadingSlashes(CleanPath(path.Replace('\\', '/')));
        if (cleaned.Length == 0 || cleaned == ".")
        {
            return false;
        }
        bool excluded = false;
        foreach (var pattern in _patterns)
        {
            if (excluded == !pattern.Exclusion)
            {
                continue; // cannot change the outcome
            }
            if (pattern.Matches(cleaned))
            {
                excluded = !pattern.Exclusion;
            }
        }
        return excluded;
    }

    /// <summary>True when some pattern (not an exception) names or covers <paramref name="path"/>.</summary>
    public bool HasPatternCovering(string path) => IsExcluded(path);

    /// <summary>Go's filepath.Clean for '/' paths (BuildKit cleans COPY sources and patterns this way).</summary>
    public static string CleanPath(string path)
    {
        if (path.Length == 0) return ".";
        if (IsClean(path, path.Length)) return path;
        // The usual unclean path only ends with '/' (a COPY source or destination folder): one substring, no split.
        int end = path.Length;
        while (end > 1 && path[end - 1] == '/') end--;
        if (end < path.Length && IsClean(path, end)) return path.Substring(0, end);
        if (end == 1 && path[0] == '.') return "."; // "." and "./", the commonest COPY source
        return CleanSegments(path);
    }

    [ThreadStatic]
    private static char[]? t_cleanBuffer;

    /// <summary>
    /// Go's Clean written into one buffer, as Go writes it (no split into a string per segment, no join): names are copied,
    /// a ".." takes back the last name written (or is written itself when there is none to take back and the path is
    /// relative), empty and "." segments are skipped. The result is never longer than the path.
    /// </summary>
    private static string CleanSegments(string path)
    {
        int n = path.Length;
        var buffer = t_cleanBuffer;
        if (buffer is null || buffer.Length < n)
        {
            t_cleanBuffer = buffer = new char[Math.Max(n, 256)];
        }
        bool rooted = path[0] == '/';
        int w = 0, dotdot = 0; // w: the length written; dotdot: where a ".." can no longer take back
        if (rooted)
        {
            buffer[w++] = '/';
            dotdot = 1;
        }
        int r = 0;
        while (r < n)
        {
            if (path[r] == '/')
            {
                r++;
            }
            else if (path[r] == '.' && (r + 1 == n || path[r + 1] == '/'))
            {
                r++;
            }
            else if (path[r] == '.' && path[r + 1] == '.' && (r + 2 == n || path[r + 2] == '/'))
            {
                r += 2;
                if (w > dotdot)
                {
                    w--;
                    while (w > dotdot && buffer[w] != '/')
                    {
                        w--;
                    }
                }
                else if (!rooted)
                {
                    if (w > 0)
                    {
                        buffer[w++] = '/';
                    }
                    buffer[w++] = '.';
                    buffer[w++] = '.';
                    dotdot = w;
                }
            }
            else
            {
                if (w != (rooted ? 1 : 0))
                {
                    buffer[w++] = '/';
                }
                while (r < n && path[r] != '/')
                {
                    buffer[w++] = path[r++];
                }
            }
        }
        return w == 0 ? "." : new string(buffer, 0, w);
    }

    /// <summary>True when <see cref="CleanPath"/> would return <c>path[..end)</c> as it is: no empty, "." or ".." segment, no trailing '/'.</summary>
    private static bool IsClean(string path, int end)
    {
        int start = path[0] == '/' ? 1 : 0;
        if (start == end)
        {
            return true; // "/"
        }
        for (int i = start; i <= end; i++)
        {
            if (i < end && path[i] != '/')
            {
                continue;
            }
            int length = i - start;
            if (length == 0 || (length == 1 && path[start] == '.') || (length == 2 && path[start] == '.' && path[start + 1] == '.'))
            {
                return false;
            }
            start = i + 1;
        }
        return true;
    }

    /// <summary>A pattern without wildcards, classes or escapes ("bin", "obj/Debug", ".git"): matched by comparing text, no regex.</summary>
    private static bool IsLiteral(string pattern) => pattern.IndexOfAny(GlobCharacters) < 0;

    private static readonly char[] GlobCharacters = { '*', '?', '[', '\\' };

    /// <summary>Compiled patterns by text, shared by every .dockerignore read in the process (most repeat "**/bin" and the like).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    private static Regex Compile(string pattern)
    {
        if (Compiled.TryGetValue(pattern, out var known))
        {
            return known;
        }
        var regex = CompileNew(pattern);
        if (Compiled.Count < 1024)
        {
            Compiled.TryAdd(pattern, regex);
        }
        return regex;
    }

    private static Regex CompileNew(string pattern)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*')
            {
                if (i + 1 < pattern.Length && pattern[i + 1] == '*')
                {
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }
                    sb.Append(i + 1 >= pattern.Length ? ".*" : "(.*/)?");
                }
                else
                {
                    sb.Append("[^/]*");
                }
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else if (c == '\\' && i + 1 < pattern.Length)
            {
                sb.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '[')
            {
                int close = pattern.IndexOf(']', i + 1);
                if (close < 0)
                {
                    sb.Append("\\[");
                }
                else
                {
                    string body = pattern.Substring(i + 1, close - i - 1);
                    if (body.StartsWith("!", StringComparison.Ordinal)) body = "^" + body.Substring(1);
                    sb.Append('[').Append(body.Replace("\\", "\\\\")).Append(']');
                    i = close;
                }
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }
        sb.Append('$');
        try
        {
            return new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
        catch (ArgumentException)
        {
            return new Regex("^" + Regex.Escape(pattern) + "$", RegexOptions.CultureInvariant);
        }
    }

    private sealed class Pattern
    {
        public Pattern(string source, bool exclusion, int line, Regex? regex)
        {
            Source = source;
            Exclusion = exclusion;
            Line = line;
            Regex = regex;
        }

        public string Source { get; }
        public bool Exclusion { get; }
        public int Line { get; }

        /// <summary>Null for a literal pattern.</summary>
        public Regex? Regex { get; }

        /// <summary>The path itself or any parent directory matches (patternmatcher's MatchesOrParentMatches).</summary>
        public bool Matches(string path)
        {
            if (Regex is null)
            {
                // A literal names the path or one of its parent directories.
                return path.Length == Source.Length ? string.Equals(path, Source, StringComparison.Ordinal)
                    : path.Length > Source.Length && path[Source.Length] == '/' && path.StartsWith(Source, StringComparison.Ordinal);
            }
            if (Regex.IsMatch(path))
            {
                return true;
            }
            // Each parent folder: the path up to each '/' (a cleaned path has no empty segment), read without a split.
            for (int end = path.IndexOf('/'); end >= 0; end = path.IndexOf('/', end + 1))
            {
                if (Regex.IsMatch(path.Substring(0, end)))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
