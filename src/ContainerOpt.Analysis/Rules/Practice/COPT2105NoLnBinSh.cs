using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL4005: replacing the shell with <c>ln -sf /bin/bash /bin/sh</c> instead of using SHELL.
/// Reported at the <c>/bin/sh</c> link name. Unlike hadolint, <c>/bin/sh</c> as the link's source
/// (<c>ln -s /bin/sh /usr/local/bin/x</c>) does not count: it leaves the shell alone.
/// </summary>
public sealed class COPT2105NoLnBinSh : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NoLnBinSh;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("ln"))
        {
            return; // a file without ln (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var item in run.Named("ln"))
            {
                // -t/--target-directory and -S/--suffix take a value.
                var paths = item.Command.Positionals("t", "target-directory", "S", "suffix");
                if (paths.Count >= 2 && paths[paths.Count - 1].Value == "/bin/sh")
                {
                    context.Report(item.Script.SpanOf(paths[paths.Count - 1]));
                    break;
                }
            }
        }
    }
}
