using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3022: <c>COPY --from</c> that names no earlier stage — a name defined later or not at
/// all, or an index that is not an earlier stage's. A reference with ':', '/' or '@' is an image
/// (<c>--from=nginx:1.27</c>) and is fine; so is a variable whose value is unknown.
/// </summary>
public sealed class COPT2022CopyFromUnknownStage : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyFromUnknownStage;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var reference in stage.References)
            {
                if (reference.Instruction.Kind != InstructionKind.Copy || reference.Flag.Name != "from" || reference.Flag.Value is null)
                {
                    continue;
                }
                string? name = InstructionFacts.Resolve(context.Model, reference.Instruction, reference.Flag.Value);
                if (name is null || name.Length == 0 || name.IndexOfAny(ImageCharacters) >= 0)
                {
                    continue;
                }
                bool isIndex = name.All(char.IsDigit);
                // A name may be this stage's own (DL3023's case); an index must be an earlier stage's.
                var target = context.Model.FindStage(name, isIndex ? stage.Index : stage.Index + 1);
                if (target is null)
                {
                    context.Report(reference.Flag.Span, name);
                }
            }
        }
    }

    private static readonly char[] ImageCharacters = { ':', '/', '@' };
}
