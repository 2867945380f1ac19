using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3019: <c>apk add</c> without <c>--no-cache</c>, which leaves the package index in the layer.
/// A cache mount on <c>/var/cache/apk</c> (or <c>/etc/apk/cache</c>) keeps it out too. Once per RUN, at
/// the first such <c>apk</c>.
/// </summary>
public sealed class COPT2019ApkNoCache : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2019",
        "apk-no-cache",
        "Use apk add --no-cache",
        "Use 'apk add --no-cache' so the package index is not stored in the image (no --update and no rm of /var/cache/apk needed), or mount a cache on /var/cache/apk.",
        DiagnosticSeverity.Info,
        RuleCategories.Practice,
        new[] { "DL3019" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in ShellRuleSupport.PosixRuns(context))
        {
            if (ShellRuleSupport.HasCacheMountContaining(run.Run, tmpfsToo: true, "/var/cache/apk", "/etc/apk/cache"))
            {
                continue;
            }
            foreach (var item in run.Named("apk"))
            {
                if (ShellRuleSupport.HasAnyArgument(item.Command, "add") && !item.Command.HasFlag("no-cache"))
                {
                    context.Report(item.NameSpan);
                    break;
                }
            }
        }
    }
}
