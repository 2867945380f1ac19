using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3075: <c>pnpm install</c> (<c>i</c>), <c>add</c>, <c>fetch</c> or <c>update</c> without a cache mount on the pnpm store.
/// Reported once per RUN (ONBUILD RUN included), at the first such command; a cache or tmpfs mount whose target holds
/// the cache (see <see cref="DependencyCaches.PnpmStore"/>) is fine.
/// </summary>
public sealed class COPT2075PnpmCacheMount : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PnpmCacheMount;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            if (DependencyCaches.PnpmStore.FirstUnmountedUse(run) is { } use)
            {
                context.Report(use.At.NameSpan, use.Use);
            }
        }
    }
}
