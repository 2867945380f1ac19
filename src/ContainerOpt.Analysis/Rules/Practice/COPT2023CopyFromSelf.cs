using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3023: <c>COPY --from</c> naming the stage the COPY is in (stage names are case-insensitive).</summary>
public sealed class COPT2023CopyFromSelf : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyFromSelf;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Name is null)
            {
                continue;
            }
            foreach (var reference in stage.References)
            {
                if (reference.Instruction.Kind != InstructionKind.Copy || reference.Flag.Name != "from" || reference.Flag.Value is null)
                {
                    continue;
                }
                string? name = InstructionFacts.Resolve(context.Model, reference.Instruction, reference.Flag.Value);
                if (name is not null && string.Equals(name, stage.Name, StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(reference.Flag.Span, name);
                }
            }
        }
    }
}
