using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>apt-get, apt and aptitude (Debian, Ubuntu), and add-apt-repository, which refreshes the index.</summary>
public static class Apt
{
    public static readonly OptionTable Options = new("o", "option", "c", "config-file", "t", "target-release", "default-release");

    internal static PackageCall? Classify(ShellCommand command)
    {
        if (command.Is("add-apt-repository"))
        {
            return command.HasFlag("n", "no-update") ? null : PackageManagers.Call("apt", PackageOp.Update, command, command.Name, command.Arguments, Array.Empty<ShellWord>(), 0);
        }
        IReadOnlyList<ShellWord> arguments = command.Arguments; // the view boxed once, not once per use
        var positionals = Options.Positionals(arguments);
        if (positionals.Count == 0) return null;
        PackageOp? op = positionals[0].Value switch
        {
            "update" => PackageOp.Update,
            "install" or "reinstall" or "upgrade" or "dist-upgrade" or "full-upgrade" or "build-dep" or "satisfy" => PackageOp.Install,
            "clean" or "autoclean" or "auto-clean" or "distclean" or "dist-clean" => PackageOp.Clean,
            "remove" or "purge" or "autoremove" or "auto-remove" or "autopurge" => PackageOp.Remove,
            _ => null,
        };
        return op is null ? null : PackageManagers.Call("apt", op.Value, command, command.Name, arguments, positionals, 1);
    }

    /// <summary>
    /// True when apt-get answers its own prompts: <c>-y</c>, <c>--yes</c>, <c>--assume-yes</c> (combined too: <c>-qy</c>),
    /// <c>-o APT::Get::Assume-Yes=true</c>, or quiet level 2 (<c>-qq</c>, <c>-q -q</c>, <c>--quiet --quiet</c>, <c>-q=2</c>),
    /// which apt-get documents as implying <c>-y</c>. A single <c>-q</c> does not.
    /// </summary>
    public static bool AssumesYes(ShellCommand command)
    {
        if (command.HasFlag("y", "yes", "assume-yes"))
        {
            return true;
        }
        int quiet = 0;
        var args = command.Arguments;
        for (int i = 0; i < args.Count; i++)
        {
            string v = args[i].Value;
            if (v == "--")
            {
                break;
            }
            if ((v == "-o" || v == "--option") && i + 1 < args.Count)
            {
                v = "-o" + args[++i].Value;
            }
            if (v.StartsWith("-o", StringComparison.Ordinal))
            {
                if (v.Substring(2).Replace(" ", "").Equals("APT::Get::Assume-Yes=true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
                continue;
            }
            if (v == "--quiet" || v.StartsWith("--quiet=", StringComparison.Ordinal))
            {
                quiet += v.Length > 8 && int.TryParse(v.Substring(8), out var level) ? level : 1;
            }
            else if (v.Length > 1 && v[0] == '-' && v[1] != '-')
            {
                // Combined short flags: each q is one level; -q=2 sets the level.
                for (int c = 1; c < v.Length && char.IsLetter(v[c]); c++)
                {
                    if (v[c] != 'q') continue;
                    if (c + 1 < v.Length && v[c + 1] == '=')
                    {
                        quiet += int.TryParse(v.Substring(c + 2), out var level) ? level : 1;
                        break;
                    }
                    quiet++;
                }
            }
        }
        return quiet >= 2;
    }

    /// <summary>
    /// As hadolint (DL3008): <c>pkg=version</c>, a path or release selection (<c>./x.deb</c>, <c>pkg/bookworm-backports</c>:
    /// any '/') and .deb files are not version-less packages.
    /// </summary>
    public static bool IsPinned(string package) =>
        package.Contains('=') || package.Contains('/') || package.EndsWith(".deb", StringComparison.Ordinal);
}
