using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3071: a Maven build (<c>mvn</c>, <c>mvnw</c>) of a phase that resolves dependencies (<c>compile</c>,
/// <c>test</c>, <c>package</c>, <c>verify</c>, <c>install</c>, <c>deploy</c>) or a <c>dependency:</c> goal, without a cache mount on the local
/// repository (<c>.m2</c>).
/// Reported once per RUN (ONBUILD RUN included), at the first such command; a cache or tmpfs mount whose target holds
/// the cache (see <see cref="DependencyCaches.MavenRepository"/>) is fine.
/// </summary>
public sealed class COPT2071MavenCacheMount : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.MavenCacheMount;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            if (DependencyCaches.MavenRepository.FirstUnmountedUse(run) is { } use)
            {
                context.Report(use.At.NameSpan, use.Use);
            }
        }
    }
}
