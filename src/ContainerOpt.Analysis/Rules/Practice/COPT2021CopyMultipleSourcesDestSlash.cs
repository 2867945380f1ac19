using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3021: COPY of several sources to a destination that does not end with '/' (BuildKit
/// fails that build). ADD is checked too, since BuildKit applies the same requirement. A destination
/// with a variable is checked when its value is known; a Windows destination may end with '\'.
/// </summary>
public sealed class COPT2021CopyMultipleSourcesDestSlash : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyMultipleSourcesDestSlash;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            if (syntax.Kind is not (InstructionKind.Copy or InstructionKind.Add)
                || InstructionFacts.SourcesAndDestination(syntax) is not { } parts || parts.Sources.Count < 2)
            {
                continue;
            }
            string? destination = InstructionFacts.Resolve(context.Model, instruction, parts.Destination.Value);
            if (destination is null || destination.EndsWith('/') || destination.EndsWith('\\'))
            {
                continue;
            }
            context.Report(parts.Destination.Span, syntax.Kind.ToKeyword(), destination);
        }
    }
}
