using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3000: WORKDIR with a relative path. Absolute means starting with '/', a Windows
/// drive (<c>C:\</c>, <c>C:/</c>) or a variable (<c>$HOME</c>, whose value is not known here);
/// quotes around the path are ignored. <c>ONBUILD WORKDIR</c> is checked too.
/// </summary>
public sealed class COPT2000WorkdirAbsolutePath : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2000",
        "workdir-absolute-path",
        "Use an absolute WORKDIR",
        "WORKDIR '{0}' is relative to whatever WORKDIR the base image set: use an absolute path (WORKDIR /app).",
        DiagnosticSeverity.Error,
        RuleCategories.Practice,
        new[] { "DL3000" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            var syntax = instruction.Syntax.Effective;
            if (syntax.Kind != InstructionKind.Workdir)
            {
                continue;
            }
            var token = syntax.Arguments.Count > 0 ? syntax.Arguments[0] : syntax.ArgumentText;
            string path = InstructionRuleHelpers.DropQuotes(token.Value);
            if (path.Length == 0 || path.StartsWith('$') || path.StartsWith('/') || InstructionRuleHelpers.IsWindowsAbsolute(path))
            {
                continue;
            }
            context.Report(token.Span, path);
        }
    }
}
