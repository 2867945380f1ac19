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
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("zypper"))
            {
                var positionals = command.Positionals(PackageManagerCommands.ZypperValueFlags);
                if (positionals.Count > 0 && positionals[0].Value is "dist-upgrade" or "dup")
                {
                    context.Report(run.SpanOf(positionals[0]), positionals[0].Value);
                }
            }
        }
    }
}
