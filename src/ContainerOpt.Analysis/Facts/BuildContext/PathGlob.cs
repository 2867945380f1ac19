using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// Path patterns of COPY/ADD sources and shell paths, as Go's filepath.Match reads them: <c>*</c> and
/// <c>?</c> stay within one folder, <c>[...]</c>/<c>[^...]</c>/<c>[!...]</c> sets, <c>\</c> escapes.
/// With doubleStarCrossesFolders, <c>**</c> matches across folders (fsutil's
/// include patterns). Compiled patterns are cached: rules ask for the same few many times.
/// </summary>
public static class PathGlob
{
    private static readonly ConcurrentDictionary<(string, bool), Regex> Cache = new();

    public static bool IsGlob(string path) => path.IndexOfAny(GlobCharacters) >= 0;

    /// <summary><see cref="IsGlob(string)"/> of <c>path[start..]</c>, without that substring.</summary>
    public static bool IsGlob(string path, int start) => path.IndexOfAny(GlobCharacters, start) >= 0;

    private static readonly char[] GlobCharacters = { '*', '?', '[' };

    public static Regex ToRegex(string glob, bool doubleStarCrossesFolders)
    {
        if (Cache.Count > 4096)
        {
            Cache.Clear();
        }
        return Cache.GetOrAdd((glob, doubleStarCrossesFolders), key => Compile(key.Item1, key.Item2));
    }

    private static Regex Compile(string glob, bool doubleStar)
    {
        var sb = new StringBuilder("^");
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            switch (c)
            {
                case '*':
                    if (doubleStar && i + 1 < glob.Length && glob[i + 1] == '*')
                    {
                        sb.Append(".*");
                        i++;
                    }
                    else
                    {
                        sb.Append("[^/]*");
                    }
                    break;
                case '?':
                    sb.Append("[^/]");
                    break;
                case '[':
                    {
                        int close = glob.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            sb.Append("\\[");
                            break;
                        }
                        string set = glob.Substring(i + 1, close - i - 1);
                        if (set.StartsWith("!", StringComparison.Ordinal) || set.StartsWith("^", StringComparison.Ordinal))
                        {
                            set = "^" + set.Substring(1);
                        }
                        sb.Append('[').Append(set.Replace("\\", "\\\\")).Append(']');
                        i = close;
                        break;
                    }
                case '\\':
                    if (i + 1 < glob.Length)
                    {
                        sb.Append(Regex.Escape(glob[i + 1].ToString()));
                        i++;
                    }
                    break;
                default:
                    sb.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }
        sb.Append('$');
        try
        {
            return new Regex(sb.ToString(), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            return new Regex("^" + Regex.Escape(glob) + "$", RegexOptions.CultureInvariant);
        }
    }
}
