using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3063 (off by default, as in hadolint): the final stage sets no USER, neither itself nor a stage it is built
/// on, so the image runs as root unless its base image chose another user. Reported once, at the final stage's base
/// image. An ONBUILD USER does not count (it runs in another build). hadolint is content with a USER in any stage; a
/// USER in a build stage does not change the image's user, so here only the final stage's chain counts. A file without
/// FROM is not checked.
/// </summary>
public sealed class COPT2063UserMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UserMissing;

    public override void Analyze(RuleContext context)
    {
        var final = context.Model.FinalStage;
        if (final is null || final.IsImplicit || context.Facts.ChainHas(final, InstructionKind.User))
        {
            return;
        }
        // Started as root on purpose: the entrypoint drops to another user itself (gosu, su-exec), after what needs root.
        if (final.DropsRootAtStart(context.Facts))
        {
            return;
        }
        context.Report(final.BaseToken?.Span ?? final.From.Syntax.Keyword.Span, final.DisplayName);
    }
}
