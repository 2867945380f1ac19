using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's LegacyKeyValueFormat: <c>ENV key value</c> or <c>LABEL key value</c> without '='.</summary>
public sealed class COPT1112LegacyKeyValueFormat : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LegacyKeyValueFormat;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            foreach (var instruction in stage.Instructions)
            {
                var syntax = instruction.Syntax;
                if (syntax.Kind is not (InstructionKind.Env or InstructionKind.Label))
                {
                    continue;
                }
                foreach (var pair in syntax.KeyValues)
                {
                    if (pair.IsLegacyForm)
                    {
                        context.Report(pair.Key.Span, syntax.Keyword.Value, pair.Key.Value, Quote(pair.Value.Value));
                    }
                }
            }
        }
    }

    private static string Quote(string value)
    {
        bool quoted = value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[value.Length - 1] == value[0];
        if (quoted || value.IndexOfAny(new[] { ' ', '\t' }) < 0)
        {
            return value;
        }
        return "\"" + value.Replace("\"", "\\\"") + "\"";
    }
}
