using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3049: a label the schema requires is not set in a stage. A stage is fine when it sets
/// the label (LABEL or ONBUILD LABEL), when it builds on an earlier stage that set it, when a stage
/// built on it sets the label (that stage is the image), or when a later stage only copies files out
/// of it (<c>COPY --from</c>): such stages never become an image without the label.
/// Reported at the FROM of each stage, once per missing label.
/// </summary>
public sealed class COPT2049LabelMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelMissing;

    public override void Analyze(RuleContext context)
    {
        var schema = context.Options.LabelSchema;
        var stages = context.Model.Stages;
        if (schema.Count > 0 && stages.Count > 0)
        {
            Check(context, schema, stages);
        }
    }

    // A method of its own: the lambdas here would make their closure for every file, with a label schema or not (most).
    private static void Check(RuleContext context, IDictionary<string, string> schema, ArrayView<Stage> stages)
    {
        var labelsByStage = new Dictionary<Stage, HashSet<string>>();
        foreach (var pair in context.Facts.Labels)
        {
            var stage = pair.Instruction.Stage;
            if (stage is null)
            {
                continue;
            }
            if (!labelsByStage.TryGetValue(stage, out var set))
            {
                labelsByStage[stage] = set = new HashSet<string>(StringComparer.Ordinal);
            }
            set.Add(pair.Key);
        }
        var copiedFrom = new HashSet<Stage>(stages
            .SelectMany(s => s.References)
            .Where(r => r.Target is not null && r.Instruction.Syntax.Effective.Kind == InstructionKind.Copy)
            .Select(r => r.Target!));

        foreach (var label in schema.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            bool Sets(Stage stage) => labelsByStage.TryGetValue(stage, out var set) && set.Contains(label);
            var labelledByChild = new HashSet<Stage>(stages.Where(s => s.BaseStage is not null && Sets(s)).Select(s => s.BaseStage!));
            var good = new HashSet<Stage>();
            foreach (var stage in stages)
            {
                if (Sets(stage) || (stage.BaseStage is not null && good.Contains(stage.BaseStage)))
                {
                    good.Add(stage);
                    continue;
                }
                if (copiedFrom.Contains(stage) || labelledByChild.Contains(stage))
                {
                    continue;
                }
                var from = stage.From.Syntax;
                context.Report(stage.BaseToken?.Span ?? from.Keyword.Span, label);
            }
        }
    }
}
