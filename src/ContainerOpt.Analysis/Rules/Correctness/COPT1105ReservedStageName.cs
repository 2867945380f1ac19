using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's ReservedStageName (hadolint DL3063): a stage named <c>scratch</c> or <c>context</c>.</summary>
public sealed class COPT1105ReservedStageName : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT1105",
        "reserved-stage-name",
        "Reserved words should not be used as stage names",
        "Stage name should not use the same name as reserved stage \"{0}\": choose another name, such as '{0}-stage'.",
        DiagnosticSeverity.Warning,
        RuleCategories.Correctness,
        new[] { "ReservedStageName", "DL3063" });

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "scratch", "context" };

    public override DiagnosticDescriptor Descriptor => Rule;

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
