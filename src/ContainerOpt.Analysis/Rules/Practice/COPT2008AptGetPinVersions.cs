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
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("apt-get"))
            {
                var packages = PackageManagerCommands.AptGetInstallPackages(command);
                if (packages is null)
                {
                    continue;
                }
                foreach (var package in packages)
                {
                    if (!IsPinned(package.Value))
                    {
                        context.Report(run.SpanOf(package), package.Value);
                    }
                }
            }
        }
    }

    /// <summary>
    /// As hadolint: <c>pkg=version</c>, a path or release selection (<c>./x.deb</c>, <c>pkg/bookworm-backports</c>:
    /// any '/') and .deb files are not version-less packages.
    /// </summary>
    internal static bool IsPinned(string package) =>
        package.Contains('=') || package.Contains('/') || package.EndsWith(".deb", StringComparison.Ordinal);
}
