using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3008: <c>apt-get install</c> packages without a version (<c>pkg=1.2.3</c>). Packages
/// given as .deb files or paths, and release selections (<c>pkg/bookworm-backports</c>), are exempt;
/// the value of <c>-t</c>/<c>--target-release</c> (and <c>-o</c>, <c>-c</c>) is not a package.
/// </summary>
public sealed class COPT2008AptGetPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptGetPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Program == "apt-get" && call.Verb == "install")
                {
                    var operands = call.Operands;
                    for (int i = 0; i < operands.Count; i++)
                    {
                        if (!Apt.IsPinned(operands[i].Value))
                        {
                            context.ReportUnpinned(at, operands[i], operands[i].Value);
                        }
                    }
                }
            }
        }
    }

}
