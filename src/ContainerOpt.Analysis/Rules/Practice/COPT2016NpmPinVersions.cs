using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3016: <c>npm install</c> (or its aliases <c>npm i</c>, <c>npm add</c>) of a package without a version,
/// tag or range (<c>express@4.1.1</c>, <c>@scope/pkg@^1</c>). As hadolint: <c>npm install</c> alone and <c>npm ci</c>
/// use package.json and the lock file; git URLs need <c>#commit</c>/<c>#semver:</c>; tarballs (.tar, .tar.gz, .tgz)
/// and folders (<c>/</c>, <c>./</c>, <c>../</c>, <c>~/</c>) are pinned; values of options such as <c>--registry</c> are
/// not packages.
/// </summary>
public sealed class COPT2016NpmPinVersions : DockerfileRule
{

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NpmPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager != "npm" || call.Verb is not ("install" or "i" or "add"))
                {
                    continue;
                }
                var operands = call.Operands;
                for (int i = 0; i < operands.Count; i++)
                {
                    string package = operands[i].Value;
                    if (package != "install" && !Npm.IsPinned(package))
                    {
                        context.ReportUnpinned(at, operands[i], Npm.IsGit(package) ? package + "#<commit or tag>" : package + "@<version>");
                    }
                }
            }
        }
    }

}
