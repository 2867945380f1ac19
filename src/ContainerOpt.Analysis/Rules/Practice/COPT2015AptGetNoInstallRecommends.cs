using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3015: <c>apt-get install</c> without <c>--no-install-recommends</c> also installs recommended packages.
/// <c>-o APT::Install-Recommends=false</c> (or <c>--option</c>, <c>-oAPT::...</c>) counts too.
/// </summary>
public sealed class COPT2015AptGetNoInstallRecommends : DockerfileRule
{
    private const string Option = "APT::Install-Recommends=false";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptGetNoInstallRecommends;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                var command = call.Command;
                if (call.Program != "apt-get" || call.Verb != "install" || command.HasFlag("no-install-recommends"))
                {
                    continue;
                }
                if (SetsOption(command.Arguments))
                {
                    continue;
                }
                context.Report(at.NameSpan);
            }
        }
    }

    private static bool SetsOption(ArrayView<ShellWord> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Value is Option or "-o" + Option or "--option=" + Option)
            {
                return true;
            }
        }
        return false;
    }
}
