using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3051: a label the schema names (whatever its type) is set to an empty value.</summary>
public sealed class COPT2051LabelEmpty : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelEmpty;

    public override void Analyze(RuleContext context)
    {
        var schema = context.Options.LabelSchema;
        if (schema.Count == 0)
        {
            return;
        }
        var seen = new HashSet<(object, string)>();
        foreach (var pair in context.Facts.Labels)
        {
            if (pair.Value is not { Length: 0 } || !schema.ContainsKey(pair.Key) || !seen.Add((pair.Instruction, pair.Key)))
            {
                continue;
            }
            var span = pair.Syntax.Value.Span.Length > 0 ? pair.Syntax.Value.Span : pair.Syntax.Key.Span;
            context.Report(span, pair.Key);
        }
    }
}
