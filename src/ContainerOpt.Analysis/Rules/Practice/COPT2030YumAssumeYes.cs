using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3030: <c>yum install</c>, <c>groupinstall</c> or <c>localinstall</c> without <c>-y</c>/<c>--assumeyes</c>
/// waits for a confirmation that a build cannot give.
/// </summary>
public sealed class COPT2030YumAssumeYes : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.YumAssumeYes;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager == "yum" && Rpm.InstallVerb(call) is { } verb && !call.Command.HasFlag("y", "assumeyes"))
                {
                    context.Report(at.NameSpan, verb.Value);
                }
            }
        }
    }
}
