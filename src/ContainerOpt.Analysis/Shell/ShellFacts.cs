namespace ContainerOpt.Analysis.Shell;

/// <summary>What the size rules need to know about ordinary shell commands.</summary>
public static class ShellFacts
{
    private static readonly HashSet<string> Shells = new(StringComparer.Ordinal) { "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox" };

    /// <summary>Commands that write nothing a later <c>rm</c> could be after (or only metadata).</summary>
    private static readonly HashSet<string> Harmless = new(StringComparer.Ordinal)
    {
        "rm", "rmdir", "set", "echo", "printf", "true", "false", ":", "test", "[", "ls", "cat", "chmod", "chown", "chgrp",
        "export", "unset", "umask", "cd", "pushd", "popd", "mkdir", "ln", "sleep", "which", "id", "whoami", "useradd",
        "groupadd", "adduser", "addgroup", "usermod", "groupmod", "stat", "du", "df", "uname", "env", "printenv", "pwd",
    };

    private static readonly string[] SystemBins = { "/bin/", "/usr/bin/", "/sbin/", "/usr/sbin/" };

    /// <summary>
    /// A command whose effects cannot be known: a script (<c>./install.sh</c>, <c>bash setup</c>,
    /// <c>curl … | sh</c>), <c>make</c>, <c>eval</c>, <c>source</c>.
    /// </summary>
    public static bool IsOpaque(ShellCommand command)
    {
        string name = command.Name;
        if (name.Length == 0)
        {
            return false;
        }
        if (Shells.Contains(name))
        {
            // sh -c "..." is parsed; sh script.sh or curl | sh is not.
            foreach (var a in command.Arguments)
            {
                if (a.Value == "-c" || (a.IsFlag && !a.Value.StartsWith("--", StringComparison.Ordinal) && a.Value.EndsWith("c", StringComparison.Ordinal)))
                {
                    return false;
                }
            }
            return true;
        }
        if (name is "make" or "gmake" or "eval" or "source" or "." or "exec" || name.EndsWith(".sh", StringComparison.Ordinal))
        {
            return true;
        }
        string program = command.NameWord?.Value ?? "";
        if (program.IndexOf('/') < 0)
        {
            return false;
        }
        foreach (var bin in SystemBins)
        {
            if (program.StartsWith(bin, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// True for <c>rm</c> of one of the directories or anything inside it: <c>/var/lib/apt/lists/*</c>,
    /// <c>/var/cache/yum</c>, <c>/var/cache/libdnf5*</c>.
    /// </summary>
    // Most calls name one directory and ask every command of every RUN: no array for them unless the command is an rm.
    public static bool RemovesUnder(ShellCommand command, string directory) => command.Is("rm") && RemovesUnder(command, new[] { directory });

    public static bool RemovesUnder(ShellCommand command, params string[] directories)
    {
        if (!command.Is("rm"))
        {
            return false;
        }
        foreach (var word in command.Positionals())
        {
            string path = word.Value.TrimEnd('*').TrimEnd('/');
            if (directories.Any(d => path == d || path.StartsWith(d + "/", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True for commands that cannot have created the files a later <c>rm</c> in the same RUN deletes.</summary>
    public static bool IsHarmless(ShellCommand command) => Harmless.Contains(command.Name);

    /// <summary>The targets of an <c>rm</c> (or <c>rm -r</c>), or empty for other commands.</summary>
    public static IReadOnlyList<ShellWord> RemovalTargets(ShellCommand command) =>
        command.Is("rm") ? command.Positionals() : Array.Empty<ShellWord>();

    /// <summary>
    /// The starting points of a <c>find … -delete</c> or <c>find … -exec rm …</c>: it empties them (of
    /// what it matches). Used for caches only, where emptying the folder is the point.
    /// </summary>
    public static IReadOnlyList<ShellWord> FindRemovalRoots(ShellCommand command)
    {
        if (!command.Is("find"))
        {
            return Array.Empty<ShellWord>();
        }
        var args = command.Arguments;
        bool deletes = false;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i].Value == "-delete" || (args[i].Value is "-exec" or "-execdir" && i + 1 < args.Count && args[i + 1].Value is "rm" or "/bin/rm"))
            {
                deletes = true;
            }
        }
        if (!deletes)
        {
            return Array.Empty<ShellWord>();
        }
        var roots = new List<ShellWord>();
        foreach (var arg in args)
        {
            if (arg.Value.StartsWith("-", StringComparison.Ordinal) || arg.Value is "(" or "!" or ")")
            {
                break;
            }
            roots.Add(arg);
        }
        return roots;
    }

    public static bool IsRecursiveRemoval(ShellCommand command) => command.HasFlag("r", "R", "recursive");

    /// <summary>
    /// The value of a short flag given alone or at the end of a group (<c>-o file</c>, <c>-fsSLo file</c>,
    /// <c>-ofile</c>) or of a long flag (<c>--output file</c>, <c>--output=file</c>). Case-sensitive.
    /// </summary>
    public static ShellWord? FlagValueWord(ShellCommand command, char shortName, string longName)
    {
        var args = command.Arguments;
        for (int i = 0; i < args.Count; i++)
        {
            var word = args[i];
            string v = word.Value;
            if (v == "--") break;
            // --long VALUE, or --long=VALUE (compared in place, without a string per argument)
            if (v.Length >= longName.Length + 2 && v[0] == '-' && v[1] == '-' && string.CompareOrdinal(v, 2, longName, 0, longName.Length) == 0)
            {
                if (v.Length == longName.Length + 2)
                {
                    return i + 1 < args.Count ? args[i + 1] : null;
                }
                if (v[longName.Length + 2] == '=')
                {
                    string value = v.Substring(longName.Length + 3);
                    return new ShellWord(value, value, word.Start, word.End, word.HasExpansion, word.IsQuoted);
                }
            }
            if (v.Length < 2 || v[0] != '-' || v[1] == '-')
            {
                continue;
            }
            for (int k = 1; k < v.Length; k++)
            {
                if (v[k] == shortName)
                {
                    if (k == v.Length - 1)
                    {
                        return i + 1 < args.Count ? args[i + 1] : null;
                    }
                    string value = v.Substring(k + 1);
                    return new ShellWord(value, value, word.Start, word.End, word.HasExpansion, word.IsQuoted);
                }
                if (!char.IsLetter(v[k])) break;
            }
        }
        return null;
    }


    /// <summary>The file name a URL is saved under (<c>curl -O</c>, <c>wget</c>): its last path segment, query dropped.</summary>
    public static string? RemoteName(string url)
    {
        string u = url;
        int cut = u.IndexOfAny(new[] { '?', '#' });
        if (cut >= 0) u = u.Substring(0, cut);
        int scheme = u.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0) u = u.Substring(scheme + 3);
        int slash = u.IndexOf('/');
        if (slash < 0) return null;
        string name = LayerPaths.BaseName(u.Substring(slash));
        return name.Length == 0 || name.IndexOf('$') >= 0 ? null : name;
    }
}
