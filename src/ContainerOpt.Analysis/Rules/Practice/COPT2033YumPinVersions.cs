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
                for (int i = 0; i < packages.Count; i++)
                {
                    string package = packages[i].Value;
                    if (package is not ("install" or "module") && (isModule ? !Rpm.IsModulePinned(package) : !Rpm.IsYumPackagePinned(package)))
                    {
                        context.ReportUnpinned(at, packages[i], isModule ? "yum module install -y " + package + ":<stream>" : "yum install -y " + package + "-<version>");
                    }
                }
            }
        }
    }
}
