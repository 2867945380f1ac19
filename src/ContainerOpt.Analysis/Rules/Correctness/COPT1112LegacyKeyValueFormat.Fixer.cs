using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// Writes <c>ENV key value</c> (or LABEL) as <c>key=value</c>: the blanks between key and value become <c>=</c>. A value
/// with blanks is put in double quotes, which keeps it one value as the legacy form did; a value that has blanks and
/// also quotes or escapes is left (quoting it would change what it means).
/// </summary>
public sealed class COPT1112LegacyKeyValueFormatFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LegacyKeyValueFormat;

    public override CodeFix? Fix(FixContext context)
    {
        var syntax = context.InstructionAt(context.Finding.Span.Start)?.Syntax;
        var pair = syntax?.KeyValues.FirstOrDefault(p => p.IsLegacyForm && p.Key.Span == context.Finding.Span);
        if (pair is null || syntax!.HasErrors || pair.Value.Span.IsEmpty)
        {
            return null;
        }
        string value = pair.Value.Value;
        bool blanks = value.IndexOfAny(new[] { ' ', '\t' }) >= 0;
        bool quoted = value.Length >= 2 && value[0] is '"' or '\'' && value[value.Length - 1] == value[0] && value.IndexOf(value[0], 1) == value.Length - 1;
        var edits = new List<FixEdit?> { context.Replace(TextSpan.FromBounds(pair.Key.Span.End, pair.Value.Span.Start), "=") };
        if (blanks && !quoted)
        {
            if (value.IndexOfAny(new[] { '"', '\'', '\\', context.Escape }) >= 0)
            {
                return null;
            }
            edits[0] = context.Replace(TextSpan.FromBounds(pair.Key.Span.End, pair.Value.Span.Start), "=\"");
            edits.Add(context.Insert(pair.Value.Span.End, "\""));
        }
        return context.Offer($"Write {syntax.Keyword.Value} {pair.Key.Value}=…", edits);
    }
}
