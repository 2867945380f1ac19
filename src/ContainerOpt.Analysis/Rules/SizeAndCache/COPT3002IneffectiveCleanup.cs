using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// A cleanup that removes nothing the image would otherwise keep: <c>apt-get clean --dry-run</c>;
/// a cache cleanup with no command before it in its RUN that makes that cache (deleting what lower
/// layers hold never shrinks an image), including one placed before the <c>apt-get update</c> it
/// means to clean up after; a cleanup of one of the RUN's own cache mounts (it never reaches the layer,
/// and emptying it throws the cache away); and <c>rm -f</c> of an absolute path in a stage built from scratch that
/// no earlier step made. Paths that earlier layers of the stage are known to have made are
/// COPT3001's and COPT3003's; other <c>rm</c> calls are left alone (they may remove files for
/// reasons other than size). Every stage is checked.
/// </summary>
public sealed class COPT3002IneffectiveCleanup : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.IneffectiveCleanup;

    public override void Analyze(RuleContext context)
    {
        var events = context.Facts.Layers.Events;
        for (int i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind is LayerEventKind.NothingToClean or LayerEventKind.CleanupBeforeProducer or LayerEventKind.DryRun or LayerEventKind.NeverMade)
            {
                context.Report(e.Span, e.Cleanup, e.Fix);
            }
        }
    }
}
