using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.ShellCheck;

/// <summary>The shell ShellCheck checks a script for (its <c>--shell</c>, or the <c>shell=</c> directive).</summary>
public enum ShellCheckDialect
{
    Sh,
    Bash,
    Dash,
    Ksh,

    /// <summary>BusyBox's ash (Alpine's /bin/sh and /bin/ash): ShellCheck 0.10+ knows it, older ones check it as dash.</summary>
    Busybox,
}

public static class ShellCheckDialects
{
    /// <summary>
    /// The dialect of a shell program (<c>/bin/bash</c>, <c>sh</c>, <c>ash.exe</c>), from its base name; for
    /// <c>env</c> and <c>busybox</c>, from the program they start. Null for a program ShellCheck cannot check
    /// (zsh, fish, PowerShell, cmd, python…).
    /// </summary>
    public static ShellCheckDialect? Of(IReadOnlyList<string> commandLine) => Of(commandLine, out _);

    /// <summary>As <see cref="Of(IReadOnlyList{string})"/>; <paramref name="programIndex"/> is where the shell itself stands (its options follow).</summary>
    public static ShellCheckDialect? Of(IReadOnlyList<string> commandLine, out int programIndex)
    {
        int i = ShellFacts.ProgramIndex(commandLine); // #!/usr/bin/env bash, env -i PATH=/bin bash: past env
        if (i >= commandLine.Count)
        {
            programIndex = -1;
            return null;
        }
        programIndex = i;
        switch (ShellFacts.ProgramName(commandLine[i]))
        {
            case "sh": case "posix": return ShellCheckDialect.Sh;
            case "bash": return ShellCheckDialect.Bash;
            case "dash": return ShellCheckDialect.Dash;
            case "ash": return ShellCheckDialect.Busybox;
            case "ksh": case "ksh88": case "ksh93": case "mksh": case "pdksh": case "oksh": case "lksh": return ShellCheckDialect.Ksh;
            case "busybox":
                // busybox sh, busybox ash: BusyBox's ash either way.
                programIndex = i + 1;
                return i + 1 < commandLine.Count && ShellFacts.IsBusyboxShellApplet(ShellFacts.ProgramName(commandLine[i + 1])) ? ShellCheckDialect.Busybox : null;
            default:
                return null;
        }
    }

    /// <summary>The name ShellCheck takes (<c>shell=busybox</c> only from 0.10.0; ash is checked as dash before).</summary>
    public static string DirectiveName(this ShellCheckDialect dialect, Version shellCheckVersion) => dialect switch
    {
        ShellCheckDialect.Bash => "bash",
        ShellCheckDialect.Dash => "dash",
        ShellCheckDialect.Ksh => "ksh",
        ShellCheckDialect.Busybox => shellCheckVersion >= ShellCheckTool.BusyboxVersion ? "busybox" : "dash",
        _ => "sh",
    };

    /// <summary>True for the shells that have no bash extensions (ShellCheck's portability checks apply).</summary>
    public static bool IsPosixOnly(this ShellCheckDialect dialect) => dialect is ShellCheckDialect.Sh or ShellCheckDialect.Dash or ShellCheckDialect.Busybox;
}
