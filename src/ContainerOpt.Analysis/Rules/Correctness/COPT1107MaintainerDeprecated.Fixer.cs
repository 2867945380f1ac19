using System.Text;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// Replaces <c>MAINTAINER name</c> with <c>LABEL org.opencontainers.image.authors="name"</c>, in the keyword's case, the
/// name's surrounding quotes dropped and <c>"</c>, <c>$</c> and the escape character escaped (a label's value is expanded,
/// a MAINTAINER's is not). Not made when the stage already sets that label (the new one would override it), nor for a
/// MAINTAINER written over several lines.
/// </summary>
public sealed class COPT1107MaintainerDeprecatedFixer : DockerfileFixer
{
    private const string AuthorsLabel = "org.opencontainers.image.authors";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.MaintainerDeprecated;

    public override CodeFix? Fix(FixContext context)
    {
        var instruction = context.InstructionAt(context.Finding.Span.Start);
        var syntax = instruction?.Syntax;
        if (syntax is null || syntax.Kind != InstructionKind.Maintainer || syntax.EndLine != syntax.StartLine || instruction!.Stage is not { } stage)
        {
            return null;
        }
        if (context.Facts.Labels.Any(l => l.Key == AuthorsLabel && l.Instruction.Stage is { } s && (stage.Chain.Contains(s) || s.Chain.Contains(stage))))
        {
            return null;
        }
        string author = syntax.ArgumentText.Value.Trim();
        if (author.Length >= 2 && author[0] == '"' && author[author.Length - 1] == '"')
        {
            author = author.Substring(1, author.Length - 2);
        }
        var value = new StringBuilder();
        foreach (char c in author)
        {
            if (c is '"' or '$' || c == context.Escape)
            {
                value.Append(context.Escape);
            }
            value.Append(c);
        }
        string keyword = syntax.Keyword.Value == syntax.Keyword.Value.ToLowerInvariant() ? "label" : "LABEL";
        var span = Dockerfile.Text.TextSpan.FromBounds(syntax.Keyword.Span.Start, syntax.ArgumentText.Span.IsEmpty ? syntax.Keyword.Span.End : syntax.ArgumentText.Span.End);
        return context.Offer("Replace MAINTAINER with the authors label",
            context.Replace(span, $"{keyword} {AuthorsLabel}=\"{value}\""));
    }
}
