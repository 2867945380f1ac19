using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>Joins the RUNs the finding spans into the first with <c>&amp;&amp;</c>, each keeping its lines (<see cref="RunEdits.Join"/>).</summary>
public sealed class COPT3006ConsecutiveRunSameKindFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConsecutiveRunSameKind;

    public override CodeFix? Fix(FixContext context)
    {
        var span = context.Finding.Span;
        var steps = context.Facts.RunSteps.All
            .Where(s => !s.IsOnbuild && s.Instruction.Syntax.Keyword.Span.Start >= span.Start && s.Instruction.Syntax.Keyword.Span.Start < Math.Max(span.End, span.Start + 1))
            .ToList();
        return RunEdits.Join(context, steps) is { } edits ? context.Offer($"Join the {steps.Count} RUNs into one", edits) : null;
    }
}
