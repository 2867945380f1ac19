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
                if (PlainLocalPath(context.Model, instruction, source.Value) is { } path)
                {
                    context.Report(syntax.Keyword.Span, path);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The source's path when COPY would copy it as ADD does: known (no variable of unknown value), not a URL or git
    /// address, not an archive ADD extracts. Null otherwise. The fixer asks it of every source.
    /// </summary>
    internal static string? PlainLocalPath(Dockerfile.Semantics.DockerfileModel model, Dockerfile.Semantics.StageInstruction instruction, string source)
    {
        string? path = InstructionFacts.Resolve(model, instruction, source);
        return path is null || InstructionFacts.IsArchive(path) || RemoteSources.IsRemote(InstructionFacts.DropQuotes(path)) ? null : path;
    }
}
