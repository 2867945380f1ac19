using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3069: a cargo command that downloads or builds crates (<c>build</c>, <c>check</c>, <c>test</c>,
/// <c>clippy</c>, <c>install</c>, <c>fetch</c>) without a cache mount on cargo's registry and git folders.
/// Reported once per RUN (ONBUILD RUN included), at the first such command; a cache or tmpfs mount whose target holds
/// the cache (see <see cref="DependencyCaches.Cargo"/>) is fine.
/// </summary>
public sealed class COPT2069CargoCacheMount : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CargoCacheMount;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            if (DependencyCaches.Cargo.FirstUnmountedUse(run) is { } use)
            {
                context.Report(use.At.NameSpan, use.Use);
            }
        }
    }
}
