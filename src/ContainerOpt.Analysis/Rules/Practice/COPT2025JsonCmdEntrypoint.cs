using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3025: CMD or ENTRYPOINT in shell form (also inside ONBUILD). Unlike BuildKit's
/// JSONArgsRecommended, hadolint reports it even when a SHELL instruction is in force.
/// </summary>
public sealed class COPT2025JsonCmdEntrypoint : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2025",
        "json-cmd-entrypoint",
        "Use JSON notation for CMD and ENTRYPOINT arguments",
        "{0} in shell form runs under '/bin/sh -c', which does not pass signals such as SIGTERM on to the process: write it in JSON form ({0} [\"executable\", \"arg\"]).",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3025" });

    public override DiagnosticDescriptor Descriptor => Rule;

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
