using ContainerOpt.Analysis.Shell;
using System.Text.RegularExpressions;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's JSONArgsRecommended: CMD or ENTRYPOINT in shell form while no SHELL is in force in the
/// stage (a SHELL in the stage before it, or in a stage it builds on, turns the check off, as in BuildKit).
/// A CMD or ENTRYPOINT that a later one of the same kind in the stage replaces never runs, so its form does not matter
/// (often a line Docker did not join as its author meant: a HEALTHCHECK's <c>CMD</c> after a backtick without <c># escape=`</c>).
/// Windows stages (<see cref="WindowsStages"/>) are not checked: a Windows container has no POSIX signals, <c>docker stop</c>
/// sends every process in it (<c>cmd /S /C</c> and its child alike) the shutdown event. Nor is a shell-form CMD checked when an
/// exec-form ENTRYPOINT that is no shell, wrapper or entrypoint script is in effect (<see cref="StageFacts.CmdIsProgramArguments"/>):
/// the CMD is then only <c>/bin/sh -c …</c> arguments of that program, and no shell runs as PID 1.
/// </summary>
public sealed class COPT1106JsonArgsRecommended : DockerfileRule
{
    private static readonly Regex PlainWords = new(@"^[A-Za-z0-9_./:=@%+,-]+(?:[ \t]+[A-Za-z0-9_./:=@%+,-]+)*$", RegexOptions.CultureInvariant);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.JsonArgsRecommended;

    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2025" };

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            bool? windows = null; // asked at the stage's first CMD or ENTRYPOINT that may be reported: most stages have none
            bool shellSet = stage.AncestorsHave(InstructionKind.Shell);
            var instructions = stage.Instructions;
            for (int index = 0; index < instructions.Count; index++)
            {
                var syntax = instructions[index].Syntax;
                if (syntax.Kind == InstructionKind.Shell)
                {
                    shellSet = true;
                    continue;
                }
                if (shellSet || syntax.Kind is not (InstructionKind.Cmd or InstructionKind.Entrypoint) || syntax.IsJsonForm
                    || ReplacedLater(instructions, index, syntax.Kind))
                {
                    continue;
                }
                windows ??= context.Facts.IsWindows(stage);
                if (windows.Value)
                {
                    break; // the rationale is Linux's PID 1: on Windows every process gets the shutdown event, whatever the form
                }
                string keyword = syntax.Keyword.Value;
                string line = syntax.ArgumentText.Value;
                string command = line.Trim();
                if (ShellFacts.ExecsLastCommand(line))
                {
                    continue; // the shell hands its process to the command: the signals reach it
                }
                if (syntax.Kind == InstructionKind.Cmd && StageFacts.CmdIsProgramArguments(stage))
                {
                    continue; // the exec-form ENTRYPOINT is PID 1 and gets the signals; the CMD is only its arguments
                }
                int execAt = ShellFacts.ExecInsertionPoint(line);
                string fix = PlainWords.IsMatch(command)
                    ? keyword + " [" + string.Join(", ", command.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(w => "\"" + w + "\"")) + "]"
                    : execAt >= 0
                        ? ExecFix(keyword, line.Insert(execAt, "exec ").Trim())
                        : keyword + " [\"executable\", \"param\"] (exec form), or set SHELL explicitly";
                var span = syntax.ArgumentText.Span.IsEmpty ? syntax.Keyword.Span : syntax.ArgumentText.Span;
                context.Report(span, keyword, fix);
            }
        }
    }

    /// <summary>
    /// A command that needs the shell (variables, <c>&amp;&amp;</c>) keeps it: the shell expands, then <c>exec</c> hands its
    /// process, and the signals, to the last command. An exec form of the words would lose the expansion.
    /// </summary>
    private static string ExecFix(string keyword, string withExec) =>
        $"{keyword} {withExec} (the shell expands it, then exec hands the process and its signals to the command), "
        + $"or {keyword} [\"sh\", \"-c\", {ExecFormFix.JsonString(withExec)}]";

    /// <summary>True when an instruction of the same kind follows in the stage: the image keeps only the last one.</summary>
    private static bool ReplacedLater(ArrayView<StageInstruction> instructions, int index, InstructionKind kind)
    {
        for (int later = index + 1; later < instructions.Count; later++)
        {
            if (instructions[later].Syntax.Kind == kind)
            {
                return true;
            }
        }
        return false;
    }
}
