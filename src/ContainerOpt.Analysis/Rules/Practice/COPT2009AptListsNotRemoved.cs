using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3009: <c>apt-get update</c> without <c>rm -rf /var/lib/apt/lists/*</c> after it in the same RUN,
/// in a stage that reaches an image (the last stage, a stage another FROM builds on, or an ONBUILD).
/// Like hadolint, a cache mount on <c>/var/lib/apt/lists</c>, or cache mounts on both <c>/var/lib/apt</c> and
/// <c>/var/cache/apt</c>, keep the lists out of the layer. Unlike hadolint, an <c>rm -rf</c> of some other
/// path is not a cleanup. Reported at the <c>apt-get</c> of the update.
/// </summary>
public sealed class COPT2009AptListsNotRemoved : DockerfileRule
{
    private const string Lists = "/var/lib/apt/lists";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptListsNotRemoved;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("apt-get"))
        {
            return; // a file without apt-get (most) has no RUN to ask
        }
        var runs = context.RunSteps.Posix;
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            // Only apt-get updates: a RUN without it is passed over before its commands are judged twice.
            if (!context.Facts.ReachesAnImage(run.Instruction) || run.Named("apt-get").Count == 0
                || run.HasCacheMountAt(Lists)
                || (run.HasCacheMountAt("/var/lib/apt") && run.HasCacheMountAt("/var/cache/apt")))
            {
                continue;
            }
            var uncleaned = run.FirstUncleaned(IsUpdate, c => ShellFacts.RemovesUnder(c, Lists));
            if (uncleaned is { } update)
            {
                context.Report(update.NameSpan);
            }
        }
    }

    private static readonly string[] UpdateWords = { "update" }; // once, not a params array per apt-get asked

    private static bool IsUpdate(ShellCommand command) => command.Is("apt-get") && command.HasAnyArgument(UpdateWords);
}
