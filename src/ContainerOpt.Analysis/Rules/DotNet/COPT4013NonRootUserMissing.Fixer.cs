using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Adds <c>USER $APP_UID</c> (the non-root user of the .NET 8+ images) to the final stage: after its last RUN, so every
/// command that installs still runs as root, and before the ENTRYPOINT/CMD that follows it (or at the stage's end).
/// </summary>
public sealed class COPT4013NonRootUserMissingFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NonRootUserMissing;

    public override CodeFix? Fix(FixContext context)
    {
        if (context.Model.FinalStage is not { IsImplicit: false } final)
        {
            return null;
        }
        string user = context.Keyword("USER", final.From) + " $APP_UID";
        var instructions = final.Instructions;
        int lastRun = -1;
        for (int i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].Syntax.Effective.Kind == InstructionKind.Run)
            {
                lastRun = i;
            }
        }
        for (int i = lastRun + 1; i < instructions.Count; i++)
        {
            if (instructions[i].Kind is InstructionKind.Entrypoint or InstructionKind.Cmd)
            {
                return context.Offer("Run the app as the non-root user app", context.InsertLine(user, before: instructions[i].Syntax));
            }
        }
        var after = instructions.Count > 0 ? instructions[instructions.Count - 1].Syntax : final.From.Syntax;
        return context.Offer("Run the app as the non-root user app", context.InsertLine(user, before: null, after: after));
    }
}
