using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3047: <c>wget</c> without <c>--progress</c>, which floods the build log with a progress bar.
/// Quiet or logging options are enough too: <c>-q</c>/<c>--quiet</c>, <c>-nv</c>/<c>--no-verbose</c>,
/// <c>-o</c>/<c>--output-file</c>, <c>-a</c>/<c>--append-output</c>. Once per RUN, at the first such wget.
/// </summary>
public sealed class COPT2047WgetProgress : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2047",
        "wget-progress",
        "Use wget with --progress or a quiet option",
        "Add --progress=dot:giga (or -q / -nv) to wget so its progress bar does not flood the build log.",
        DiagnosticSeverity.Info,
        RuleCategories.Practice,
        new[] { "DL3047" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in ShellRuleSupport.PosixRuns(context))
        {
            foreach (var item in run.Named("wget"))
            {
                var wget = item.Command;
                bool quiet = wget.HasFlag("progress", "q", "quiet", "o", "output-file", "a", "append-output", "no-verbose")
                    || wget.Arguments.Any(a => a.Value.StartsWith("-nv", StringComparison.Ordinal));
                if (!quiet)
                {
                    context.Report(item.NameSpan);
                    break;
                }
            }
        }
    }
}
