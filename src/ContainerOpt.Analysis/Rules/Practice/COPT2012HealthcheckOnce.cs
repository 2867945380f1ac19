using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3012: more than one HEALTHCHECK in a stage. Like hadolint, each HEALTHCHECK after
/// the first is reported (BuildKit's MultipleInstructionsDisallowed reports the earlier ones).
/// </summary>
public sealed class COPT2012HealthcheckOnce : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2012",
        "healthcheck-once",
        "Only one HEALTHCHECK per stage",
        "This stage already has a HEALTHCHECK on line {0} and only the last one takes effect: keep a single HEALTHCHECK.",
        DiagnosticSeverity.Error,
        RuleCategories.Practice,
        new[] { "DL3012" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context) =>
        InstructionRuleHelpers.ReportRepeats(context, InstructionKind.Healthcheck);
}
