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
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager != "dnf" || Rpm.InstallPackages(call, out bool isModule) is not { } packages)
                {
                    continue;
                }
                string program = call.Program;
                for (int i = 0; i < packages.Count; i++)
                {
                    string package = packages[i].Value;
                    if (package is not ("install" or "module") && (isModule ? !Rpm.IsModulePinned(package) : !Rpm.IsDnfPackagePinned(package)))
                    {
                        context.ReportUnpinned(at, packages[i], program,
                            isModule ? program + " module install -y " + package + ":<stream>" : program + " install -y " + package + "-<version>");
                    }
                }
            }
        }
    }
}
