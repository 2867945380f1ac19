using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// A file or folder that COPY or ADD put into the image (or that <c>curl -o</c>, <c>curl -O</c>,
/// <c>wget</c> or <c>ADD &lt;url&gt;</c> downloaded) and that a later RUN deletes. Reported at the path
/// the <c>rm</c> names. A path inside a copied folder counts only when nothing else can have made it:
/// not inside a system folder the base image fills, not after another command of the same RUN, not a
/// build folder (bin, obj, node_modules ...) when a RUN ran in between. Only the final stage and the
/// stages it is built on are checked (their layers ship).
/// </summary>
public sealed class COPT3003AddedThenDeleted : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AddedThenDeleted;

    public override void Analyze(RuleContext context)
    {
        var events = context.Facts.Layers.Events;
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind == LayerEventKind.AddedThenDeleted && context.Facts.ShipsLayersOf(e.Stage))
            {
                context.ReportAs(context.SeverityForImageSize, e.Span, e.What, e.How, e.ProducerLine, e.Fix);
            }
        }
    }
}
