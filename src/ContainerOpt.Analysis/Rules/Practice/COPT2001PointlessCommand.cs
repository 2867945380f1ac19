using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3001: commands that make no sense while building an image (ssh, vim, shutdown, service,
/// ps, free, top, kill, mount, ifconfig). Once per RUN, at the first such command; a package named
/// like one (<c>apt-get install ssh</c>) is an argument, not a command.
/// </summary>
public sealed class COPT2001PointlessCommand : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PointlessCommand;

    private static readonly string[] Pointless = { "free", "ifconfig", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim" };

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            // RunStep.Named makes a command only for a match; only the first of a RUN is reported.
            var found = run.Named(Pointless);
            if (found.Count > 0)
            {
                context.Report(found[0].NameSpan, found[0].Command.Name);
            }
        }
    }
}
