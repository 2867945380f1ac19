using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3035: <c>zypper dist-upgrade</c> (<c>dup</c>) in an image build upgrades the whole distribution to
/// whatever the repositories serve that day. Reported at the subcommand.
/// </summary>
public sealed class COPT2035ZypperNoDistUpgrade : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2035",
        "zypper-no-dist-upgrade",
        "Do not use zypper dist-upgrade",
        "Do not run zypper {0} in an image build: use a newer base image, or install the pinned packages you need.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3035" });

    public override DiagnosticDescriptor Descriptor => Rule;

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
