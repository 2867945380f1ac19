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
                cleaned = cleaned.TrimStart('/');
                if (cleaned.Length == 0) cleaned = ".";
            }
            patterns.Add(new Pattern(cleaned, exclusion, lineNumber, Compile(cleaned)));
        }
        return new DockerIgnore(text, patterns);
    }

    /// <summary>True when the context path (relative, '/' separated) is excluded from the build context.</summary>
    public bool IsExcluded(string path)
    {
        string cleaned = CleanPath(path.Replace('\\', '/')).TrimStart('/');
        if (cleaned.Length == 0 || cleaned == ".")
        {
            return false;
        }
        bool excluded = false;
        string[] segments = cleaned.Split('/');
        foreach (var pattern in _patterns)
        {
            if (excluded == !pattern.Exclusion)
            {
                continue; // cannot change the outcome
            }
            if (pattern.Matches(cleaned, segments))
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
        bool rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0 && parts[parts.Count - 1] != "..") parts.RemoveAt(parts.Count - 1);
                else if (!rooted) parts.Add("..");
                continue;
            }
            parts.Add(part);
        }
        string joined = string.Join("/", parts);
        if (rooted) return "/" + joined;
        return joined.Length == 0 ? "." : joined;
    }

    private static Regex Compile(string pattern)
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
        public Pattern(string source, bool exclusion, int line, Regex regex)
        {
            Source = source;
            Exclusion = exclusion;
            Line = line;
            Regex = regex;
        }

        public string Source { get; }
        public bool Exclusion { get; }
        public int Line { get; }
        public Regex Regex { get; }

        /// <summary>The path itself or any parent directory matches (patternmatcher's MatchesOrParentMatches).</summary>
        public bool Matches(string path, string[] segments)
        {
            if (Regex.IsMatch(path))
            {
                return true;
            }
            var prefix = new StringBuilder();
            for (int i = 0; i < segments.Length - 1; i++)
            {
                if (i > 0) prefix.Append('/');
                prefix.Append(segments[i]);
                if (Regex.IsMatch(prefix.ToString()))
                {
                    return true;
                }
            }
            return false;
        }
    }
}
