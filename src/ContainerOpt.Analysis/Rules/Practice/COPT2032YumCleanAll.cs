using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3032: <c>yum install</c> without <c>yum clean all</c> (or <c>rm -rf /var/cache/yum</c>) after it
/// in the same RUN, so the yum cache stays in the layer. A cache or tmpfs mount on <c>/var/cache/yum</c>
/// keeps the cache out of the image too. Once per RUN, at the first install that no cleanup follows.
/// </summary>
public sealed class COPT2032YumCleanAll : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.YumCleanAll;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("yum"))
        {
            return; // a file without yum (most) has no RUN to ask
        }
        var runs = context.RunSteps.Posix;
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            // Only a yum command installs: a RUN without one (most) is passed over before its commands are judged twice.
            if (run.HasCacheMountContaining(tmpfsToo: true, "/var/cache/yum") || run.Named("yum").Count == 0)
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

    // The words as arrays once, not a params array per command asked.
    private static readonly string[] InstallWords = { "install" };
    private static readonly string[] CleanWords = { "clean" };

    private static bool IsInstall(ShellCommand command) => command.Is("yum") && command.HasAnyArgument(InstallWords);

    private static bool IsCleanup(ShellCommand command) =>
        (command.Is("yum") && command.HasAnyArgument(CleanWords))
        || ShellFacts.RemovesUnder(command, "/var/cache/yum");
}
