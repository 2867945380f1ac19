using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// Lower-cases the stage name, and with it every reference to the stage that is written in another case (a later
/// <c>FROM name</c>, <c>COPY --from=name</c>, <c>RUN --mount=from=name</c>): BuildKit matches them case-insensitively, so
/// the build is the same, and the file then names the stage one way.
/// </summary>
public sealed class COPT1100StageNameCasingFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.StageNameCasing;

    public override CodeFix? Fix(FixContext context)
    {
        var stage = context.Model.Stages.FirstOrDefault(s => s.NameToken is { } token && token.Span == context.Finding.Span);
        if (stage?.NameToken is not { } name || name.Value.IndexOfAny(new[] { '$', '"', '\'' }) >= 0)
        {
            return null;
        }
        string lower = name.Value.ToLowerInvariant();
        var edits = new List<FixEdit?> { context.Replace(name.Span, lower) };
        foreach (var other in context.Model.Stages)
        {
            if (other.BaseStage == stage && other.BaseToken is { } baseToken && baseToken.Value != lower
                && string.Equals(baseToken.Value, name.Value, StringComparison.OrdinalIgnoreCase))
            {
                edits.Add(context.Replace(baseToken.Span, lower));
            }
            foreach (var reference in other.References)
            {
                if (reference.Target == stage && Reference(context, reference.Flag, name.Value) is { } span)
                {
                    edits.Add(context.Replace(span, lower));
                }
            }
        }
        return context.Offer($"Name the stage '{lower}'", edits);
    }

    /// <summary>Where a flag's source names the stage in another case (<c>--from=Build</c>, <c>from=Build</c> in a mount), or null.</summary>
    private static TextSpan? Reference(FixContext context, InstructionFlag flag, string name)
    {
        string raw = context.Source.GetText(flag.Span);
        foreach (var prefix in new[] { "--from=", "from=" })
        {
            int at = raw.IndexOf(prefix + name, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                int start = at + prefix.Length, end = start + name.Length;
                bool whole = end == raw.Length || raw[end] is ',' or ' ';
                bool begins = prefix == "--from=" ? at == 0 : at == 0 || raw[at - 1] is ',' or '=';
                if (whole && begins && raw.Substring(start, name.Length) != name.ToLowerInvariant())
                {
                    return new TextSpan(flag.Span.Start + start, name.Length);
                }
                at = raw.IndexOf(prefix + name, at + 1, StringComparison.OrdinalIgnoreCase);
            }
        }
        return null;
    }
}
