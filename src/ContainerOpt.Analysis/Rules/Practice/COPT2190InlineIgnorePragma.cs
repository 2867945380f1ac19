using System.Text.RegularExpressions;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL1001 (off by default, as in hadolint): an inline ignore pragma,
/// <c># hadolint ignore=…</c> or <c># containeropt ignore=…</c>. The file-wide <c>global ignore=</c>
/// forms are not inline and are not reported.
/// </summary>
public sealed class COPT2190InlineIgnorePragma : DockerfileRule
{
    private static readonly Regex Pragma = new(@"^(?:hadolint|containeropt)[ \t]+ignore[ \t]*=[ \t]*\S", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.InlineIgnorePragma;

    public override void Analyze(RuleContext context)
    {
        foreach (var comment in context.Syntax.Comments)
        {
            if (Pragma.IsMatch(comment.Text))
            {
                context.Report(comment.Span, comment.Text);
            }
        }
    }
}
