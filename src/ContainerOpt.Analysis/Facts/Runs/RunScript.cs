using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// A shell script that a RUN executes — its shell-form command line, its exec-form arguments, or
/// a heredoc body run by the shell — parsed once, with the way back to exact source spans.
/// </summary>
public sealed class RunScript
{
    /// <summary>
    /// How a heredoc body or an exec form maps back to the source: the <see cref="HeredocSyntax"/> whose body this script is
    /// (mapped by its body's start), the exec form's delegate, or null for the RUN's command line (most scripts, mapped by
    /// <see cref="InstructionSyntax.MapArgumentText"/>). One field, and no delegate or holder object per heredoc.
    /// </summary>
    private readonly object? _elsewhere;

    internal RunScript(StageInstruction instruction, ShellScript script, HeredocSyntax? heredoc,
        ShellSettings shell, Func<int, int, TextSpan>? map)
    {
        Instruction = instruction;
        Script = script;
        Shell = shell;
        _elsewhere = (object?)heredoc ?? map;
    }

    /// <summary>The instruction in its stage (for <c>ONBUILD RUN</c>, the ONBUILD).</summary>
    public StageInstruction Instruction { get; }

    /// <summary>The RUN itself (inside ONBUILD when <see cref="IsOnbuild"/>).</summary>
    public InstructionSyntax Run => Instruction.Syntax.Effective;

    public ShellScript Script { get; }

    /// <summary>The heredoc whose body this script is, or null for the command line.</summary>
    public HeredocSyntax? Heredoc => _elsewhere as HeredocSyntax;

    /// <summary>The SHELL in force for this RUN.</summary>
    public ShellSettings Shell { get; }

    public bool IsOnbuild => !ReferenceEquals(Instruction.Syntax, Run);

    /// <summary>False under a PowerShell or cmd SHELL: POSIX shell rules do not apply.</summary>
    public bool IsPosix => Shell.IsPosix;

    /// <summary>The source span of script characters [start, end).</summary>
    public TextSpan SpanOf(int start, int end) => Map(start, end);

    public TextSpan SpanOf(ShellWord word) => Map(word.Start, word.End);

    // The command line needs no delegate of its own: one fewer object per RUN.
    private TextSpan Map(int start, int end) => _elsewhere switch
    {
        null => Run.MapArgumentText(start, end - start),
        HeredocSyntax heredoc => TextSpan.FromBounds(heredoc.BodySpan.Start + start, heredoc.BodySpan.Start + Math.Max(start, end)),
        var map => ((Func<int, int, TextSpan>)map)(start, end),
    };

    /// <summary>From the program name to the last argument.</summary>
    public TextSpan SpanOf(ShellCommand command)
    {
        var name = command.NameWord;
        int start = name?.Start ?? command.Start;
        return Map(start, Math.Max(start, command.End));
    }

    /// <summary>Just the program name (<c>apt-get</c>), the usual place to point at.</summary>
    public TextSpan NameSpanOf(ShellCommand command)
    {
        var name = command.NameWord;
        return name is null ? SpanOf(command) : Map(name.Start, name.End);
    }

    public override string ToString() => Script.Text;
}

/// <summary>The SHELL instruction in force (default <c>["/bin/sh", "-c"]</c>).</summary>
public sealed class ShellSettings
{
    public static ShellSettings Default { get; } = new(new[] { "/bin/sh", "-c" }, null);

    public ShellSettings(IReadOnlyList<string> arguments, InstructionSyntax? instruction)
    {
        Arguments = arguments;
        Instruction = instruction;
        Program = arguments.Count > 0 ? ShellFacts.ProgramName(arguments[0]) : "sh";
        IsPosix = !ShellFacts.IsWindowsShell(Program); // asked of every RUN by every rule
        SupportsPipefail = ShellFacts.SupportsPipefail(Program) // busybox sh and busybox ash are its ash, which has pipefail
            || (Program == "busybox" && arguments.Count > 1 && ShellFacts.IsBusyboxShellApplet(ShellFacts.ProgramName(arguments[1])));
    }

    /// <summary>The SHELL's JSON arguments, e.g. <c>["/bin/bash", "-o", "pipefail", "-c"]</c>.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The SHELL instruction, or null for the default shell.</summary>
    public InstructionSyntax? Instruction { get; }

    /// <summary>Base name of the shell program, lower case, without .exe (<c>bash</c>, <c>pwsh</c>, <c>cmd</c>).</summary>
    public string Program { get; }

    public bool IsPosix { get; }

    /// <summary>True when the shell is one where <c>set -o pipefail</c> exists (bash, zsh, ash, ksh, mksh, <c>busybox sh</c>; not dash/sh).</summary>
    public bool SupportsPipefail { get; }

    /// <summary>True when SHELL itself turns on pipefail (<c>-o pipefail</c>, <c>-eo pipefail</c>...).</summary>
    public bool HasPipefail
    {
        get
        {
            for (int i = 0; i + 1 < Arguments.Count; i++)
            {
                string a = Arguments[i];
                if (a.StartsWith("-", StringComparison.Ordinal) && a.EndsWith("o", StringComparison.Ordinal) && Arguments[i + 1] == "pipefail")
                {
                    return true;
                }
            }
            return false;
        }
    }
}
