using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3025: CMD or ENTRYPOINT in shell form (also inside ONBUILD). Unlike BuildKit's
/// JSONArgsRecommended, hadolint reports it even when a SHELL instruction is in force.
/// </summary>
public sealed class COPT2025JsonCmdEntrypoint : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.JsonCmdEntrypoint;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            if (syntax.Kind is not (InstructionKind.Cmd or InstructionKind.Entrypoint) || syntax.IsJsonForm || syntax.ArgumentText.Value.Length == 0)
            {
                continue;
            }
            context.Report(syntax.ArgumentText.Span, syntax.Kind.ToKeyword());
        }
    }
}
