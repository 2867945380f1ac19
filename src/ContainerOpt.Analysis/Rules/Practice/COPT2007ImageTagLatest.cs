using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3007: FROM an image tagged <c>latest</c>. An image also pinned by digest
/// (<c>debian:latest@sha256:…</c>) is not reported: the digest fixes it.
/// </summary>
public sealed class COPT2007ImageTagLatest : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ImageTagLatest;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var token = stage.BaseToken;
            if (token is null || stage.BaseStage is not null)
            {
                continue;
            }
            string? reference = InstructionFacts.Resolve(context.Model, stage.From, token.Value);
            if (reference is null)
            {
                continue;
            }
            // The stage's base as the file's facts parsed it, when it is this reference (a FROM without variables): no second parse.
            var image = reference == stage.BaseName ? context.Facts.ImageReferenceOf(stage) : ImageReference.Parse(reference);
            if (image is null || image.Tag != "latest" || image.Digest is not null)
            {
                continue;
            }
            // Point at the tag itself when it is written out in the FROM line.
            var written = token.Value == reference ? image : ImageReference.Parse(token.Value);
            var span = written?.Tag == "latest" ? InstructionFacts.SubSpan(token, written!.TagStart, 6) : token.Span;
            context.Report(span, reference);
        }
    }
}
