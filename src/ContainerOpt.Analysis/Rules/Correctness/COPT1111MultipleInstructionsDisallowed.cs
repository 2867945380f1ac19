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
            var previous = new Dictionary<InstructionKind, StageInstruction>();
            foreach (var instruction in stage.Instructions)
            {
                var kind = instruction.Kind;
                string? hadolint = kind switch
                {
                    InstructionKind.Cmd => "DL4003",
                    InstructionKind.Entrypoint => "DL4004",
                    InstructionKind.Healthcheck => "DL3012",
                    _ => null,
                };
                if (hadolint is null)
                {
                    continue;
                }
                if (previous.TryGetValue(kind, out var earlier))
                {
                    context.ReportWith(earlier.Syntax.Keyword.Span, new[] { "MultipleInstructionsDisallowed", hadolint },
                        instruction.Syntax.Keyword.Value, instruction.Syntax.StartLine);
                }
                previous[kind] = instruction;
            }
        }
    }
}
