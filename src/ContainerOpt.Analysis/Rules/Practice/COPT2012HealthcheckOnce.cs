using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3012: more than one HEALTHCHECK in a stage. Like hadolint, each HEALTHCHECK after
/// the first is reported (BuildKit's MultipleInstructionsDisallowed reports the earlier ones).
/// </summary>
public sealed class COPT2012HealthcheckOnce : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.HealthcheckOnce;

    public override void Analyze(RuleContext context) =>
        context.ReportRepeats(InstructionKind.Healthcheck);
}
