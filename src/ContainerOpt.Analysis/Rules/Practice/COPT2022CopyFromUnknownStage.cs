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
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2022",
        "copy-from-unknown-stage",
        "COPY --from should reference a previously defined stage",
        "COPY --from={0} names no earlier stage: define it before this COPY (FROM <image> AS {0}), or name an image with a tag (--from={0}:<tag>).",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3022" });

    public override DiagnosticDescriptor Descriptor => Rule;

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
                string? name = InstructionRuleHelpers.Resolve(context.Model, reference.Instruction, reference.Flag.Value);
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
