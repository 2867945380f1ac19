using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>Writes <c>AS</c> in the case of its FROM (the rule's message names it; it tells the fixer so).</summary>
public sealed class COPT1101FromAsCasingFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.FromAsCasing;

    public override CodeFix? Fix(FixContext context) =>
        context.Property(FixProperties.Replacement) is { } expected
            ? context.Offer($"Write '{expected}'", context.Replace(context.Finding.Span, expected))
            : null;
}
