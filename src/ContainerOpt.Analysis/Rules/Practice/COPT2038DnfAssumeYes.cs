using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3038: <c>dnf</c> or <c>microdnf</c> (and <c>dnf5</c>) <c>install</c>, <c>groupinstall</c> or
/// <c>localinstall</c> without <c>-y</c>/<c>--assumeyes</c> waits for a confirmation that a build cannot give.
/// Outside hadolint mode microdnf is not reported: it never asks (its <c>-y</c> "does nothing, we always assume yes",
/// microdnf's own option table).
/// </summary>
public sealed class COPT2038DnfAssumeYes : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DnfAssumeYes;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager == "dnf" && Rpm.InstallVerb(call) is { } verb && !call.Command.HasFlag("y", "assumeyes")
                    && (call.Program != "microdnf" || context.Options.EffectiveMode == AnalysisMode.Hadolint))
                {
                    context.Report(at.NameSpan, call.Program, verb.Value);
                }
            }
        }
    }
}
