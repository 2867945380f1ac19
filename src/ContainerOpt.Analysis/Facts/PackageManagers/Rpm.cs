using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>yum, and the dnf family (dnf, dnf5, microdnf, tdnf), which share yum's command line.</summary>
public static class Rpm
{
    /// <summary>dnf-like programs: dnf, microdnf, dnf5 (hadolint's list) and Photon's tdnf.</summary>
    public static readonly string[] DnfPrograms = { "dnf", "microdnf", "dnf5", "tdnf" };

    public static readonly OptionTable Options = new(
        "c", "config", "setopt", "installroot", "releasever", "x", "exclude", "enablerepo", "disablerepo", "repo", "repoid",
        "d", "debuglevel", "e", "errorlevel", "R", "randomwait", "color", "destdir", "downloaddir", "forcearch", "comment",
        "repofrompath", "rpmverbosity", "advisory", "advisories", "bz", "bzs", "cve", "cves", "sec-severity", "secseverity",
        "use-host-config", "from-repo", "exclude-repo");

    internal static PackageCall? Classify(string manager, ShellCommand command)
    {
        var positionals = Options.Positionals(command.Arguments);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        if ((sub is "group" or "groups" or "module") && positionals.Count > 1 && positionals[1].Value is "install" or "update" or "upgrade")
        {
            return PackageManagers.Call(manager, PackageOp.Install, command, command.Name, command.Arguments, positionals, 2);
        }
        PackageOp? op = sub switch
        {
            "install" or "in" or "groupinstall" or "localinstall" or "reinstall" or "update" or "upgrade" or "up" or "distro-sync" or "groupupdate" => PackageOp.Install,
            "makecache" => PackageOp.Update,
            "clean" => PackageOp.Clean,
            "remove" or "erase" or "rm" or "autoremove" or "groupremove" => PackageOp.Remove,
            _ => null,
        };
        return op is null ? null : PackageManagers.Call(manager, op.Value, command, command.Name, command.Arguments, positionals, 1);
    }

    /// <summary>
    /// The install verb of a yum/dnf call (<c>install</c>, <c>groupinstall</c>, <c>localinstall</c>, or <c>install</c>
    /// after <c>module</c>/<c>group</c>), or null.
    /// </summary>
    public static ShellWord? InstallVerb(PackageCall call)
    {
        var p = call.Positionals;
        if (p.Count == 0) return null;
        if (p[0].Value is "install" or "groupinstall" or "localinstall") return p[0];
        return p[0].Value is "module" or "group" or "groups" && p.Count > 1 && p[1].Value == "install" ? p[1] : null;
    }

    /// <summary>
    /// The packages of a plain <c>install</c> or a <c>module install</c> (modules pin a stream, <c>name:stream</c>);
    /// null for other verbs, and for <c>group install</c>, <c>groupinstall</c> and <c>localinstall</c>, which hadolint
    /// does not check for versions.
    /// </summary>
    public static IReadOnlyList<ShellWord>? InstallPackages(PackageCall call, out bool isModule)
    {
        var p = call.Positionals;
        isModule = p.Count > 1 && p[0].Value == "module" && p[1].Value == "install";
        if (isModule) return p.Skip(2).ToArray();
        return p.Count > 0 && p[0].Value == "install" ? p.Skip(1).ToArray() : null;
    }

    /// <summary>hadolint's DL3033 rule: a yum package is pinned when it has a '-' anywhere or is an .rpm file.</summary>
    public static bool IsYumPackagePinned(string package) =>
        package.Contains('-') || package.EndsWith(".rpm", StringComparison.Ordinal);

    /// <summary>
    /// hadolint's DL3041 rule: after the first '-', every '-'-separated part is made of version characters and one starts
    /// with a digit (<c>rpm-sign-4.16.1.3</c>, <c>openssl-1:1.1.1k</c>, not <c>rpm-sign</c>); a part holding a
    /// variable (<c>git-core-${GIT_VER}</c>) counts as a version; .rpm files are pinned.
    /// </summary>
    public static bool IsDnfPackagePinned(string package)
    {
        if (package.EndsWith(".rpm", StringComparison.Ordinal))
        {
            return true;
        }
        var parts = package.Split('-');
        if (parts.Length <= 1)
        {
            return false;
        }
        bool startsWithDigit = false;
        for (int i = 1; i < parts.Length; i++)
        {
            string part = parts[i];
            if (part.Contains('$'))
            {
                startsWithDigit = true;
                continue;
            }
            if (part.Any(c => !IsVersionChar(c)))
            {
                return false;
            }
            startsWithDigit |= part.Length > 0 && char.IsDigit(part[0]);
        }
        return startsWithDigit;
    }

    /// <summary>A module is pinned when it names a stream (<c>nodejs:18</c>).</summary>
    public static bool IsModulePinned(string module) => module.Contains(':');

    private static bool IsVersionChar(char c) =>
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c is '.' or '~' or '^' or '_' or ':' or '+';
}
