using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3006: FROM an image without a tag. Not reported: <c>scratch</c>, an earlier stage,
/// an image pinned by digest, and a base that starts with a variable (<c>FROM ${IMAGE}</c>). A
/// variable elsewhere in the reference is expanded when its value is known.
/// </summary>
public sealed class COPT2006ImageTagMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ImageTagMissing;

    public override void Analyze(RuleContext context)
    {
        var stages = context.Model.Stages;
        for (int i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var token = stage.BaseToken;
            if (token is null || stage.BaseStage is not null || token.Value.StartsWith('$'))
            {
                continue;
            }
            string? reference = InstructionFacts.Resolve(context.Model, stage.From, token.Value);
            if (reference is null || reference.Length == 0 || string.Equals(reference, "scratch", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            // Mostly the base the model expanded, which the facts have parsed already.
            var image = reference == stage.BaseName ? context.Facts.ImageReferenceOf(stage) : ImageReference.Parse(reference);
            if (image is { Digest: null, Tag: null })
            {
                context.Report(token.Span, reference);
            }
        }
    }
}
