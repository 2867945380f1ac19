using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3027: <c>apt</c> is the interactive front end; its command line and output are not stable for
/// scripts. Any use of the <c>apt</c> program is reported, at the program name.
/// </summary>
public sealed class COPT2027UseAptGetNotApt : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UseAptGetNotApt;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("apt"))
        {
            return; // a file without apt (most) has no RUN to ask
        }
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("apt"))
            {
                context.Report(run.NameSpanOf(command));
            }
        }
    }
}
