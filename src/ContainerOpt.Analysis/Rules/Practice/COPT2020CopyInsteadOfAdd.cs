using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3020: ADD of plain files or folders. ADD is only needed for a remote URL (http, https,
/// git) or a local archive it extracts; a source with a variable whose value is unknown is given
/// the benefit of the doubt. Reported once per instruction, at the ADD keyword.
/// </summary>
public sealed class COPT2020CopyInsteadOfAdd : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyInsteadOfAdd;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            if (syntax.Kind != InstructionKind.Add || InstructionFacts.SourcesAndDestination(syntax) is not { } parts)
            {
                continue;
            }
            foreach (var source in parts.Sources)
            {
                string? path = InstructionFacts.Resolve(context.Model, instruction, source.Value);
                if (path is null || InstructionFacts.IsArchive(path) || RemoteSources.IsRemote(InstructionFacts.DropQuotes(path)))
                {
                    continue;
                }
                context.Report(syntax.Keyword.Span, path);
                break;
            }
        }
    }
}
