using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3041: <c>dnf</c>/<c>microdnf</c> (and <c>dnf5</c>) <c>install</c> packages without a version and
/// <c>module install</c> modules without a stream (<c>nodejs:18</c>). As hadolint, a version follows a '-' and starts
/// with a digit (<c>rpm-sign-4.16.1.3</c>, <c>openssl-1:1.1.1k</c>; <c>rpm-sign</c> is not pinned); a variable
/// (<c>git-core-${GIT_VER}</c>) counts as a version; .rpm files are pinned; <c>group install</c> is not checked.
/// </summary>
public sealed class COPT2041DnfPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DnfPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named(PackageManagerCommands.DnfNames))
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
                    if (isModule ? !PackageManagerCommands.IsModulePinned(name) : !PackageManagerCommands.IsDnfPackagePinned(name))
                    {
                        string example = isModule
                            ? command.Name + " module install -y " + name + ":<stream>"
                            : command.Name + " install -y " + name + "-<version>";
                        context.Report(run.SpanOf(package), name, command.Name, example);
                    }
                }
            }
        }
    }
}
