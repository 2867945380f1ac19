using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3040: <c>dnf install</c> or <c>microdnf install</c> without a clean by the same tool
/// (<c>dnf clean all</c>, <c>microdnf clean all</c>) after it in the same RUN. Removing the cache
/// (<c>rm -rf /var/cache/yum/*</c>, <c>/var/cache/dnf</c>, <c>/var/cache/libdnf5*</c>) counts as a clean; a
/// cache or tmpfs mount on one of those keeps the cache out of the image. Once per RUN.
/// </summary>
public sealed class COPT2040DnfCleanAll : DockerfileRule
{
    private static readonly string[] Tools = { "dnf", "microdnf" };
    private static readonly string[] CacheFragments = { "/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5", ".cache/libdnf5" };
    private static readonly string[] CacheDirectories = { "/var/cache/dnf", "/var/cache/yum", "/var/cache/libdnf5" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DnfCleanAll;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed(Tools[0]) && !context.Facts.AnyRunCommandNamed(Tools[1]))
        {
            return; // a file without dnf or microdnf (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
        {
            // Named makes no command object for a command that is not one of the tools (most RUNs have none).
            if (run.Named(Tools).Count == 0 || run.HasCacheMountContaining(tmpfsToo: true, CacheFragments))
            {
                continue;
            }
            int first = -1;
            foreach (var tool in Tools)
            {
                int index = run.FirstUncleanedIndex(c => c.Is(tool) && c.HasAnyArgument("install"),
                    c => IsCleanup(c, tool));
                if (index >= 0 && (first < 0 || index < first))
                {
                    first = index;
                }
            }
            if (first >= 0)
            {
                var install = run.Commands[first];
                context.Report(install.NameSpan, install.Command.Name);
            }
        }
    }

    private static bool IsCleanup(ShellCommand command, string tool) =>
        (command.Is(tool) && command.HasAnyArgument("clean"))
        || ShellFacts.RemovesUnder(command, CacheDirectories);
}
