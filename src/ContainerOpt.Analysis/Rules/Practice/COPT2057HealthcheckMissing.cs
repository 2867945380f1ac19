using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3057 (off by default, as in hadolint): a stage with no HEALTHCHECK, neither its own
/// nor one inherited from the stage it builds on. <c>HEALTHCHECK NONE</c> counts as a decision.
/// Like hadolint, every stage is checked, except a stage that a stage built on it (at any depth)
/// gives a HEALTHCHECK: it is a base for an image that has one. Reported at the stage's base image.
/// </summary>
public sealed class COPT2057HealthcheckMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.HealthcheckMissing;

    public override void Analyze(RuleContext context)
    {
        var stages = context.Model.Stages;
        var withHealthcheck = new HashSet<Stage>(stages.Where(s => InstructionFacts.OfKind(s, InstructionKind.Healthcheck).Any()));
        foreach (var stage in stages)
        {
            bool hasHealthcheck = stage.Chain.Any(withHealthcheck.Contains)
                || stages.Any(d => withHealthcheck.Contains(d) && d.Ancestors.Contains(stage));
            if (!hasHealthcheck)
            {
                context.Report(stage.BaseToken?.Span ?? stage.From.Syntax.Keyword.Span, stage.DisplayName);
            }
        }
    }
}
