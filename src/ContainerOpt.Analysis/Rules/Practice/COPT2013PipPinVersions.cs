using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3013: <c>pip install</c> (pip, pip3, <c>python -m pip</c>...) of a package without a version specifier.
/// As hadolint: installs from a requirements file (<c>-r</c>), of the current project (<c>.</c>) or with a constraints
/// file (<c>-c</c>) are not checked; any specifier (<c>==</c>, <c>~=</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>!=</c>...), a VCS URL
/// with <c>@ref</c>, a .whl or .tar.gz file and a path or URL are pinned; values of options such as
/// <c>--index-url</c> or <c>--target</c> are not packages.
/// </summary>
public sealed class COPT2013PipPinVersions : DockerfileRule
{
    private static readonly string[] VersionSymbols = { "==", ">=", "<=", ">", "<", "!=", "~=", "===" };

    private static readonly string[] VcsSchemes =
    {
        "git+file", "git+https", "git+ssh", "git+http", "git+git", "git", "hg+file", "hg+http", "hg+https", "hg+ssh",
        "hg+static-http", "svn", "svn+svn", "svn+http", "svn+https", "svn+ssh", "bzr+http", "bzr+https", "bzr+ssh",
        "bzr+sftp", "bzr+ftp", "bzr+lp",
    };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PipPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Commands)
            {
                var args = PackageManagerCommands.PipArguments(command);
                if (args is null
                    || PackageManagerCommands.HasArgument(args, "-r", "--requirement", ".")
                    || args.Any(a => a.Value.StartsWith("--requirement=", StringComparison.Ordinal))
                    || PackageManagerCommands.HasFlag(args, "c", "constraint"))
                {
                    continue;
                }
                var positionals = PackageManagerCommands.Positionals(args, PackageManagerCommands.PipValueFlags);
                foreach (var package in positionals.Skip(1))
                {
                    string name = package.Value;
                    if (name == "install" || IsPinned(name))
                    {
                        continue;
                    }
                    context.Report(run.SpanOf(package), name, IsVcs(name) && name.Contains("://", StringComparison.Ordinal) ? "add @<tag or commit> to the repository URL" : name + "==<version>");
                }
            }
        }
    }

    internal static bool IsPinned(string package) =>
        VersionSymbols.Any(s => package.Contains(s, StringComparison.Ordinal))
        || (IsVcs(package) && package.Contains('@'))
        || package.EndsWith(".whl", StringComparison.Ordinal)
        || package.EndsWith(".tar.gz", StringComparison.Ordinal)
        || (!IsVcs(package) && package.Contains('/'));

    private static bool IsVcs(string package) => VcsSchemes.Any(s => package.StartsWith(s, StringComparison.Ordinal));
}
