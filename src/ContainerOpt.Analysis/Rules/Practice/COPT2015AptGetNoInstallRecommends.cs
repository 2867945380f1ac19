using ContainerOpt.Core.Diagnostics;

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
                if (command.Arguments.Any(a => a.Value == Option || a.Value == "-o" + Option || a.Value == "--option=" + Option))
                {
                    continue;
                }
                context.Report(at.NameSpan);
            }
        }
    }
}
