using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>npm, yarn and pnpm.</summary>
public static class Npm
{
    /// <summary>npm's options that take a value; boolean ones (<c>-g</c>, <c>--save-dev</c>) are not listed.</summary>
    public static readonly OptionTable Options = new(
        "loglevel", "registry", "prefix", "cache", "userconfig", "globalconfig", "tag", "w", "workspace", "omit", "include",
        "install-strategy", "otp", "scope", "save-prefix", "before", "cafile", "proxy", "https-proxy", "script-shell",
        "location", "C", "auth-type", "fetch-retries", "fetch-timeout", "maxsockets", "network-concurrency", "only");

    public static readonly OptionTable YarnOptions = new("cache-folder", "modules-folder", "global-folder", "mutex", "network-timeout", "registry", "cwd");

    /// <summary>npm install and its aliases (and misspellings npm accepts), ci, update.</summary>
    private static readonly HashSet<string> InstallVerbs = new(StringComparer.Ordinal)
    {
        "install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add", "ci", "clean-install",
        "ic", "install-clean", "isntall-clean", "install-ci-test", "cit", "install-test", "it", "update", "up", "upgrade", "udpate",
    };

    private static readonly HashSet<string> RemoveVerbs = new(StringComparer.Ordinal) { "uninstall", "unlink", "un", "remove", "rm", "r", "prune" };

    private static readonly string[] GitPrefixes = { "git://", "git+ssh://", "git+http://", "git+https://" };
    private static readonly string[] PathPrefixes = { "/", "./", "../", "~/" };
    private static readonly string[] TarballSuffixes = { ".tar", ".tar.gz", ".tgz" };

    internal static PackageCall? Classify(ShellCommand command)
    {
        var p = Options.Positionals(command.Arguments);
        if (p.Count == 0) return null;
        string sub = p[0].Value;
        if (InstallVerbs.Contains(sub)) return PackageManagers.Call("npm", PackageOp.Install, command, "npm", command.Arguments, p, 1);
        if (RemoveVerbs.Contains(sub)) return PackageManagers.Call("npm", PackageOp.Remove, command, "npm", command.Arguments, p, 1);
        return sub == "cache" && p.Count > 1 && p[1].Value == "clean" ? PackageManagers.Call("npm", PackageOp.Clean, command, "npm", command.Arguments, p, 2) : null;
    }

    internal static PackageCall? ClassifyYarn(ShellCommand command)
    {
        var p = YarnOptions.Positionals(command.Arguments);
        if (p.Count == 0)
        {
            // Bare 'yarn' installs; 'yarn --version' and 'yarn --help' only print.
            if (command.HasFlag("version", "v") || command.HasFlag("help", "h"))
            {
                return null;
            }
            return PackageManagers.Call("yarn", PackageOp.Install, command, "yarn", command.Arguments, p, 0);
        }
        string sub = p[0].Value;
        if (sub is "global" or "workspaces" && p.Count > 1 && p[1].Value == (sub == "global" ? "add" : "focus"))
        {
            return PackageManagers.Call("yarn", PackageOp.Install, command, "yarn", command.Arguments, p, 2);
        }
        return sub switch
        {
            "install" or "add" => PackageManagers.Call("yarn", PackageOp.Install, command, "yarn", command.Arguments, p, 1),
            "remove" => PackageManagers.Call("yarn", PackageOp.Remove, command, "yarn", command.Arguments, p, 1),
            "cache" when p.Count > 1 && p[1].Value == "clean" => PackageManagers.Call("yarn", PackageOp.Clean, command, "yarn", command.Arguments, p, 2),
            _ => null,
        };
    }

    internal static PackageCall? ClassifyPnpm(ShellCommand command) =>
        PackageManagers.Simple(command, "pnpm", Options, install: new[] { "install", "i", "add", "update", "up" }, remove: new[] { "remove", "rm", "uninstall", "un" }, cleanFirst: "store", cleanSecond: "prune");

    /// <summary>
    /// As hadolint (DL3016): <c>name@version</c> (a scope's leading '@' is not a version), a git URL with
    /// <c>#ref</c>, a tarball or a local path is pinned.
    /// </summary>
    public static bool IsPinned(string package)
    {
        if (IsGit(package))
        {
            return package.Contains('#');
        }
        if (TarballSuffixes.Any(s => package.EndsWith(s, StringComparison.Ordinal))
            || PathPrefixes.Any(p => package.StartsWith(p, StringComparison.Ordinal)))
        {
            return true;
        }
        string rest = package.StartsWith("@", StringComparison.Ordinal) ? package.Substring(1) : package;
        return rest.Contains('@');
    }

    public static bool IsGit(string package) => GitPrefixes.Any(p => package.StartsWith(p, StringComparison.Ordinal));
}
