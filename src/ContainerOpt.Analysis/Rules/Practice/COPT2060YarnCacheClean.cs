using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3060: <c>yarn install</c> without <c>yarn cache clean</c> after it in the same RUN, in a stage
/// that reaches an image: the last stage, a stage another FROM builds on, or an ONBUILD. Removing the yarn
/// cache folder (<c>.cache/yarn</c>), or a cache or tmpfs mount on it, keeps the cache out too.
/// </summary>
public sealed class COPT2060YarnCacheClean : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.YarnCacheClean;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("yarn"))
        {
            return; // a file without yarn (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
        {
            // Only a yarn command installs: a RUN without one (most) is passed over before its commands are judged twice.
            if (!context.Facts.ReachesAnImage(run.Instruction) || run.Named("yarn").Count == 0
                || run.HasCacheMountContaining(tmpfsToo: true, ".cache/yarn"))
            {
                continue;
            }
            var uncleaned = run.FirstUncleaned(IsInstall, IsCleanup);
            if (uncleaned is { } install)
            {
                context.Report(install.NameSpan);
            }
        }
    }

    private static bool IsInstall(ShellCommand command) => command.Is("yarn") && command.HasAnyArgument("install");

    private static bool IsCleanup(ShellCommand command) =>
        (command.Is("yarn") && command.HasAnyArgument("cache") && command.HasAnyArgument("clean"))
        || (command.Is("rm") && command.Positionals().Any(p => p.Value.Contains(".cache/yarn", StringComparison.Ordinal)));
}
