using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3074: <c>dotnet restore</c>, <c>build</c>, <c>publish</c> or <c>test</c>, or <c>nuget restore</c>, without a cache
/// mount on the NuGet packages folder (<c>.nuget/packages</c>, under any home).
/// Reported once per RUN (ONBUILD RUN included), at the first such command; a cache or tmpfs mount whose target holds
/// the cache (see <see cref="DependencyCaches.NuGetPackages"/>) is fine.
/// </summary>
public sealed class COPT2074NuGetCacheMount : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NuGetCacheMount;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            // Outside hadolint mode, a build after an explicit restore downloads nothing: only the restore needs the mount.
            if (DependencyCaches.NuGetPackages.FirstUnmountedUse(run) is { } use
                && (context.Options.EffectiveMode == AnalysisMode.Hadolint || !Facts.NuGet.RestoredBefore(context.RunSteps, run, use.At)))
            {
                context.Report(use.At.NameSpan, use.Use);
            }
        }
    }
}
