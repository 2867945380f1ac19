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
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WorkdirAbsolutePath;

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
            string path = InstructionFacts.DropQuotes(token.Value);
            if (path.Length == 0 || path.StartsWith('$') || path.StartsWith('/') || InstructionFacts.IsWindowsAbsolute(path))
            {
                continue;
            }
            context.Report(token.Span, path);
        }
    }
}
