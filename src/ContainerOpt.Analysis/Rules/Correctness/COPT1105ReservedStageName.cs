using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's ReservedStageName: a stage named <c>scratch</c> or <c>context</c>. hadolint has no equivalent: its README once
/// listed DL3063 for this, but its rule and spec DL3063 are "a USER instruction should be specified" (COPT2063).
/// </summary>
public sealed class COPT1105ReservedStageName : DockerfileRule
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "scratch", "context" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ReservedStageName;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Name is not null && stage.NameToken is not null && Reserved.Contains(stage.Name))
            {
                context.Report(stage.NameToken.Span, stage.Name);
            }
        }
    }
}
