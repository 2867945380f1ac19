using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3057 (off by default, as in hadolint): a stage with no HEALTHCHECK, neither its own
/// nor one inherited from the stage it builds on. <c>HEALTHCHECK NONE</c> counts as a decision.
/// Like hadolint, every stage is checked; reported at the stage's base image.
/// </summary>
public sealed class COPT2057HealthcheckMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.HealthcheckMissing;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            bool hasHealthcheck = stage.Chain
                .Any(s => InstructionFacts.OfKind(s, InstructionKind.Healthcheck).Any());
            if (!hasHealthcheck)
            {
                context.Report(stage.BaseToken?.Span ?? stage.From.Syntax.Keyword.Span, stage.DisplayName);
            }
        }
    }
}
