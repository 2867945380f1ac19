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
        var positionals = Options.Positionals(command.Arguments);
        if (positionals.Count == 0) return null;
        PackageOp? op = positionals[0].Value switch
        {
            "update" => PackageOp.Update,
            "install" or "reinstall" or "upgrade" or "dist-upgrade" or "full-upgrade" or "build-dep" or "satisfy" => PackageOp.Install,
            "clean" or "autoclean" or "auto-clean" or "distclean" or "dist-clean" => PackageOp.Clean,
            "remove" or "purge" or "autoremove" or "auto-remove" or "autopurge" => PackageOp.Remove,
            _ => null,
        };
        return op is null ? null : PackageManagers.Call("apt", op.Value, command, command.Name, command.Arguments, positionals, 1);
    }

    /// <summary>
    /// As hadolint (DL3008): <c>pkg=version</c>, a path or release selection (<c>./x.deb</c>, <c>pkg/bookworm-backports</c>:
    /// any '/') and .deb files are not version-less packages.
    /// </summary>
    public static bool IsPinned(string package) =>
        package.Contains('=') || package.Contains('/') || package.EndsWith(".deb", StringComparison.Ordinal);
}
