using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's FromAsCasing: the <c>AS</c> of <c>FROM … AS name</c> is cased like the FROM keyword.</summary>
public sealed class COPT1101FromAsCasing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.FromAsCasing;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var from = stage.From.Syntax;
            if (from.Arguments.Count != 3 || !string.Equals(from.Arguments[1].Value, "as", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            string keyword = from.Keyword.Value;
            var asToken = from.Arguments[1];
            bool lower = InvariantCase.IsCased(keyword, upperCase: false);
            if (!lower && !InvariantCase.IsCased(keyword, upperCase: true))
            {
                continue; // a mixed-case FROM is ConsistentInstructionCasing's finding
            }
            // The expected form is made only for an AS that is not cased like FROM already (a finding).
            if (!InvariantCase.IsCased(asToken.Value, upperCase: !lower))
            {
                string expected = lower ? asToken.Value.ToLowerInvariant() : asToken.Value.ToUpperInvariant();
                context.Report(asToken.Span, Fixes.FixProperties.Replace(expected), asToken.Value, keyword, expected);
            }
        }
    }
}
