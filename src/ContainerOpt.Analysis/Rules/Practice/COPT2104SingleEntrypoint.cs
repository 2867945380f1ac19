using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL4004: more than one ENTRYPOINT in a stage. Like hadolint, each ENTRYPOINT after the
/// first is reported (BuildKit's MultipleInstructionsDisallowed reports the earlier ones).
/// </summary>
public sealed class COPT2104SingleEntrypoint : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2104",
        "single-entrypoint",
        "Only one ENTRYPOINT per stage",
        "This stage already has an ENTRYPOINT on line {0} and only the last ENTRYPOINT takes effect: keep a single ENTRYPOINT.",
        DiagnosticSeverity.Error,
        RuleCategories.Practice,
        new[] { "DL4004" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context) =>
        InstructionRuleHelpers.ReportRepeats(context, InstructionKind.Entrypoint);
}
