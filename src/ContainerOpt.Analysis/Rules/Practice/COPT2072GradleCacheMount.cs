using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3072: a Gradle build (<c>gradle</c> or a <c>gradlew</c> wrapper running a task) without a cache mount on
/// the Gradle user home (<c>.gradle</c>).
/// Reported once per RUN (ONBUILD RUN included), at the first such command; a cache or tmpfs mount whose target holds
/// the cache (see <see cref="DependencyCaches.GradleHome"/>) is fine.
/// </summary>
public sealed class COPT2072GradleCacheMount : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.GradleCacheMount;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            if (DependencyCaches.GradleHome.FirstUnmountedUse(run) is { } use)
            {
                context.Report(use.At.NameSpan, use.Use);
            }
        }
    }
}
