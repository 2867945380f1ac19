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
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("yum"))
            {
                var packages = PackageManagerCommands.RpmInstallPackages(command, out bool isModule);
                if (packages is null)
                {
                    continue;
                }
                foreach (var package in packages)
                {
                    string name = package.Value;
                    if (name is "install" or "module")
                    {
                        continue;
                    }
                    if (isModule ? !PackageManagerCommands.IsModulePinned(name) : !PackageManagerCommands.IsYumPackagePinned(name))
                    {
                        context.Report(run.SpanOf(package), name, isModule ? "yum module install -y " + name + ":<stream>" : "yum install -y " + name + "-<version>");
                    }
                }
            }
        }
    }
}
