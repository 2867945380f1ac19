using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3028: <c>gem install</c> (or <c>gem i</c>) of a gem without a version (<c>gem install bundler:2.5.6</c>).
/// As hadolint: a <c>-v</c>/<c>--version</c> anywhere pins the command; words after <c>--</c> are build options;
/// an option not known to be a switch takes the next word as its value (<c>--use-system-libraries true</c>).
/// Known switches (<c>--no-document</c>, <c>--user-install</c>...) do not, so the gem after them is still checked.
/// Local .gem files are pinned.
/// </summary>
public sealed class COPT2028GemPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.GemPinVersions;

    public override void Analyze(RuleContext context)
    {
        if (!context.Facts.AnyRunCommandNamed("gem"))
        {
            return; // a file without gem (most) has no RUN to ask
        }
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var at in run.Named("gem"))
            {
                var args = at.Command.Arguments;
                if (NamesVersion(args))
                {
                    continue;
                }
                var gems = Gem.Positionals(args);
                if (gems.Count == 0 || gems[0].Value is not ("install" or "i"))
                {
                    continue;
                }
                for (int i = 1; i < gems.Count; i++)
                {
                    string gem = gems[i].Value;
                    if (gem is not ("install" or "i") && !Gem.IsPinned(gem))
                    {
                        context.ReportUnpinned(at, gems[i], gem);
                    }
                }
            }
        }
    }

    private static bool NamesVersion(ArrayView<ShellWord> args)
    {
        foreach (var arg in args)
        {
            if (arg.Value is "-v" or "--version" || arg.Value.StartsWith("--version=", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
