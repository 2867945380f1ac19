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
    private static readonly string[] GitPrefixes = { "git://", "git+ssh://", "git+http://", "git+https://" };
    private static readonly string[] PathPrefixes = { "/", "./", "../", "~/" };
    private static readonly string[] TarballSuffixes = { ".tar", ".tar.gz", ".tgz" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NpmPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("npm"))
            {
                var positionals = command.Positionals(PackageManagerCommands.NpmValueFlags);
                if (positionals.Count == 0 || positionals[0].Value is not ("install" or "i" or "add"))
                {
                    continue;
                }
                foreach (var package in positionals.Skip(1))
                {
                    string name = package.Value;
                    if (name == "install" || IsPinned(name))
                    {
                        continue;
                    }
                    bool git = GitPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
                    context.Report(run.SpanOf(package), name, git ? name + "#<commit or tag>" : name + "@<version>");
                }
            }
        }
    }

    internal static bool IsPinned(string package)
    {
        if (GitPrefixes.Any(p => package.StartsWith(p, StringComparison.Ordinal)))
        {
            return package.Contains('#');
        }
        if (TarballSuffixes.Any(s => package.EndsWith(s, StringComparison.Ordinal))
            || PathPrefixes.Any(p => package.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }
        // @scope/name@version: the scope's '@' is not a version.
        string rest = package.StartsWith("@", StringComparison.Ordinal) ? package.Substring(1) : package;
        return rest.Contains('@');
    }
}
