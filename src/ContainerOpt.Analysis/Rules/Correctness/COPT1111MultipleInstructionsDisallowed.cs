using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's MultipleInstructionsDisallowed (hadolint DL4003, DL4004, DL3012): more than one CMD,
/// ENTRYPOINT or HEALTHCHECK in a stage. Like BuildKit, each earlier one is reported, since it is the
/// one that has no effect. A stage built on another stage starts afresh.
/// </summary>
public sealed class COPT1111MultipleInstructionsDisallowed : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.MultipleInstructionsDisallowed;

    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2103", "COPT2104", "COPT2012" };

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            // The previous instruction of each of the three kinds: three locals, not a dictionary per stage.
            StageInstruction? cmd = null, entrypoint = null, healthcheck = null;
            foreach (var instruction in stage.Instructions)
            {
                switch (instruction.Kind)
                {
                    case InstructionKind.Cmd:
                        Check(context, ref cmd, instruction, CmdEquivalents);
                        break;
                    case InstructionKind.Entrypoint:
                        Check(context, ref entrypoint, instruction, EntrypointEquivalents);
                        break;
                    case InstructionKind.Healthcheck:
                        Check(context, ref healthcheck, instruction, HealthcheckEquivalents);
                        break;
                }
            }
        }
    }

    // The finding's names: BuildKit's and the hadolint rule for the kind (one array each, not one per finding).
    private static readonly string[] CmdEquivalents = { "MultipleInstructionsDisallowed", "DL4003" };
    private static readonly string[] EntrypointEquivalents = { "MultipleInstructionsDisallowed", "DL4004" };
    private static readonly string[] HealthcheckEquivalents = { "MultipleInstructionsDisallowed", "DL3012" };

    /// <summary>Reports the previous instruction of the kind (it is overridden by this one), then remembers this one.</summary>
    private static void Check(RuleContext context, ref StageInstruction? previous, StageInstruction instruction, string[] equivalents)
    {
        if (previous is { } earlier)
        {
            context.ReportWith(earlier.Syntax.Keyword.Span, equivalents, instruction.Syntax.Keyword.Value, instruction.Syntax.StartLine);
        }
        previous = instruction;
    }
}
