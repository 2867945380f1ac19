using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3025: CMD or ENTRYPOINT in shell form (also inside ONBUILD). Unlike BuildKit's
/// JSONArgsRecommended, hadolint reports it even when a SHELL instruction is in force. Unlike hadolint, not in Windows stages
/// (as COPT1106): there is no <c>/bin/sh -c</c> and no POSIX signal to lose; nor, as COPT1106, on a shell form that already
/// execs its last command (<c>CMD ./migrate &amp;&amp; exec ./serve</c>): the shell hands its process, and the signals, to it,
/// so the message would be false; nor, as COPT1106, on a shell-form CMD that is only arguments of an exec-form ENTRYPOINT
/// (<see cref="StageFacts.CmdIsProgramArguments"/>).
/// </summary>
public sealed class COPT2025JsonCmdEntrypoint : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.JsonCmdEntrypoint;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            if (syntax.Kind is not (InstructionKind.Cmd or InstructionKind.Entrypoint) || syntax.IsJsonForm || syntax.ArgumentText.Value.Length == 0
                || context.Facts.IsWindows(instruction.Stage) || ShellFacts.ExecsLastCommand(syntax.ArgumentText.Value))
            {
                continue; // on Windows every process gets the shutdown event; an exec'd command gets the signals: the reason does not hold
            }
            if (syntax.Kind == InstructionKind.Cmd && ReferenceEquals(syntax, instruction.Syntax) && instruction.Stage is { } stage
                && StageFacts.CmdIsProgramArguments(stage))
            {
                continue; // as COPT1106: the CMD is only arguments of the exec-form ENTRYPOINT, which is PID 1
            }
            context.Report(syntax.ArgumentText.Span, syntax.Kind.ToKeyword());
        }
    }
}
