using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Shell;

/// <summary>What the size rules need to know about ordinary shell commands.</summary>
public static class ShellFacts
{
    // The shell names have this one home. BusyBox is a multi-call program: `busybox sh` and `busybox ash` run its ash,
    // `busybox wget` runs wget. So the name `busybox` alone is no shell; a command (or SHELL) counts as one only when
    // it starts the sh or ash applet, and that ash has pipefail (hadolint's "one shell module" keeps the same lists).

    /// <summary>
    /// A POSIX-family shell program, by base name (<see cref="ProgramName"/>): sh, bash, dash, ash, zsh, ksh, mksh.
    /// Not <c>busybox</c> (see <see cref="IsPosixShell(ShellCommand)"/>), not PowerShell or cmd.
    /// </summary>
    public static bool IsPosixShell(string name) => name is "sh" or "bash" or "dash" or "ash" or "zsh" or "ksh" or "mksh";

    /// <summary>The command starts a POSIX-family shell: <c>bash …</c>, <c>/bin/sh …</c>, <c>busybox sh …</c>, <c>busybox ash …</c>.</summary>
    public static bool IsPosixShell(ShellCommand command) => IsPosixShell(command.Name) || IsBusyboxShell(command);

    /// <summary>
    /// A shell where <c>set -o pipefail</c> exists, by base name: bash, zsh, ash, ksh, mksh. Not sh (it may be dash, as on
    /// Debian; hadolint does not count it either) and not dash.
    /// </summary>
    public static bool SupportsPipefail(string name) => name is "bash" or "zsh" or "ash" or "ksh" or "mksh";

    /// <summary>The command starts a shell with pipefail: one of <see cref="SupportsPipefail(string)"/>, or BusyBox's ash (<c>busybox sh</c> too).</summary>
    public static bool SupportsPipefail(ShellCommand command) => SupportsPipefail(command.Name) || IsBusyboxShell(command);

    /// <summary>BusyBox's shell applets, both its ash: <c>busybox sh</c>, <c>busybox ash</c>.</summary>
    public static bool IsBusyboxShellApplet(string applet) => applet is "sh" or "ash";

    private static bool IsBusyboxShell(ShellCommand command)
    {
        if (!command.Is("busybox"))
        {
            return false;
        }
        var arguments = command.Arguments;
        return arguments.Count > 0 && IsBusyboxShellApplet(arguments[0].Value);
    }

    /// <summary>A Windows shell, by base name (<see cref="ProgramName"/>): pwsh, powershell, cmd. RUN under one is not POSIX shell.</summary>
    public static bool IsWindowsShell(string name) => name is "pwsh" or "powershell" or "cmd";

    /// <summary>
    /// A program that runs its arguments as a command line, expanding the variables in them, by base name
    /// (<see cref="ProgramName"/>): the POSIX shells, the Windows shells and <c>eval</c>. <c>busybox</c> is not one:
    /// it hands its arguments to the applet named first (a caller looks at that word instead).
    /// </summary>
    public static bool RunsArgumentsAsCommandLine(string name) => IsPosixShell(name) || IsWindowsShell(name) || name == "eval";

    /// <summary>
    /// Programs that run their arguments as one command (init processes, user switchers, <c>env</c>, <c>nohup</c>): as an
    /// exec-form ENTRYPOINT, the CMD's own program (and its shell) runs under them.
    /// </summary>
    public static bool RunsArgumentsAsCommand(string name) =>
        name is "env" or "tini" or "tini-static" or "dumb-init" or "gosu" or "su-exec" or "catatonit" or "exec" or "sudo" or "nohup" or "busybox" or "init";

    /// <summary>
    /// Programs that start their arguments as another user (<c>gosu app dotnet Api.dll</c>): an entrypoint script that
    /// starts as root, fixes what needs root (volume ownership) and then drops to an unprivileged user runs one of them.
    /// </summary>
    public static bool DropsPrivileges(string name) =>
        name is "gosu" or "su-exec" or "setpriv" or "runuser" or "chpst" or "s6-setuidgid" or "setuidgid";

    /// <summary>
    /// The base name of a shell word that names a program: what follows its last <c>/</c> (<c>/usr/bin/apt-get</c> gives
    /// <c>apt-get</c>), as written. In a shell word <c>\</c> escapes, so only <c>/</c> separates; for exec form and SHELL see
    /// <see cref="ProgramName"/>.
    /// </summary>
    public static string BaseName(string word)
    {
        int slash = word.LastIndexOf('/');
        return slash >= 0 ? word.Substring(slash + 1) : word;
    }

    /// <summary>
    /// The base name of a program as exec form or SHELL names it: after the last <c>/</c> or <c>\</c>, lower case, without
    /// <c>.exe</c> (<c>/bin/bash</c> and <c>C:\Windows\System32\cmd.exe</c> give <c>bash</c> and <c>cmd</c>).
    /// Shell words need no such help: <see cref="ShellCommand.Name"/> is already the base name (a <c>\</c> there escapes).
    /// </summary>
    public static string ProgramName(string program)
    {
        int slash = Math.Max(program.LastIndexOf('/'), program.LastIndexOf('\\'));
        string name = slash >= 0 ? program.Substring(slash + 1) : program;
        name = InvariantCase.ToLower(name); // the same string when it is already lower case
        return name.EndsWith(".exe", StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name;
    }

    /// <summary>
    /// Where the program stands in a command line of plain words (exec form, SHELL, a <c>#!</c> line): past <c>env</c>,
    /// its options and assignments (<c>#!/usr/bin/env bash</c>, <c>env -i PATH=/bin sh</c>). The count when none is left.
    /// </summary>
    public static int ProgramIndex(IReadOnlyList<string> commandLine)
    {
        int i = 0;
        while (i < commandLine.Count && ProgramName(commandLine[i]) == "env")
        {
            i++;
            while (i < commandLine.Count && (commandLine[i].StartsWith("-", StringComparison.Ordinal) || commandLine[i].IndexOf('=') >= 0))
            {
                i++;
            }
        }
        return i;
    }

    /// <summary>
    /// A command line of plain words (see <see cref="ProgramIndex"/>) starts a POSIX-family shell: <c>/bin/sh -e</c>,
    /// <c>/usr/bin/env bash</c>, <c>/bin/busybox sh</c>.
    /// </summary>
    public static bool StartsPosixShell(IReadOnlyList<string> commandLine)
    {
        int i = ProgramIndex(commandLine);
        if (i >= commandLine.Count)
        {
            return false;
        }
        string program = ProgramName(commandLine[i]);
        return IsPosixShell(program)
            || (program == "busybox" && i + 1 < commandLine.Count && IsBusyboxShellApplet(ProgramName(commandLine[i + 1])));
    }

    /// <summary>
    /// The option that makes a shell run its next argument as the script: <c>-c</c>, or a group ending in it (<c>-ec</c>,
    /// <c>-euxc</c>); not a long option.
    /// </summary>
    public static bool IsCommandStringFlag(ShellWord argument)
    {
        string value = argument.Value;
        return value == "-c" || (argument.IsFlag && !value.StartsWith("--", StringComparison.Ordinal) && value.EndsWith("c", StringComparison.Ordinal));
    }

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
        if (IsPosixShell(command))
        {
            // sh -c "..." is parsed; sh script.sh or curl | sh is not.
            foreach (var a in command.Arguments)
            {
                if (IsCommandStringFlag(a))
                {
                    return false;
                }
            }
            return true;
        }
        // busybox runs an applet (busybox mkdir, busybox wget) whose effects are not followed here.
        if (name is "make" or "gmake" or "eval" or "source" or "." or "exec" or "busybox" || EndsWithSh(name))
        {
            return true;
        }
        // The name is the program's base name: as long as the program, it has no folder (most commands), with no search for '/'.
        string program = command.NameWord?.Value ?? "";
        if (program.Length == name.Length || program.IndexOf('/') < 0)
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

    /// <summary>A script's name (<c>build.sh</c>), told by its last three characters in place (asked of every command by IsOpaque).</summary>
    private static bool EndsWithSh(string name) =>
        name.Length >= 3 && name[name.Length - 1] == 'h' && name[name.Length - 2] == 's' && name[name.Length - 3] == '.';

    /// <summary>
    /// True for <c>rm</c> of one of the directories or anything inside it: <c>/var/lib/apt/lists/*</c>,
    /// <c>/var/cache/yum</c>, <c>/var/cache/libdnf5*</c>.
    /// </summary>
    // Most calls name one directory and ask every command of every RUN: no array for them.
    public static bool RemovesUnder(ShellCommand command, string directory) => RemovesUnderAny(command, directory, null);

    public static bool RemovesUnder(ShellCommand command, params string[] directories) => RemovesUnderAny(command, null, directories);

    private static bool RemovesUnderAny(ShellCommand command, string? directory, string[]? directories)
    {
        var targets = RemovalTargets(command);
        for (int t = 0; t < targets.Count; t++)
        {
            string path = targets[t].Value.TrimEnd('*').TrimEnd('/');
            if (directory is not null && IsAtOrUnder(path, directory))
            {
                return true;
            }
            if (directories is not null)
            {
                foreach (var d in directories)
                {
                    if (IsAtOrUnder(path, d))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static bool IsAtOrUnder(string path, string directory) =>
        path.StartsWith(directory, StringComparison.Ordinal) && (path.Length == directory.Length || path[directory.Length] == '/');

    /// <summary>True for commands that cannot have created the files a later <c>rm</c> in the same RUN deletes.</summary>
    public static bool IsHarmless(ShellCommand command) => Harmless.Contains(command.Name);

    /// <summary>The targets of an <c>rm</c> (or <c>rm -r</c>): its positional arguments; empty for other commands.</summary>
    public static ArrayView<ShellWord> RemovalTargets(ShellCommand command)
    {
        if (!command.Is("rm"))
        {
            return default;
        }
        // rm's options take no value and nearly always come first (rm -rf a b, rm -f -- a): then the targets are the rest
        // of the arguments, a view without a copy. Options after a target take the general (copying) way.
        var arguments = command.Arguments;
        int first = 0;
        while (first < arguments.Count && arguments[first].IsFlag)
        {
            first++;
        }
        if (first < arguments.Count && arguments[first].Value == "--")
        {
            return arguments.Slice(first + 1); // everything after -- is a target
        }
        for (int i = first; i < arguments.Count; i++)
        {
            if (arguments[i].IsFlag || arguments[i].Value == "--")
            {
                return command.Positionals().ToArray();
            }
        }
        return arguments.Slice(first);
    }

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
                    return ShellWord.Of(value, value, word.Start, word.End, word.HasExpansion, word.IsQuoted);
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
                    return ShellWord.Of(value, value, word.Start, word.End, word.HasExpansion, word.IsQuoted);
                }
                if (!char.IsLetter(v[k])) break;
            }
        }
        return null;
    }


    /// <summary>The folder <c>git clone URL</c> (no folder named) makes: the URL's last segment without <c>.git</c>.</summary>
    public static string? CloneFolderName(string url) =>
        RemoteName(url) is { } name ? (name.EndsWith(".git", StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name) : null;

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

    /// <summary>
    /// Where <c>exec</c> goes in a shell-form command line so that its last command replaces the shell and gets the signals:
    /// before the last command's first word, when the line is a list of simple commands joined by <c>&amp;&amp;</c> or <c>;</c>
    /// (no pipe, <c>||</c>, background or compound command). -1 when there is no such place, or the last command starts
    /// with <c>exec</c> already (see <see cref="ExecsLastCommand"/>).
    /// </summary>
    public static int ExecInsertionPoint(string commandLine)
    {
        if (commandLine.TrimStart().StartsWith("[", StringComparison.Ordinal))
        {
            return -1; // a JSON array Docker could not read (COPT1200's finding), not a command line
        }
        var last = LastListCommand(commandLine);
        return last is null || last.Words[0].Raw == "exec" ? -1 : last.Words[0].Start;
    }

    /// <summary>True when the shell-form command line ends by exec'ing its last command (<c>exec app</c>, <c>cd /app &amp;&amp; exec app</c>).</summary>
    public static bool ExecsLastCommand(string commandLine) => LastListCommand(commandLine) is { } last && last.Words[0].Raw == "exec";

    private static ShellCommand? LastListCommand(string commandLine)
    {
        var script = ShellScript.Parse(commandLine);
        var commands = script.Commands;
        if (!script.IsComplete || commands.Count == 0)
        {
            return null;
        }
        for (int i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Depth != 0 || command.IsInPipeline || command.Words.Count == 0
                || command.PrecedingOperator is not (ShellOperator.None or ShellOperator.And or ShellOperator.Sequence))
            {
                return null;
            }
        }
        return commands[commands.Count - 1];
    }
}
