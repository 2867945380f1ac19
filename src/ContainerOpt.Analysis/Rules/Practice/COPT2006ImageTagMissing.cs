using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3006: FROM an image without a tag. Not reported: <c>scratch</c>, an earlier stage,
/// an image pinned by digest, and a base that starts with a variable (<c>FROM ${IMAGE}</c>). A
/// variable elsewhere in the reference is expanded when its value is known.
/// </summary>
public sealed class COPT2006ImageTagMissing : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2006",
        "image-tag-missing",
        "Always tag the version of an image explicitly",
        "Image '{0}' has no tag, so it means whatever ':latest' is on the day of the build: pin a version ({0}:<version>) or a digest.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3006" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var token = stage.BaseToken;
            if (token is null || stage.BaseStage is not null || token.Value.StartsWith('$'))
            {
                continue;
            }
            string? reference = InstructionRuleHelpers.Resolve(context.Model, stage.From, token.Value);
            if (reference is null || reference.Length == 0 || string.Equals(reference, "scratch", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var image = ImageReference.Parse(reference);
            if (image.Digest is null && image.Tag is null)
            {
                context.Report(token.Span, reference);
            }
        }
    }
}
