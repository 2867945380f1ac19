using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>zypper (openSUSE, SLES).</summary>
public static class Zypper
{
    public static readonly OptionTable Options = new(
        "R", "root", "c", "config", "D", "reposd-dir", "C", "cache-dir", "raw-cache-dir", "solv-cache-dir", "pkg-cache-dir",
        "userdata", "t", "type", "r", "repo", "from", "download", "installroot");

    internal static PackageCall? Classify(ShellCommand command)
    {
        var positionals = Options.Positionals(command.Arguments);
        if (positionals.Count == 0) return null;
        PackageOp? op = positionals[0].Value switch
        {
            "install" or "in" or "update" or "up" or "dist-upgrade" or "dup" or "patch" or "source-install" or "si" => PackageOp.Install,
            "refresh" or "ref" => PackageOp.Update,
            "clean" or "cc" => PackageOp.Clean,
            "remove" or "rm" => PackageOp.Remove,
            _ => null,
        };
        return op is null ? null : PackageManagers.Call("zypper", op.Value, command, "zypper", command.Arguments, positionals, 1);
    }

    /// <summary>As hadolint (DL3037): <c>pkg=1.2</c>, <c>pkg&gt;=1.2</c>, <c>pkg&lt;2</c> and .rpm files are pinned.</summary>
    public static bool IsPinned(string package) =>
        package.Contains('=') || package.Contains('>') || package.Contains('<') || package.EndsWith(".rpm", StringComparison.Ordinal);
}
