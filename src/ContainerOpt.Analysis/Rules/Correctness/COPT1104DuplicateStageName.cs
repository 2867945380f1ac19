using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's DuplicateStageName and hadolint's DL3024: two stages with the same name (compared lower-cased).</summary>
public sealed class COPT1104DuplicateStageName : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DuplicateStageName;

    public override void Analyze(RuleContext context)
    {
        var seen = new Dictionary<string, Stage>(StringComparer.Ordinal);
        foreach (var stage in context.Model.Stages)
        {
            if (stage.Name is null || stage.NameToken is null)
            {
                continue;
            }
            if (seen.TryGetValue(stage.Name, out var first))
            {
                context.Report(stage.NameToken.Span, stage.Name, first.From.Syntax.StartLine.ToString(CultureInfo.InvariantCulture));
                continue;
            }
            seen[stage.Name] = stage;
        }
    }
}
