using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3070: a go command that compiles or downloads modules (<c>build</c>, <c>test</c>, <c>run</c>, <c>install</c>,
/// <c>get</c>, <c>mod</c>) without a cache mount on the build cache (<c>.cache/go-build</c>) or the module cache (<c>go/pkg/mod</c>).
/// Reported once per RUN (ONBUILD RUN included), at the first such command; a cache or tmpfs mount whose target holds
/// the cache (see <see cref="DependencyCaches.GoModules"/>) is fine.
/// </summary>
public sealed class COPT2070GoCacheMount : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.GoCacheMount;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            if (DependencyCaches.GoModules.FirstUnmountedUse(run) is { } use)
            {
                context.Report(use.At.NameSpan, use.Use);
            }
        }
    }
}
