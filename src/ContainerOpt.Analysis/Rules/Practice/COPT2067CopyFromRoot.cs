using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3067: <c>COPY --from=x / /</c>, copying the whole filesystem of another stage or image
/// onto the root. Copying <c>/</c> into a subdirectory, or a directory onto <c>/</c>, is fine.
/// </summary>
public sealed class COPT2067CopyFromRoot : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyFromRoot;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax;
            var from = syntax.Kind == InstructionKind.Copy ? syntax.FindFlag("from") : null;
            if (from?.Value is null || InstructionFacts.SourcesAndDestination(syntax) is not { } parts
                || InstructionFacts.DropQuotes(parts.Destination.Value) != "/")
            {
                continue;
            }
            var root = parts.Sources.FirstOrDefault(s => InstructionFacts.DropQuotes(s.Value) == "/");
            if (root is not null)
            {
                context.Report(root.Span, from.Value);
            }
        }
    }
}
