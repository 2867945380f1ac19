using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3036: <c>zypper install</c> (<c>zypper in</c>) without <c>zypper clean</c> (<c>zypper cc</c>) after
/// it in the same RUN. Removing <c>/var/cache/zypp</c>, or a cache or tmpfs mount on it, also keeps the
/// cache out of the image. Once per RUN, at the first install that no cleanup follows.
/// </summary>
public sealed class COPT2036ZypperClean : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ZypperClean;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("zypper"))
        {
            return; // a file without zypper (most) has no RUN to ask
        }
        var runs = context.RunSteps.Posix;
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            // Only a zypper command installs: a RUN without one (most) is passed over before its commands are judged twice.
            if (run.HasCacheMountContaining(tmpfsToo: true, "/var/cache/zypp") || run.Named("zypper").Count == 0)
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
    private static readonly string[] InstallWords = { "install", "in" };
    private static readonly string[] CleanWords = { "clean", "cc" };

    private static bool IsInstall(ShellCommand command) => command.Is("zypper") && command.HasAnyArgument(InstallWords);

    private static bool IsCleanup(ShellCommand command) =>
        (command.Is("zypper") && command.HasAnyArgument(CleanWords))
        || ShellFacts.RemovesUnder(command, "/var/cache/zypp");
}
