using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3043: <c>ONBUILD ONBUILD</c>, <c>ONBUILD FROM</c> or <c>ONBUILD MAINTAINER</c>, which
/// BuildKit rejects. Reported at the trigger's keyword, wherever the ONBUILD stands.
/// </summary>
public sealed class COPT2043OnbuildForbiddenTrigger : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.OnbuildForbiddenTrigger;

    public override void Analyze(RuleContext context)
    {
        foreach (var syntax in context.Syntax.Instructions)
        {
            var trigger = syntax.Kind == InstructionKind.Onbuild ? syntax.OnbuildInstruction : null;
            if (trigger is not null && trigger.Kind is InstructionKind.Onbuild or InstructionKind.From or InstructionKind.Maintainer)
            {
                context.Report(trigger.Keyword.Span, trigger.Kind.ToKeyword());
            }
        }
    }
}
