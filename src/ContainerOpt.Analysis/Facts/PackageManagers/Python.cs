using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>pip (pip, pip3, pip3.12, <c>python -m pip</c>), and uv, pipenv, poetry and conda/mamba.</summary>
public static class Pip
{

    /// <summary>pip's options that take a value (global and install options).</summary>
    public static readonly OptionTable Options = new(
        "abi", "b", "build", "e", "editable", "extra-index-url", "f", "find-links", "i", "index-url", "implementation",
        "no-binary", "only-binary", "platform", "prefix", "progress-bar", "proxy", "python-version", "root", "src", "t",
        "target", "trusted-host", "upgrade-strategy", "cache-dir", "log", "timeout", "retries", "exists-action", "cert",
        "client-cert", "global-option", "install-option", "C", "config-settings", "report", "python", "use-feature",
        "use-deprecated", "root-user-action", "keyring-provider", "r", "requirement", "c", "constraint");

    private static readonly OptionTable UvOptions = new(
        "cache-dir", "python", "p", "r", "requirement", "c", "constraint", "index-url", "extra-index-url", "f", "find-links", "directory", "project");

    private static readonly OptionTable CondaOptions = new("n", "name", "p", "prefix", "c", "channel", "f", "file");

    private static readonly string[] VersionSymbols = { "==", ">=", "<=", ">", "<", "!=", "~=", "===" };

    private static readonly string[] VcsSchemes =
    {
        "git+file", "git+https", "git+ssh", "git+http", "git+git", "git", "hg+file", "hg+http", "hg+https", "hg+ssh",
        "hg+static-http", "svn", "svn+svn", "svn+http", "svn+https", "svn+ssh", "bzr+http", "bzr+https", "bzr+ssh",
        "bzr+sftp", "bzr+ftp", "bzr+lp",
    };

    /// <summary>
    /// True when the command turns pip's cache off with <c>--no-cache-dir</c> or an abbreviation of it: pip's option parser
    /// (optparse) accepts any unambiguous prefix of a long option, and <c>--no-ca</c> is the shortest that no other pip option
    /// starts with (<c>--no-c</c> is also <c>--no-color</c>, <c>--no-compile</c>, <c>--no-clean</c>). So <c>--no-cache</c>
    /// is <c>--no-cache-dir</c>.
    /// </summary>
    public static bool DisablesCache(ShellCommand command)
    {
        const string option = "--no-cache-dir";
        const int shortest = 7; // "--no-ca"
        foreach (var word in command.Arguments)
        {
            string value = word.Value;
            if (value == "--")
            {
                break;
            }
            int length = value.IndexOf('=') is int eq and >= 0 ? eq : value.Length;
            if (length >= shortest && length <= option.Length && string.CompareOrdinal(value, 0, option, 0, length) == 0)
            {
                return true;
            }
        }
        return false;
    }

    // Asked of every command of every RUN: the prefix test spares the regex for nearly all of them.
    internal static bool IsPipProgram(string name) => IsVersioned(name, "pip");

    internal static bool IsPython(string name) => IsVersioned(name, "python");

    /// <summary>
    /// <paramref name="name"/> is <paramref name="stem"/> with a version or none: <c>pip</c>, <c>pip3</c>, <c>python3.12</c>
    /// (<c>^stem[0-9]*(\.[0-9]+)?$</c>, read by hand: every command name of every RUN is asked).
    /// </summary>
    private static bool IsVersioned(string name, string stem)
    {
        // The first character before the call: most names asked are of other programs.
        if (name.Length < stem.Length || name[0] != stem[0] || !name.StartsWith(stem, StringComparison.Ordinal))
        {
            return false;
        }
        int i = stem.Length;
        while (i < name.Length && name[i] is >= '0' and <= '9') i++;
        if (i < name.Length && name[i] == '.')
        {
            int minor = ++i;
            while (i < name.Length && name[i] is >= '0' and <= '9') i++;
            if (i == minor) return false;
        }
        // '$' also matches before a final newline.
        return i == name.Length || (i == name.Length - 1 && name[i] == '\n');
    }

    /// <summary><c>pip …</c> or <c>python -m pip …</c>.</summary>
    internal static PackageCall? Classify(ShellCommand command)
    {
        IReadOnlyList<ShellWord> args;
        string display;
        if (IsPipProgram(command.Name))
        {
            args = command.Arguments;
            display = command.Name;
        }
        else
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
            if (m < 0) return null;
            args = command.Arguments.Skip(m + 2).ToArray();
            display = command.Name + " -m pip";
        }
        var positionals = Options.Positionals(args);
        if (positionals.Count == 0) return null;
        return positionals[0].Value switch
        {
            "install" => PackageManagers.Call("pip", PackageOp.Install, command, display, args, positionals, 1),
            "uninstall" => PackageManagers.Call("pip", PackageOp.Remove, command, display, args, positionals, 1),
            "cache" when positionals.Count > 1 && positionals[1].Value is "purge" or "remove" => PackageManagers.Call("pip", PackageOp.Clean, command, display, args, positionals, 2),
            _ => null,
        };
    }

    internal static PackageCall? ClassifyUv(ShellCommand command)
    {
        var p = UvOptions.Positionals(command.Arguments);
        if (p.Count == 0) return null;
        string sub = p[0].Value;
        if (sub == "pip" && p.Count > 1)
        {
            return p[1].Value switch
            {
                "install" or "sync" => PackageManagers.Call("uv", PackageOp.Install, command, "uv", command.Arguments, p, 2),
                "uninstall" => PackageManagers.Call("uv", PackageOp.Remove, command, "uv", command.Arguments, p, 2),
                _ => null,
            };
        }
        if (sub == "tool" && p.Count > 1 && p[1].Value == "install")
        {
            return PackageManagers.Call("uv", PackageOp.Install, command, "uv", command.Arguments, p, 2);
        }
        return sub switch
        {
            "sync" or "add" => PackageManagers.Call("uv", PackageOp.Install, command, "uv", command.Arguments, p, 1),
            "remove" => PackageManagers.Call("uv", PackageOp.Remove, command, "uv", command.Arguments, p, 1),
            "cache" when p.Count > 1 && p[1].Value == "clean" => PackageManagers.Call("uv", PackageOp.Clean, command, "uv", command.Arguments, p, 2),
            _ => null,
        };
    }

    internal static PackageCall? ClassifyPipenv(ShellCommand command) =>
        PackageManagers.Simple(command, "pipenv", OptionTable.None, install: new[] { "install", "sync" }, remove: new[] { "uninstall" });

    internal static PackageCall? ClassifyPoetry(ShellCommand command) =>
        PackageManagers.Simple(command, "poetry", OptionTable.None, install: new[] { "install", "add" }, remove: new[] { "remove" });

    internal static PackageCall? ClassifyConda(ShellCommand command) =>
        PackageManagers.Simple(command, "conda", CondaOptions, install: new[] { "install", "create", "update" }, remove: new[] { "remove", "uninstall" }, cleanFirst: "clean");

    /// <summary>
    /// As hadolint (DL3013): a version specifier (<c>==</c>, <c>&gt;=</c>, <c>~=</c>...), a VCS URL with <c>@ref</c>,
    /// a wheel or sdist file, or a local path is pinned.
    /// </summary>
    public static bool IsPinned(string package) =>
        VersionSymbols.Any(s => package.Contains(s, StringComparison.Ordinal))
        || (IsVcs(package) && package.Contains('@'))
        || package.EndsWith(".whl", StringComparison.Ordinal)
        || package.EndsWith(".tar.gz", StringComparison.Ordinal)
        || (!IsVcs(package) && package.Contains('/'));

    public static bool IsVcs(string package)
    {
        // A loop, not Any with a lambda: the lambda captured the package, a closure and a delegate per package asked.
        foreach (var scheme in VcsSchemes)
        {
            if (package.StartsWith(scheme, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
