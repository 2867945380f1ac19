using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// Recognition shared by the package-manager rules (hadolint's DL3008-DL3062 family): which command
/// is an install of which manager, which of its words are packages (flag values skipped), and the
/// version-pin syntaxes per manager.
/// </summary>
public static class PackageManagerCommands
{
    // ---- apt-get -------------------------------------------------------------------------------

    /// <summary>apt-get options whose value is the next word (<c>-t bookworm-backports</c>, <c>-o Foo=bar</c>).</summary>
    public static readonly string[] AptGetValueFlags = { "t", "target-release", "o", "option", "c", "config-file" };

    /// <summary>The packages of <c>apt-get install</c> (words after the subcommand), or null when the command is not one.</summary>
    public static IReadOnlyList<ShellWord>? AptGetInstallPackages(ShellCommand command)
    {
        if (!command.Is("apt-get"))
        {
            return null;
        }
        var positionals = command.Positionals(AptGetValueFlags);
        return positionals.Count > 0 && positionals[0].Value == "install" ? positionals.Skip(1).ToArray() : null;
    }

    // ---- pip -----------------------------------------------------------------------------------

    /// <summary>pip options whose value is the next word (hadolint's list, plus pip's other valued options).</summary>
    public static readonly string[] PipValueFlags =
    {
        "abi", "b", "build", "e", "editable", "extra-index-url", "f", "find-links", "i", "index-url", "implementation",
        "no-binary", "only-binary", "platform", "prefix", "progress-bar", "proxy", "python-version", "root", "src", "t",
        "target", "trusted-host", "upgrade-strategy", "cache-dir", "log", "timeout", "retries", "exists-action", "cert",
        "client-cert", "global-option", "install-option", "C", "config-settings", "report", "python", "use-feature",
        "use-deprecated", "root-user-action", "keyring-provider", "r", "requirement", "c", "constraint",
    };

    /// <summary>
    /// The arguments of pip itself for <c>pip install</c>, <c>pip3 install</c>, <c>python3 -m pip install</c>
    /// (every program whose name starts with "pip", as hadolint), or null when the command is not a pip install.
    /// </summary>
    public static IReadOnlyList<ShellWord>? PipArguments(ShellCommand command)
    {
        IReadOnlyList<ShellWord> args;
        if (command.Name.StartsWith("pip", StringComparison.Ordinal))
        {
            args = command.Arguments;
        }
        else if (command.Name.StartsWith("python", StringComparison.Ordinal))
        {
            int m = -1;
            for (int i = 0; i + 1 < command.Arguments.Count; i++)
            {
                if (command.Arguments[i].Value == "-m" && command.Arguments[i + 1].Value == "pip")
                {
                    m = i;
                    break;
                }
            }
            if (m < 0)
            {
                return null;
            }
            args = command.Arguments.Skip(m + 2).ToArray();
        }
        else
        {
            return null;
        }
        var positionals = Positionals(args, PipValueFlags);
        return positionals.Count > 0 && positionals[0].Value == "install" ? args : null;
    }

    // ---- npm -----------------------------------------------------------------------------------

    /// <summary>npm options whose value is the next word; boolean ones (<c>-g</c>, <c>--save-dev</c>) are not listed.</summary>
    public static readonly string[] NpmValueFlags =
    {
        "loglevel", "registry", "prefix", "cache", "userconfig", "globalconfig", "tag", "w", "workspace", "omit", "include",
        "install-strategy", "otp", "scope", "save-prefix", "before", "cafile", "proxy", "https-proxy", "script-shell",
        "location", "C", "auth-type", "fetch-retries", "fetch-timeout", "maxsockets", "network-concurrency",
    };

    // ---- rpm family (yum, dnf, microdnf, zypper) -----------------------------------------------

    /// <summary>dnf-like programs: hadolint's dnf and microdnf, and dnf5 (the same command line).</summary>
    public static readonly string[] DnfNames = { "dnf", "microdnf", "dnf5" };

    /// <summary>yum/dnf options whose value is the next word.</summary>
    public static readonly string[] YumDnfValueFlags =
    {
        "c", "config", "setopt", "installroot", "releasever", "x", "exclude", "enablerepo", "disablerepo", "repo", "repoid",
        "d", "debuglevel", "e", "errorlevel", "R", "randomwait", "color", "destdir", "downloaddir", "forcearch", "comment",
        "repofrompath", "rpmverbosity", "advisory", "advisories", "bz", "bzs", "cve", "cves", "sec-severity", "secseverity",
        "use-host-config", "from-repo", "exclude-repo",
    };

    /// <summary>zypper options whose value is the next word (global and install options).</summary>
    public static readonly string[] ZypperValueFlags =
    {
        "R", "root", "c", "config", "D", "reposd-dir", "C", "cache-dir", "raw-cache-dir", "solv-cache-dir", "pkg-cache-dir",
        "userdata", "t", "type", "r", "repo", "from", "download", "installroot",
    };

    /// <summary>
    /// The install verb of a yum/dnf command (<c>install</c>, <c>groupinstall</c>, <c>localinstall</c>, or <c>install</c>
    /// after <c>module</c>/<c>group</c>), or null. <paramref name="verbIndex"/> is its index in <paramref name="positionals"/>.
    /// </summary>
    public static ShellWord? RpmInstallVerb(IReadOnlyList<ShellWord> positionals, out int verbIndex)
    {
        verbIndex = -1;
        if (positionals.Count == 0)
        {
            return null;
        }
        string first = positionals[0].Value;
        if (first is "install" or "groupinstall" or "localinstall")
        {
            verbIndex = 0;
        }
        else if (first is "module" or "group" or "groups" && positionals.Count > 1 && positionals[1].Value == "install")
        {
            verbIndex = 1;
        }
        return verbIndex >= 0 ? positionals[verbIndex] : null;
    }

    /// <summary>
    /// Packages of a yum/dnf <c>install</c> (the positionals after it), and whether it is <c>module install</c>
    /// (modules pin a stream, <c>name:stream</c>). Null for other subcommands, and for <c>group install</c>,
    /// <c>groupinstall</c> and <c>localinstall</c>, which hadolint does not check for versions.
    /// </summary>
    public static IReadOnlyList<ShellWord>? RpmInstallPackages(ShellCommand command, out bool isModule)
    {
        var positionals = command.Positionals(YumDnfValueFlags);
        var verb = RpmInstallVerb(positionals, out int index);
        isModule = index == 1 && positionals[0].Value == "module";
        if (verb is null || verb.Value != "install" || (index == 1 && !isModule))
        {
            return null;
        }
        return positionals.Skip(index + 1).ToArray();
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

    private static bool IsVersionChar(char c) =>
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c is '.' or '~' or '^' or '_' or ':' or '+';

    /// <summary>A module is pinned when it names a stream (<c>nodejs:18</c>).</summary>
    public static bool IsModulePinned(string module) => module.Contains(':');

    // ---- helpers -------------------------------------------------------------------------------

    /// <summary>
    /// Positionals of an argument list (flags and the values of <paramref name="valueFlags"/> skipped), like
    /// <see cref="ShellCommand.Positionals"/> but for a slice of the arguments (after <c>python -m pip</c>).
    /// </summary>
    public static IReadOnlyList<ShellWord> Positionals(IReadOnlyList<ShellWord> args, string[] valueFlags)
    {
        var result = new List<ShellWord>();
        bool endOfFlags = false;
        for (int i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (!endOfFlags && word.Value == "--")
            {
                endOfFlags = true;
                continue;
            }
            if (!endOfFlags && word.IsFlag)
            {
                if (TakesValue(word.Value, valueFlags) && i + 1 < args.Count)
                {
                    i++;
                }
                continue;
            }
            result.Add(word);
        }
        return result;
    }

    /// <summary>True when a flag word is one of the names (<c>-x</c> for one letter, <c>--name</c> otherwise) without an attached value.</summary>
    public static bool TakesValue(string flag, string[] names)
    {
        foreach (var name in names)
        {
            if (name.Length == 1 ? flag == "-" + name : flag == "--" + name)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when any argument is exactly one of the values (hadolint's <c>hasArg</c>).</summary>
    public static bool HasArgument(IReadOnlyList<ShellWord> args, params string[] values) =>
        args.Any(a => values.Contains(a.Value, StringComparer.Ordinal));

    /// <summary>True when any of the flags is among the arguments (see <see cref="ShellCommand.HasFlag"/>), before a <c>--</c>.</summary>
    public static bool HasFlag(IReadOnlyList<ShellWord> args, params string[] names)
    {
        foreach (var word in args)
        {
            if (word.Value == "--")
            {
                break;
            }
            if (word.IsFlag && names.Any(n => ShellCommand.MatchesFlag(word.Value, n)))
            {
                return true;
            }
        }
        return false;
    }
}
