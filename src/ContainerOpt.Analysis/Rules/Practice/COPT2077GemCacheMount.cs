using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3077: <c>gem install</c>, <c>bundle install</c> or <c>bundle update</c> without a cache mount on gem's
/// download cache (a target with <c>.gem</c> or <c>bundle</c> in it).
/// Reported once per RUN (ONBUILD RUN included), at the first such command; a cache or tmpfs mount whose target holds
/// the cache (see <see cref="DependencyCaches.GemCache"/>) is fine.
/// </summary>
public sealed class COPT2077GemCacheMount : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.GemCacheMount;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            if (DependencyCaches.GemCache.FirstUnmountedUse(run) is { } use)
            {
                context.Report(use.At.NameSpan, use.Use);
            }
        }
    }
}
