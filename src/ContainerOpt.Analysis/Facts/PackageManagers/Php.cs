using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>pecl, PHP's extension installer (composer is read with <see cref="OtherManagers"/>).</summary>
public static class Pecl
{
    /// <summary>pecl's options that take a value: global (<c>-c</c>, <c>-C</c>, <c>-d</c>, <c>-D</c>) and install's (<c>-R</c>, <c>-P</c>, <c>--configureoptions</c>).</summary>
    public static readonly OptionTable Options = new(
        "c", "C", "d", "D", "R", "installroot", "P", "packagingroot", "configureoptions");

    private static readonly string[] LocalFiles = { ".tgz", ".tar", ".tar.gz", ".xml" };

    internal static PackageCall? Classify(ShellCommand command) =>
        PackageManagers.Simple(command, "pecl", Options, install: new[] { "install", "upgrade" }, remove: new[] { "uninstall" }, cleanFirst: "clear-cache");

    /// <summary>
    /// As hadolint's spec (DL3068): <c>name-version</c> is pinned when the version starts with a digit (or is a variable),
    /// with or without a channel (<c>pecl.php.net/redis-6.1.0</c>, <c>channel://pecl.php.net/redis-6.1.0</c>); a state such
    /// as <c>redis-stable</c> or <c>xdebug-beta</c> is not a version. Local package files (<c>.tgz</c>, <c>.tar</c>,
    /// <c>package.xml</c>) and downloads by URL install exactly what they name.
    /// </summary>
    public static bool IsPinned(string package)
    {
        const string ChannelScheme = "channel://";
        bool channelUri = package.StartsWith(ChannelScheme, StringComparison.OrdinalIgnoreCase);
        if ((!channelUri && package.Contains("://")) || LocalFiles.Any(s => package.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }
        string name = channelUri ? package.Substring(ChannelScheme.Length) : package;
        name = name.Substring(name.LastIndexOf('/') + 1);
        int dash = name.LastIndexOf('-');
        return dash > 0 && dash + 1 < name.Length && (char.IsDigit(name[dash + 1]) || name[dash + 1] == '$');
    }
}
