using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3050: with strict labels on, a label the schema does not name. With strict labels and
/// no schema, every label is reported. Once per instruction, at the first such key.
/// </summary>
public sealed class COPT2050LabelSuperfluous : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelSuperfluous;

    public override void Analyze(RuleContext context)
    {
        if (context.Options.StrictLabels)
        {
            Check(context);
        }
    }

    // A method of its own: the lambdas over the schema would make their closure for every file, strict or not.
    private static void Check(RuleContext context)
    {
        var schema = context.Options.LabelSchema;
        foreach (var group in context.Facts.Labels.GroupBy(p => p.Instruction))
        {
            var extra = group.Where(p => !schema.ContainsKey(p.Key)).ToList();
            if (extra.Count == 0)
            {
                continue;
            }
            var names = extra.Select(p => p.Key).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count == 1)
            {
                context.Report(extra[0].Syntax.Key.Span, $"Label '{names[0]}' is", "it");
            }
            else
            {
                context.Report(extra[0].Syntax.Key.Span, "Labels " + string.Join(", ", names.Select(n => "'" + n + "'")) + " are", "them");
            }
        }
    }
}
