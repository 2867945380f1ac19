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
        // Which stages have a HEALTHCHECK, by position (a few stages: an array, no set of stages).
        var withHealthcheck = new bool[stages.Count];
        for (int i = 0; i < stages.Count; i++)
        {
            withHealthcheck[i] = HasHealthcheck(stages[i]);
        }
        for (int i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (!HasHealthcheck(stages, withHealthcheck, stage))
            {
                context.Report(stage.BaseToken?.Span ?? stage.From.Syntax.Keyword.Span, stage.DisplayName);
            }
        }
    }

    /// <summary>True when the stage or a stage it builds on has a HEALTHCHECK, or a stage built on it has one.</summary>
    private static bool HasHealthcheck(IReadOnlyList<Stage> stages, bool[] withHealthcheck, Stage stage)
    {
        var chain = stage.Chain;
        for (int i = 0; i < chain.Count; i++)
        {
            if (withHealthcheck[chain[i].Position])
            {
                return true;
            }
        }
        for (int d = 0; d < stages.Count; d++)
        {
            if (!withHealthcheck[d])
            {
                continue;
            }
            // stages[d] builds on the stage: the stage is in its chain before its last element (itself).
            var descendantChain = stages[d].Chain;
            for (int i = 0; i < descendantChain.Count - 1; i++)
            {
                if (ReferenceEquals(descendantChain[i], stage))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool HasHealthcheck(Stage stage)
    {
        var instructions = stage.Instructions;
        for (int i = 0; i < instructions.Count; i++)
        {
            if (instructions[i].Syntax.Kind == InstructionKind.Healthcheck)
            {
                return true;
            }
        }
        return false;
    }
}
