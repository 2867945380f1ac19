using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// Moves a lone index update into the RUN that installs after it: the update's RUN (one line, one command) is deleted and
/// the install's command line starts with the update and <c>&amp;&amp;</c>. Only when that install is the next RUN of the
/// stage, nothing but ENV, ARG, LABEL or EXPOSE stands between them (a COPY of a sources list or a USER would change what the
/// update sees), both RUNs have the same flags, and the install's command line is an <c>&amp;&amp;</c> chain (so a failed
/// update still fails the build). Comments above the deleted RUN stay.
/// </summary>
public sealed class COPT3005AptUpdateAloneFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptUpdateAlone;

    public override CodeFix? Fix(FixContext context)
    {
        var step = context.StepAt(context.Finding.Span.Start);
        if (step is null || step.IsOnbuild || step.Run.IsJsonForm || step.Run.Heredocs.Count > 0 || step.Commands.Count != 1
            || step.Instruction.Stage is not { } stage || step.Instruction.Syntax.EndLine != step.Instruction.Syntax.StartLine
            || step.CallAt(step.Commands[0]) is not { Op: PackageOp.Update } update)
        {
            return null;
        }
        int index = -1;
        for (int i = 0; i < stage.Instructions.Count; i++)
        {
            if (ReferenceEquals(stage.Instructions[i], step.Instruction))
            {
                index = i;
            }
        }
        RunStep? install = null;
        for (int i = index + 1; i < stage.Instructions.Count && install is null; i++)
        {
            var next = stage.Instructions[i];
            if (next.Kind == InstructionKind.Run)
            {
                install = context.Facts.RunSteps.Find(next);
                break;
            }
            if (next.Kind is not (InstructionKind.Env or InstructionKind.Arg or InstructionKind.Label or InstructionKind.Expose))
            {
                return null;
            }
        }
        if (install is null || install.Run.IsJsonForm || install.Run.Heredocs.Count > 0 || install.Scripts.Count != 1 || !install.IsPosix
            || !install.Calls.Any(c => c is { Op: PackageOp.Install } call && call.Manager == update.Manager)
            || Flags(install.Run) != Flags(step.Run)
            || !install.Scripts[0].Script.Commands.All(c => c.Depth > 0 || c.PrecedingOperator is ShellOperator.None or ShellOperator.And or ShellOperator.Pipe))
        {
            return null;
        }
        string updateText = context.Source.GetText(step.Scripts[0].SpanOf(update.Command));
        if (updateText.IndexOf('\n') >= 0)
        {
            return null;
        }
        return context.Offer($"Run '{update.Display}' in the RUN that installs",
            context.Delete(context.WholeLines(step.Instruction.Syntax)),
            context.Insert(install.Instruction.Syntax.ArgumentText.Span.Start, updateText + " && "));
    }

    private static string Flags(InstructionSyntax run) => string.Join(" ", run.Flags.Select(f => f.Raw).OrderBy(f => f, StringComparer.Ordinal));
}
