using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL4004: more than one ENTRYPOINT in a stage. Like hadolint, each ENTRYPOINT after the
/// first is reported (BuildKit's MultipleInstructionsDisallowed reports the earlier ones).
/// </summary>
public sealed class COPT2104SingleEntrypoint : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SingleEntrypoint;

    public override void Analyze(RuleContext context) =>
        context.ReportRepeats(InstructionKind.Entrypoint);
}
