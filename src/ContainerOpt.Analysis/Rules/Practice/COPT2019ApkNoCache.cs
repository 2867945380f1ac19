using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3019: <c>apk add</c> without <c>--no-cache</c>, which leaves the package index in the layer.
/// A cache mount on <c>/var/cache/apk</c> (or <c>/etc/apk/cache</c>) keeps it out too. Once per RUN, at
/// the first such <c>apk</c>.
/// </summary>
public sealed class COPT2019ApkNoCache : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ApkNoCache;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("apk"))
        {
            return; // a file without apk (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
        {
            if (run.HasCacheMountContaining(tmpfsToo: true, "/var/cache/apk", "/etc/apk/cache"))
            {
                continue;
            }
            foreach (var item in run.Named("apk"))
            {
                if (item.Command.HasAnyArgument("add") && !item.Command.HasFlag("no-cache"))
                {
                    context.Report(item.NameSpan);
                    break;
                }
            }
        }
    }
}
