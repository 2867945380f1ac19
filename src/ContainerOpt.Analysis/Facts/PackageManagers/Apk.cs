using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>apk (Alpine).</summary>
public static class Apk
{
    public static readonly OptionTable Options = new(
        "X", "repository", "p", "root", "t", "virtual", "arch", "cache-dir", "cache-max-age", "keys-dir", "repositories-file",
        "progress-fd", "timeout");

    internal static PackageCall? Classify(ShellCommand command)
    {
        var positionals = Options.Positionals(command.Arguments);
        if (positionals.Count == 0) return null;
        string sub = positionals[0].Value;
        return sub switch
        {
            "add" or "upgrade" or "fix" => PackageManagers.Call("apk", PackageOp.Install, command, "apk", command.Arguments, positionals, 1),
            "update" => PackageManagers.Call("apk", PackageOp.Update, command, "apk", command.Arguments, positionals, 1),
            "del" => PackageManagers.Call("apk", PackageOp.Remove, command, "apk", command.Arguments, positionals, 1),
            "cache" when positionals.Count > 1 && positionals[1].Value is "clean" or "purge" => PackageManagers.Call("apk", PackageOp.Clean, command, "apk", command.Arguments, positionals, 2),
            _ => null,
        };
    }

    /// <summary>As hadolint (DL3018): <c>pkg=1.2-r0</c>, <c>pkg~1.2</c> (and so <c>pkg&gt;=1.2</c>) and .apk files are pinned.</summary>
    public static bool IsPinned(string package) =>
        package.Contains('=') || package.Contains('~') || package.EndsWith(".apk", StringComparison.Ordinal);
}
