using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's MaintainerDeprecated and hadolint's DL4000: the MAINTAINER instruction.</summary>
public sealed class COPT1107MaintainerDeprecated : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.MaintainerDeprecated;

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
