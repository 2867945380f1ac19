using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's MaintainerDeprecated and hadolint's DL4000: the MAINTAINER instruction.</summary>
public sealed class COPT1107MaintainerDeprecated : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT1107",
        "maintainer-deprecated",
        "The MAINTAINER instruction is deprecated, use a label instead to define an image author",
        "Maintainer instruction is deprecated in favor of using label: write LABEL org.opencontainers.image.authors=\"{0}\" instead.",
        DiagnosticSeverity.Warning,
        RuleCategories.Correctness,
        new[] { "MaintainerDeprecated", "DL4000" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Syntax.Instructions)
        {
            if (instruction.Kind != InstructionKind.Maintainer)
            {
                continue;
            }
            string author = instruction.ArgumentText.Value.Trim().Trim('"').Replace("\"", "\\\"");
            context.Report(instruction.Keyword.Span, author);
        }
    }
}
