using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL4003: more than one CMD in a stage. Like hadolint, each CMD after the first is
/// reported (BuildKit's MultipleInstructionsDisallowed reports the earlier ones).
/// </summary>
public sealed class COPT2103SingleCmd : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2103",
        "single-cmd",
        "Only one CMD per stage",
        "This stage already has a CMD on line {0} and only the last CMD takes effect: keep a single CMD.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL4003" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context) =>
        InstructionRuleHelpers.ReportRepeats(context, InstructionKind.Cmd);
}
