using System.Text;
using System.Text.RegularExpressions;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// Paths inside the image as the size and cache rules compare them: absolute, '/'-separated,
/// cleaned, <c>~</c> and <c>$HOME</c> read as <c>/root</c>, shell globs kept as globs.
/// </summary>
public static class LayerPaths
{
    public const string Home = "/root";

    /// <summary>Go's path.Clean ('.' and '..' resolved, no trailing '/').</summary>
    public static string Clean(string path) => DockerIgnore.CleanPath(path);

    /// <summary>Takes one pair of surrounding quotes off (shell-form COPY/ADD words keep them).</summary>
    public static string Unquote(string value)
    {
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0])
        {
            return value.Substring(1, value.Length - 2);
        }
        return value;
    }

    /// <summary>An absolute path against a working directory (absolute paths stay).</summary>
    public static string Resolve(string path, string workdir) => Resolve(path, 0, path.Length, workdir);

    /// <summary>
    /// <see cref="Resolve(string, string)"/> of <c>path[start..end)</c>. The usual path (plain names, maybe a leading
    /// <c>./</c> or a trailing <c>/</c>: <c>src/Api/</c>, <c>./</c>, <c>app.dll</c>) is joined into one new string; anything
    /// else is cleaned the general way. Every COPY destination and source and every path word of every RUN comes here.
    /// </summary>
    private static string Resolve(string path, int start, int end, string workdir)
    {
        if (start < end && path[start] == '/')
        {
            int trimmed = end;
            while (trimmed > start + 1 && path[trimmed - 1] == '/')
            {
                trimmed--;
            }
            if (trimmed > start + 1 && (start > 0 || trimmed < path.Length) && HasOnlyNames(path, start + 1, trimmed))
            {
                return path.Substring(start, trimmed - start);
            }
            return Clean(start == 0 && end == path.Length ? path : path.Substring(start, end - start));
        }
        string directory = workdir.Length == 0 ? "/" : workdir;
        if (directory[0] == '/')
        {
            int first = start;
            while (first + 1 < end && path[first] == '.' && path[first + 1] == '/')
            {
                first += 2;
                while (first < end && path[first] == '/')
                {
                    first++;
                }
            }
            int last = end;
            while (last > first && path[last - 1] == '/')
            {
                last--;
            }
            if (last == first)
            {
                return Clean(directory); // "", "./": the directory itself
            }
            if (HasOnlyNames(path, first, last))
            {
                return Join(Clean(directory), path, first, last);
            }
        }
        return Clean(directory + "/" + path.Substring(start, end - start));
    }

    /// <summary>True when every '/'-separated segment of <c>path[start..end)</c> is a name (not empty, '.' or '..'): nothing to clean.</summary>
    private static bool HasOnlyNames(string path, int start, int end)
    {
        int segment = start;
        for (int i = start; i <= end; i++)
        {
            if (i < end && path[i] != '/')
            {
                continue;
            }
            int length = i - segment;
            if (length == 0 || (path[segment] == '.' && (length == 1 || (length == 2 && path[segment + 1] == '.'))))
            {
                return false;
            }
            segment = i + 1;
        }
        return true;
    }

    [ThreadStatic]
    private static char[]? t_joinBuffer;

    /// <summary><c>directory + "/" + path[start..end)</c> as one new string (no '/' doubled after the root).</summary>
    private static string Join(string directory, string path, int start, int end)
    {
        int prefix = directory.Length == 1 ? 1 : directory.Length + 1;
        int length = prefix + end - start;
        var buffer = t_joinBuffer;
        if (buffer is null || buffer.Length < length)
        {
            t_joinBuffer = buffer = new char[Math.Max(length, 256)];
        }
        directory.CopyTo(0, buffer, 0, directory.Length);
        buffer[prefix - 1] = '/';
        path.CopyTo(start, buffer, prefix, end - start);
        return new string(buffer, 0, length);
    }

    /// <summary>
    /// The path a shell word names, absolute, or null when it cannot be known (an unset variable,
    /// a command substitution, a relative path after <c>cd</c>). Variables set by ARG/ENV are expanded.
    /// </summary>
    public static string? FromWord(ShellWord word, StageInstruction instruction, DockerfileModel model, string workdir, bool relativeIsKnown)
    {
        string value = word.Value;
        if (value.Length == 0)
        {
            return null;
        }
        value = SubstituteHome(value);
        if (value.IndexOf('$') >= 0 || value.IndexOf('`') >= 0)
        {
            if (value.IndexOf('`') >= 0 || value.Contains("$(", StringComparison.Ordinal))
            {
                return null;
            }
            var expanded = model.Expand(instruction, value);
            if (!expanded.Success || expanded.Unmatched.Count > 0 || expanded.Result.Length == 0)
            {
                return null;
            }
            value = SubstituteHome(expanded.Result);
        }
        if (!value.StartsWith("/", StringComparison.Ordinal) && !relativeIsKnown)
        {
            return null;
        }
        return Resolve(value, workdir);
    }

    /// <summary><c>~</c>, <c>~/x</c>, <c>$HOME/x</c> and <c>${HOME}/x</c> become <c>/root/x</c>.</summary>
    public static string SubstituteHome(string value)
    {
        if (value == "~" || value.StartsWith("~/", StringComparison.Ordinal))
        {
            return Home + value.Substring(1);
        }
        if (value.Length > 0 && value[0] == '$')
        {
            // Tested without building "${HOME}/" per call: every path word of every RUN comes through here.
            foreach (var home in HomeVariables)
            {
                if (IsAtOrUnder(value, home))
                {
                    return Home + value.Substring(home.Length);
                }
            }
        }
        return value;
    }

    private static readonly string[] HomeVariables = { "${HOME}", "$HOME" };

    public static bool IsGlob(string path) => PathGlob.IsGlob(path);

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or inside it.</summary>
    public static bool IsAtOrUnder(string path, string directory) =>
        path == directory || directory == "/"
        || (path.Length > directory.Length && path[directory.Length] == '/' && path.StartsWith(directory, StringComparison.Ordinal));

    /// <summary>
    /// <c>Resolve(BaseName(path), directory)</c> without the base name's own string: a copied file's place in the
    /// destination folder.
    /// </summary>
    public static string ResolveBaseName(string path, string directory)
    {
        int end = path.Length;
        while (end > 0 && path[end - 1] == '/')
        {
            end--;
        }
        int slash = end == 0 ? -1 : path.LastIndexOf('/', end - 1);
        return Resolve(path, slash + 1, end, directory);
    }

    public static string BaseName(string path)
    {
        string trimmed = path.TrimEnd('/');
        int slash = trimmed.LastIndexOf('/');
        return slash >= 0 ? trimmed.Substring(slash + 1) : trimmed;
    }

    public static string Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path.Substring(0, slash);
    }

    /// <summary>
    /// True when removing <paramref name="target"/> (an rm argument, maybe a glob) removes
    /// <paramref name="path"/> or all of its content: the target names the path, one of its parents,
    /// or its content (<c>/var/lib/apt/lists/*</c>).
    /// </summary>
    public static bool RemovalCovers(string target, string path) => new Removal(target).Covers(path);

    /// <summary>True when the glob (or literal) <paramref name="target"/> names <paramref name="path"/> itself or a parent of it.</summary>
    public static bool NamesPathOrParent(string target, string path) => new Removal(target).NamesPathOrParent(path);

    /// <summary>
    /// An rm target read once (its content glob stripped, whether it is a glob) to compare with many paths:
    /// the layer simulation tests each target against every cache and file the stage made so far.
    /// </summary>
    public readonly struct Removal
    {
        private readonly bool _targetIsGlob;
        private readonly bool _contentIsGlob;

        public Removal(string target)
        {
            Target = target;
            Content = StripContentGlob(target);
            _targetIsGlob = IsGlob(target);
            _contentIsGlob = ReferenceEquals(Content, target) ? _targetIsGlob : IsGlob(Content);
        }

        /// <summary>The target as written (absolute, maybe a glob).</summary>
        public string Target { get; }

        /// <summary>The target with a trailing content glob read as its folder (<see cref="StripContentGlob"/>).</summary>
        public string Content { get; }

        /// <summary>True when the target names <paramref name="path"/> itself or a parent of it.</summary>
        public bool NamesPathOrParent(string path) => _targetIsGlob ? GlobNamesPathOrParent(Target, path) : IsAtOrUnder(path, Target);

        /// <summary>
        /// True when removing the target removes <paramref name="path"/> or all of its content: the target names
        /// the path, one of its parents, or its content (<c>/var/lib/apt/lists/*</c>).
        /// </summary>
        public bool Covers(string path) => _contentIsGlob ? GlobNamesPathOrParent(Content, path) : IsAtOrUnder(path, Content);
    }

    private static bool GlobNamesPathOrParent(string glob, string path)
    {
        // Whatever the glob matches starts with its literal part, and so does anything under it.
        string literal = glob.Substring(0, glob.IndexOfAny(GlobCharacters));
        if (!path.StartsWith(literal, StringComparison.Ordinal))
        {
            return false;
        }
        var regex = GlobRegex(glob);
        for (string p = path; ; p = Parent(p))
        {
            if (regex.IsMatch(p)) return true;
            if (p == "/" || p.Length < literal.Length) return false;
        }
    }

    /// <summary><c>/x/*</c>, <c>/x/**</c>, <c>/x/*.*</c> and <c>/x/.*</c> remove the content of /x: read them as /x.</summary>
    public static string StripContentGlob(string target)
    {
        string t = target;
        if (t.Length < 3 || t.IndexOf('*') < 0)
        {
            return t; // no content glob: the common case, without looking at each suffix
        }
        foreach (var suffix in ContentGlobs)
        {
            if (t.Length > suffix.Length && t.EndsWith(suffix, StringComparison.Ordinal))
            {
                return t.Substring(0, t.Length - suffix.Length);
            }
        }
        return t;
    }

    private static readonly string[] ContentGlobs = { "/*", "/**", "/*.*", "/.*" };

    private static readonly char[] GlobCharacters = { '*', '?', '[' };

    public static Regex GlobRegex(string glob) => PathGlob.ToRegex(glob, doubleStarCrossesFolders: false);
}
