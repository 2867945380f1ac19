using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3014: <c>apt-get install</c> without <c>-y</c> waits for a confirmation that a build cannot give.
/// As hadolint, <c>-y</c>, <c>--yes</c>, <c>--assume-yes</c> and <c>-q</c> (any quiet level) count, combined too (<c>-qy</c>).
/// </summary>
public sealed class COPT2014AptGetAssumeYes : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptGetAssumeYes;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Program == "apt-get" && call.Verb == "install" && !call.Command.HasFlag("y", "yes", "assume-yes", "q"))
                {
                    context.Report(at.NameSpan);
                }
            }
        }
    }
}
