using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3014: <c>apt-get install</c> without <c>-y</c> waits for a confirmation that a build cannot give.
/// <c>-y</c>, <c>--yes</c>, <c>--assume-yes</c> (combined too: <c>-qy</c>) and quiet level 2 (<c>-qq</c>, <c>-q -q</c>, <c>-q=2</c>), which
/// implies <c>-y</c>, count (<see cref="Apt.AssumesYes"/>); a single <c>-q</c> does not, as in hadolint's spec.
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
                if (call.Program == "apt-get" && call.Verb == "install" && !Apt.AssumesYes(call.Command))
                {
                    context.Report(at.NameSpan);
                }
            }
        }
    }
}
