using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3033: <c>yum install</c> packages without a version (<c>httpd-2.4.6</c>) and <c>yum module install</c>
/// modules without a stream (<c>nodejs:18</c>). As hadolint, a package with a '-' anywhere or an .rpm file counts as
/// pinned. <c>yum group install</c> names groups, which have no version.
/// </summary>
public sealed class COPT2033YumPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.YumPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager != "yum" || Rpm.InstallPackages(call, out bool isModule) is not { } packages)
                {
                    continue;
                }
                context.ReportUnpinned(at,
                    packages.Where(p => p.Value is not ("install" or "module") && (isModule ? !Rpm.IsModulePinned(p.Value) : !Rpm.IsYumPackagePinned(p.Value))),
                    p => isModule ? "yum module install -y " + p.Value + ":<stream>" : "yum install -y " + p.Value + "-<version>");
            }
        }
    }
}
