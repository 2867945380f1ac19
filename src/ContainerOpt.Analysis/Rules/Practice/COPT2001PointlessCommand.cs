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

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            // Every command of every RUN is asked: a switch on the name (length, then characters) instead of ten comparisons
            // each, and no list of the matches (only the first is reported).
            foreach (var command in run.Commands)
            {
                if (IsPointless(command.Command.Name))
                {
                    context.Report(command.NameSpan, command.Command.Name);
                    break;
                }
            }
        }
    }

    private static bool IsPointless(string name)
    {
        switch (name)
        {
            case "free":
            case "ifconfig":
            case "kill":
            case "mount":
            case "ps":
            case "service":
            case "shutdown":
            case "ssh":
            case "top":
            case "vim":
                return true;
            default:
                return false;
        }
    }
}
