using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3047: <c>wget</c> without <c>--progress</c>, which floods the build log with a progress bar.
/// Quiet or logging options are enough too: <c>-q</c>/<c>--quiet</c>, <c>-nv</c>/<c>--no-verbose</c>,
/// <c>-o</c>/<c>--output-file</c>, <c>-a</c>/<c>--append-output</c>. Once per RUN, at the first such wget.
/// </summary>
public sealed class COPT2047WgetProgress : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WgetProgress;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("wget"))
        {
            return; // a file without wget (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
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
