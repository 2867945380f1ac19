using ContainerOpt.Analysis.Shell;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// Writes the CMD or ENTRYPOINT in exec form when the shell does nothing for it (<see cref="ExecFormFix"/>); when the shell
/// does (variables, <c>&amp;&amp;</c>), puts <c>exec</c> before its last command instead, as the message says, so the
/// expansion stays and the command gets the signals.
/// </summary>
public sealed class COPT1106JsonArgsRecommendedFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.JsonArgsRecommended;

    public override CodeFix? Fix(FixContext context)
    {
        if (context.InstructionAt(context.Finding.Span.Start) is not { } instruction)
        {
            return null;
        }
        if (ExecFormFix.Fix(context, instruction) is { } execForm)
        {
            return execForm;
        }
        var syntax = instruction.Syntax;
        if (syntax.IsJsonForm || syntax.HasErrors || instruction.Stage is not { } stage || context.Facts.IsWindows(stage)
            || ShellFacts.ExecInsertionPoint(syntax.ArgumentText.Value) is not (>= 0 and var at))
        {
            return null;
        }
        return context.Offer($"Put exec before the command of {syntax.Kind.ToKeyword()}", context.Insert(syntax.MapArgumentText(at, 0).Start, "exec "));
    }
}
