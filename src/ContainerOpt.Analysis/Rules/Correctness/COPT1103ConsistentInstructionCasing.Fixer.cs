using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>Writes the keyword in the case of the file's majority (the rule decides it and tells the fixer).</summary>
public sealed class COPT1103ConsistentInstructionCasingFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConsistentInstructionCasing;

    public override CodeFix? Fix(FixContext context) =>
        context.Property(FixProperties.Replacement) is { } expected
            ? context.Offer($"Write '{expected}'", context.Replace(context.Finding.Span, expected))
            : null;
}
