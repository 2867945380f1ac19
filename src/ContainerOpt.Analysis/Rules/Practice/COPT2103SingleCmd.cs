using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL4003: more than one CMD in a stage. Like hadolint, each CMD after the first is
/// reported (BuildKit's MultipleInstructionsDisallowed reports the earlier ones).
/// </summary>
public sealed class COPT2103SingleCmd : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SingleCmd;

    public override void Analyze(RuleContext context) =>
        context.ReportRepeats(InstructionKind.Cmd);
}
