using System.Text.RegularExpressions;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>What a package-manager command does.</summary>
public enum PackageOp
{
    /// <summary>Refreshes the package index (<c>apt-get update</c>, <c>apk update</c>, <c>yum makecache</c>).</summary>
    Update,

    /// <summary>Installs or upgrades packages or a project's dependencies.</summary>
    Install,

    /// <summary>Builds a project and restores its dependencies on the way (<c>dotnet publish</c>, <c>mvn package</c>).</summary>
    Build,

    /// <summary>Cleans the manager's cache (<c>apt-get clean</c>, <c>yum clean all</c>, <c>npm cache clean --force</c>).</summary>
    Clean,

    /// <summary>Removes packages (<c>apt-get purge</c>, <c>apk del</c>, <c>pip uninstall</c>, <c>npm prune</c>).</summary>
    Remove,
}

/// <summary>A package-manager command, understood: which manager, what it does, on which packages.</summary>
public sealed class PackageCall
{
    public PackageCall(string manager, PackageOp op, ShellCommand command, string display, IReadOnlyList<ShellWord> operands)
    {
        Manager = manager;
        Op = op;
        Command = command;
        Display = display;
        Operands = operands;
    }

    /// <summary>apt, apk, yum, dnf, zypper, pip, uv, pipenv, poetry, npm, yarn, pnpm, gem, bundle, nuget, go, cargo, composer, maven, conda.</summary>
    public string Manager { get; }

    public PackageOp Op { get; }

    public ShellCommand Command { get; }

    /// <summary>The program and its subcommand as written: <c>apt-get update</c>, <c>npm ci</c>, <c>python3 -m pip install</c>.</summary>
    public string Display { get; }

    /// <summary>Positional arguments after the subcommand: packages, requirement files, goals.</summary>
    public IReadOnlyList<ShellWord> Operands { get; }

    /// <summary>Package names without versions (<c>curl=7.88</c>, <c>flask==3.0</c>, <c>express@4</c> give the name).</summary>
    public IEnumerable<string> PackageNames => Operands.Select(o => PackageManagers.StripVersion(o.Value)).Where(n => n.Length > 0);

    public override string ToString() => Display;
}

/// <summary>Recognises package-manager commands wherever they stand in a RUN.</summary>
public static class PackageManagers
{
    private static readonly Regex PipName = new("^pip[0-9]*(\\.[0-9]+)?$", RegexOptions.CultureInvariant);
    private static readonly Regex PythonName = new("^python[0-9]*(\\.[0-9]+)?$", RegexOptions.CultureInvariant);

    private static readonly string[] AptValueFlags = { "o", "option", "c", "config-file", "t", "target-release", "default-release" };
    private static readonly string[] ApkValueFlags = { "X", "repository", "p", "root", "t", "virtual", "arch", "cache-dir", "keys-dir", "repositories-file" };
    private static readonly string[] YumValueFlags = { "c", "config", "d", "debuglevel", "e", "errorlevel", "x", "exclude", "releasever", "installroot", "enablerepo", "disablerepo", "repo", "repoid", "setopt" };
    private static readonly string[] ZypperValueFlags = { "c", "config", "R", "root", "r", "repo", "from", "t", "type" };
    private static readonly string[] PipValueFlags =
    {
        "m", "r", "requirement", "c", "constraint", "e", "editable", "i", "index-url", "extra-index-url", "f", "find-links",
        "t", "target", "prefix", "root", "cache-dir", "src", "platform", "python-version", "implementation", "abi",
        "no-binary", "only-binary", "progress-bar", "upgrade-strategy", "trusted-host", "proxy", "retries", "timeout",
        "log", "exists-action", "cert", "client-cert", "global-option", "config-settings", "C", "report",
    };
    private static readonly string[] NpmValueFlags = { "prefix", "cache", "registry", "userconfig", "w", "workspace", "omit", "include", "loglevel", "only", "tag", "location", "install-strategy" };
    private static readonly string[] YarnValueFlags = { "cache-folder", "modules-folder", "global-folder", "mutex", "network-timeout", "registry", "cwd" };
    private static readonly string[] DotnetValueFlags = { "c", "configuration", "o", "output", "r", "runtime", "f", "framework", "s", "source", "packages", "v", "verbosity", "p", "property", "a", "arch", "os", "version", "tool-path", "configfile", "add-source" };
    private static readonly string[] GemValueFlags = { "v", "version", "i", "install-dir", "n", "bindir", "s", "source", "P", "trust-policy", "platform", "document", "g", "file" };

    /// <summary>The package-manager call a command is, or null.</summary>
    public static PackageCall? Classify(ShellCommand command)
    {
        string name = command.Name;
        switch (name)
        {
            case "apt-get":
            case "apt":
            case "aptitude":
                return Apt(command);
            case "add-apt-repository":
                return command.HasFlag("n", "no-update") ? null : Call("apt", PackageOp.Update, command, name, Array.Empty<ShellWord>());
            case "apk":
                return Apk(command);
            case "yum":
                return Rpm("yum", command, YumValueFlags);
            case "dnf":
            case "dnf5":
            case "microdnf":
            case "tdnf":
                return Rpm("dnf", command, YumValueFlags);
            case "zypper":
                return Zypper(command);
            case "npm":
                return Npm(command);
            case "yarn":
                return Yarn(command);
            case "pnpm":
                return Simple(command, "pnpm", NpmValueFlags, install: new[] { "install", "i", "add", "update", "up" }, remove: new[] { "remove", "rm", "uninstall", "un" }, cleanFirst: "store", cleanSecond: "prune");
            case "gem":
                return Simple(command, "gem", GemValueFlags, install: new[] { "install", "update" }, remove: new[] { "uninstall" });
            case "bundle":
            case "bundler":
                return Simple(command, "bundle", new[] { "gemfile", "path", "jobs", "j", "retry", "without", "with" }, install: new[] { "install" }, remove: Array.Empty<string>());
            case "dotnet":
                return Dotnet(command);
            case "go":
                return Simple(command, "go", Array.Empty<string>(), install: new[] { "get", "install" }, remove: Array.Empty<string>(), installPair: ("mod", "download"));
            case "cargo":
                return Simple(command, "cargo", Array.Empty<string>(), install: new[] { "fetch", "install" }, remove: new[] { "uninstall" });
            case "composer":
                return Simple(command, "composer", Array.Empty<string>(), install: new[] { "install", "update", "require" }, remove: new[] { "remove" }, cleanFirst: "clear-cache");
            case "pipenv":
                return Simple(command, "pipenv", Array.Empty<string>(), install: new[] { "install", "sync" }, remove: new[] { "uninstall" });
            case "poetry":
                return Simple(command, "poetry", Array.Empty<string>(), install: new[] { "install", "add" }, remove: new[] { "remove" });
            case "uv":
                return Uv(command);
            case "conda":
            case "mamba":
            case "micromamba":
                return Simple(command, "conda", new[] { "n", "name", "p", "prefix", "c", "channel", "f", "file" }, install: new[] { "install", "create", "update" }, remove: new[] { "remove", "uninstall" }, cleanFirst: "clean");
            case "mvn":
            case "mvnw":
                return Maven(command);
        }
        if (PipName.IsMatch(name))
        {
            return Pip(command, command.Positionals(PipValueFlags), name);
        }
        if (PythonName.IsMatch(name) && command.FlagValue("m") == "pip")
        {
            return Pip(command, command.Positionals(PipValueFlags), name + " -m pip");
        }
        return null;
    }

    /// <summary>Every package-manager call of a script, in order.</summary>
    public static IEnumerable<PackageCall> In(ShellScript script)
    {
        foreach (var command in script.Commands)
        {
            if (Classify(command) is { } call)
            {
                yield return call;
            }
        }
    }

    /// <summary><c>curl=7.88</c>, <c>flask==3.0</c>, <c>flask&gt;=3</c>, <c>express@4</c>, <c>@scope/pkg@1</c> give the bare name.</summary>
    public static string StripVersion(string package)
    {
        string p = package;
        int at = p.IndexOf('@', p.StartsWith("@", StringComparison.Ordinal) ? 1 : 0);
        if (at > 0) p = p.Substring(0, at);
        int cut = p.IndexOfAny(new[] { '=', '<', '>', '~', '!', '[', ';' });
        if (cut > 0) p = p.Substring(0, cut);
        return p;
    }

    private static PackageCall Call(string manager, PackageOp op, ShellCommand command, string display, IReadOnlyList<ShellWord> operands) =>
        new(manager, op, command, display, operands);

    private static PackageCall? Apt(ShellCommand command)
    {
        var positionals = command.Positionals(AptValueFlags);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        PackageOp? op = sub switch
        {
            "update" => PackageOp.Update,
            "install" or "reinstall" or "upgrade" or "dist-upgrade" or "full-upgrade" or "build-dep" or "satisfy" => PackageOp.Install,
            "clean" or "autoclean" or "auto-clean" or "distclean" or "dist-clean" => PackageOp.Clean,
            "remove" or "purge" or "autoremove" or "auto-remove" or "autopurge" => PackageOp.Remove,
            _ => null,
        };
        return op is null ? null : Call("apt", op.Value, command, command.Name + " " + sub, positionals.Skip(1).ToArray());
    }

    private static PackageCall? Apk(ShellCommand command)
    {
        var positionals = command.Positionals(ApkValueFlags);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        var rest = positionals.Skip(1).ToArray();
        return sub switch
        {
            "add" or "upgrade" or "fix" => Call("apk", PackageOp.Install, command, "apk " + sub, rest),
            "update" => Call("apk", PackageOp.Update, command, "apk update", rest),
            "del" => Call("apk", PackageOp.Remove, command, "apk del", rest),
            "cache" when rest.Length > 0 && rest[0].Value is "clean" or "purge" => Call("apk", PackageOp.Clean, command, "apk cache " + rest[0].Value, rest.Skip(1).ToArray()),
            _ => null,
        };
    }

    private static PackageCall? Rpm(string manager, ShellCommand command, string[] valueFlags)
    {
        var positionals = command.Positionals(valueFlags);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        var rest = positionals.Skip(1).ToArray();
        string display = command.Name + " " + sub;
        if ((sub is "group" or "groups" or "module") && rest.Length > 0 && rest[0].Value is "install" or "update" or "upgrade")
        {
            return Call(manager, PackageOp.Install, command, display + " " + rest[0].Value, rest.Skip(1).ToArray());
        }
        PackageOp? op = sub switch
        {
            "install" or "in" or "groupinstall" or "localinstall" or "reinstall" or "update" or "upgrade" or "up" or "distro-sync" or "groupupdate" => PackageOp.Install,
            "makecache" => PackageOp.Update,
            "clean" => PackageOp.Clean,
            "remove" or "erase" or "rm" or "autoremove" or "groupremove" => PackageOp.Remove,
            _ => null,
        };
        return op is null ? null : Call(manager, op.Value, command, display, rest);
    }

    private static PackageCall? Zypper(ShellCommand command)
    {
        var positionals = command.Positionals(ZypperValueFlags);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        PackageOp? op = sub switch
        {
            "install" or "in" or "update" or "up" or "dist-upgrade" or "dup" or "patch" or "source-install" or "si" => PackageOp.Install,
            "refresh" or "ref" => PackageOp.Update,
            "clean" or "cc" => PackageOp.Clean,
            "remove" or "rm" => PackageOp.Remove,
            _ => null,
        };
        return op is null ? null : Call("zypper", op.Value, command, "zypper " + sub, positionals.Skip(1).ToArray());
    }

    private static PackageCall? Pip(ShellCommand command, IReadOnlyList<ShellWord> positionals, string display)
    {
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        var rest = positionals.Skip(1).ToArray();
        return sub switch
        {
            "install" => Call("pip", PackageOp.Install, command, display + " install", rest),
            "uninstall" => Call("pip", PackageOp.Remove, command, display + " uninstall", rest),
            "cache" when rest.Length > 0 && rest[0].Value is "purge" or "remove" => Call("pip", PackageOp.Clean, command, display + " cache " + rest[0].Value, rest.Skip(1).ToArray()),
            _ => null,
        };
    }

    private static PackageCall? Uv(ShellCommand command)
    {
        var positionals = command.Positionals("cache-dir", "python", "p", "r", "requirement", "c", "constraint", "index-url", "extra-index-url", "f", "find-links", "directory", "project");
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        var rest = positionals.Skip(1).ToArray();
        if (sub == "pip" && rest.Length > 0)
        {
            return rest[0].Value switch
            {
                "install" or "sync" => Call("uv", PackageOp.Install, command, "uv pip " + rest[0].Value, rest.Skip(1).ToArray()),
                "uninstall" => Call("uv", PackageOp.Remove, command, "uv pip uninstall", rest.Skip(1).ToArray()),
                _ => null,
            };
        }
        if (sub == "tool" && rest.Length > 0 && rest[0].Value == "install")
        {
            return Call("uv", PackageOp.Install, command, "uv tool install", rest.Skip(1).ToArray());
        }
        return sub switch
        {
            "sync" or "add" => Call("uv", PackageOp.Install, command, "uv " + sub, rest),
            "remove" => Call("uv", PackageOp.Remove, command, "uv remove", rest),
            "cache" when rest.Length > 0 && rest[0].Value == "clean" => Call("uv", PackageOp.Clean, command, "uv cache clean", rest.Skip(1).ToArray()),
            _ => null,
        };
    }

    private static PackageCall? Npm(ShellCommand command)
    {
        var positionals = command.Positionals(NpmValueFlags);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        var rest = positionals.Skip(1).ToArray();
        string display = "npm " + sub;
        switch (sub)
        {
            case "install":
            case "i":
            case "in":
            case "ins":
            case "inst":
            case "insta":
            case "instal":
            case "isnt":
            case "isnta":
            case "isntal":
            case "isntall":
            case "add":
            case "ci":
            case "clean-install":
            case "ic":
            case "install-clean":
            case "isntall-clean":
            case "install-ci-test":
            case "cit":
            case "install-test":
            case "it":
            case "update":
            case "up":
            case "upgrade":
            case "udpate":
                return Call("npm", PackageOp.Install, command, display, rest);
            case "uninstall":
            case "unlink":
            case "un":
            case "remove":
            case "rm":
            case "r":
            case "prune":
                return Call("npm", PackageOp.Remove, command, display, rest);
            case "cache" when rest.Length > 0 && rest[0].Value == "clean":
                return Call("npm", PackageOp.Clean, command, "npm cache clean", rest.Skip(1).ToArray());
        }
        return null;
    }

    private static PackageCall? Yarn(ShellCommand command)
    {
        var positionals = command.Positionals(YarnValueFlags);
        if (positionals.Count == 0)
        {
            return Call("yarn", PackageOp.Install, command, "yarn", Array.Empty<ShellWord>());
        }
        string sub = positionals[0].Value;
        var rest = positionals.Skip(1).ToArray();
        if (sub == "global" && rest.Length > 0 && rest[0].Value == "add")
        {
            return Call("yarn", PackageOp.Install, command, "yarn global add", rest.Skip(1).ToArray());
        }
        if (sub == "workspaces" && rest.Length > 0 && rest[0].Value == "focus")
        {
            return Call("yarn", PackageOp.Install, command, "yarn workspaces focus", rest.Skip(1).ToArray());
        }
        return sub switch
        {
            "install" or "add" => Call("yarn", PackageOp.Install, command, "yarn " + sub, rest),
            "remove" => Call("yarn", PackageOp.Remove, command, "yarn remove", rest),
            "cache" when rest.Length > 0 && rest[0].Value == "clean" => Call("yarn", PackageOp.Clean, command, "yarn cache clean", rest.Skip(1).ToArray()),
            _ => null,
        };
    }

    private static PackageCall? Dotnet(ShellCommand command)
    {
        var positionals = command.Positionals(DotnetValueFlags);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        var rest = positionals.Skip(1).ToArray();
        switch (sub)
        {
            case "restore":
                return Call("nuget", PackageOp.Install, command, "dotnet restore", rest);
            case "build":
            case "publish":
            case "test":
            case "pack":
            case "run":
                return command.HasFlag("no-restore") ? null : Call("nuget", PackageOp.Build, command, "dotnet " + sub, rest);
            case "tool" when rest.Length > 0 && rest[0].Value is "install" or "update" or "restore":
                return Call("nuget", PackageOp.Install, command, "dotnet tool " + rest[0].Value, rest.Skip(1).ToArray());
            case "nuget" when rest.Length > 1 && rest[0].Value == "locals" && command.HasFlag("c", "clear"):
                return Call("nuget", PackageOp.Clean, command, "dotnet nuget locals " + rest[1].Value + " --clear", rest.Skip(1).ToArray());
        }
        return null;
    }

    private static PackageCall? Maven(ShellCommand command)
    {
        var positionals = command.Positionals("f", "file", "s", "settings", "P", "activate-profiles", "pl", "projects", "T", "threads", "D");
        PackageCall? build = null;
        foreach (var goal in positionals)
        {
            string g = goal.Value;
            if (g.StartsWith("dependency:", StringComparison.Ordinal) || g.StartsWith("org.apache.maven.plugins:maven-dependency-plugin", StringComparison.Ordinal))
            {
                return Call("maven", PackageOp.Install, command, command.Name + " " + g, positionals);
            }
            if (build is null && g is "compile" or "test" or "package" or "verify" or "install" or "deploy")
            {
                build = Call("maven", PackageOp.Build, command, command.Name + " " + g, positionals);
            }
        }
        return build;
    }

    private static PackageCall? Simple(ShellCommand command, string manager, string[] valueFlags, string[] install, string[] remove,
        string? cleanFirst = null, string? cleanSecond = null, (string, string)? installPair = null)
    {
        var positionals = command.Positionals(valueFlags);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        var rest = positionals.Skip(1).ToArray();
        if (installPair is { } pair && sub == pair.Item1 && rest.Length > 0 && rest[0].Value == pair.Item2)
        {
            return Call(manager, PackageOp.Install, command, command.Name + " " + sub + " " + pair.Item2, rest.Skip(1).ToArray());
        }
        if (install.Contains(sub))
        {
            return Call(manager, PackageOp.Install, command, command.Name + " " + sub, rest);
        }
        if (remove.Contains(sub))
        {
            return Call(manager, PackageOp.Remove, command, command.Name + " " + sub, rest);
        }
        if (cleanFirst is not null && sub == cleanFirst && (cleanSecond is null || (rest.Length > 0 && rest[0].Value == cleanSecond)))
        {
            return Call(manager, PackageOp.Clean, command, command.Name + " " + sub + (cleanSecond is null ? "" : " " + cleanSecond), rest);
        }
        return null;
    }
}
