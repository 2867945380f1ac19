using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// A cleanup in a later RUN than the step that made what it removes: package-manager caches and
/// lists (<c>apt-get clean</c>, <c>rm -rf /var/lib/apt/lists/*</c>, <c>yum clean all</c> ...), packages
/// (<c>apt-get purge</c>, <c>apk del</c>, <c>pip uninstall</c>, <c>npm prune</c>) and files a RUN made
/// (<c>git clone</c>, <c>dotnet publish -o</c>, <c>node_modules</c>). Layers only add: the bytes stay
/// in the earlier layer. Only the final stage and the stages it is built on are checked (their
/// layers ship); a build stage's layers never reach the image. Files COPY/ADD or a download put in
/// are COPT3003's.
/// </summary>
public sealed class COPT3001CleanupInLaterLayer : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CleanupInLaterLayer;

    public override void Analyze(RuleContext context)
    {
        // Most files have no such event: look for one before grouping anything.
        var all = context.Facts.Layers.Events;
        List<LayerEvent>? cleanups = null;
        for (int i = 0; i < all.Count; i++)
        {
            var e = all[i];
            if (e.Kind == LayerEventKind.LaterLayerCleanup && context.Facts.ShipsLayersOf(e.Stage))
            {
                (cleanups ??= new List<LayerEvent>()).Add(e);
            }
        }
        if (cleanups is null)
        {
            return;
        }
        foreach (var group in cleanups.GroupBy(e => (e.Step, e.ProducerLine, e.Fix)))
        {
            // One finding per RUN and earlier layer: 'apt-get clean' and 'rm -rf /var/lib/apt/lists/*' are one mistake.
            var events = group.ToList();
            var first = events[0];
            string subject = Join(events.Select(e => "'" + e.Cleanup + "'").Distinct().ToList(), out bool plural) + (plural ? " run" : " runs");
            string what = Join(events.Select(e => e.What).Distinct().ToList(), out _);
            context.ReportAs(context.SeverityForImageSize, first.Span, subject, first.Producer, first.ProducerLine, what, first.Fix);
        }
    }

    private static string Join(IReadOnlyList<string> items, out bool plural)
    {
        plural = items.Count > 1;
        return Prose.And(items);
    }
}
