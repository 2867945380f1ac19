using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3035: <c>zypper dist-upgrade</c> (<c>dup</c>) in an image build upgrades the whole distribution to
/// whatever the repositories serve that day. Reported at the subcommand.
/// </summary>
public sealed class COPT2035ZypperNoDistUpgrade : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ZypperNoDistUpgrade;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager == "zypper" && call.Positionals[0].Value is "dist-upgrade" or "dup")
                {
                    context.Report(at.Script.SpanOf(call.Positionals[0]), call.Positionals[0].Value);
                }
            }
        }
    }
}
