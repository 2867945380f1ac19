using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>BuildKit's DuplicateStageName and hadolint's DL3024: two stages with the same name (compared lower-cased).</summary>
public sealed class COPT1104DuplicateStageName : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DuplicateStageName;

    public override void Analyze(RuleContext context)
    {
        // The earlier stages are scanned, not put in a dictionary per file: a file has a few stages.
        var stages = context.Model.Stages;
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            if (stage.Name is null || stage.NameToken is null)
            {
                continue;
            }
            if (FirstNamed(stages, s, stage.Name) is { } first)
            {
                context.Report(stage.NameToken.Span, stage.Name, first.From.Syntax.StartLine.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The first stage before <paramref name="before"/> with the name, or null.</summary>
    private static Stage? FirstNamed(ArrayView<Stage> stages, int before, string name)
    {
        for (int s = 0; s < before; s++)
        {
            if (stages[s].NameToken is not null && string.Equals(stages[s].Name, name, StringComparison.Ordinal))
            {
                return stages[s];
            }
        }
        return null;
    }
}
