using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>gem and bundler.</summary>
public static class Gem
{
    /// <summary>
    /// gem's options that take no value. As hadolint reads gem, any other option takes the next word
    /// (<c>--use-system-libraries true</c>), unless written <c>--name=value</c>.
    /// </summary>
    public static readonly IReadOnlyCollection<string> Switches = new HashSet<string>(StringComparer.Ordinal)
    {
        "-N", "--no-document", "--no-doc", "--no-ri", "--no-rdoc", "--ri", "--rdoc", "--user-install", "--no-user-install",
        "-f", "--force", "--no-force", "-l", "--local", "-r", "--remote", "-b", "--both", "--conservative", "--no-conservative",
        "--minimal-deps", "--no-minimal-deps", "--development", "--development-all", "--prerelease", "--no-prerelease",
        "--ignore-dependencies", "--no-ignore-dependencies", "-E", "--env-shebang", "--no-env-shebang", "--explain", "--lock",
        "--no-lock", "--suggestions", "--no-suggestions", "--default", "--post-install-message", "--no-post-install-message",
        "--vendor", "--norc", "-V", "--verbose", "--no-verbose", "-q", "--quiet", "--silent", "--backtrace", "--debug",
        "--clear-sources", "--update-sources", "--no-update-sources", "-w", "--wrappers", "--no-wrappers",
        "--format-executable", "--no-format-executable", "-u", "--no-http-proxy",
    };

    /// <summary>bundler's options that take a value.</summary>
    public static readonly OptionTable BundleOptions = new("gemfile", "path", "jobs", "j", "retry", "without", "with");

    /// <summary>Words before <c>--</c> (after it come build options) that are neither options nor option values.</summary>
    public static IReadOnlyList<ShellWord> Positionals(IReadOnlyList<ShellWord> args)
    {
        var result = new List<ShellWord>();
        for (int i = 0; i < args.Count; i++)
        {
            string v = args[i].Value;
            if (v == "--")
            {
                break;
            }
            if (args[i].IsFlag)
            {
                if (!v.Contains('=') && !Switches.Contains(v))
                {
                    i++;
                }
                continue;
            }
            result.Add(args[i]);
        }
        return result;
    }

    internal static PackageCall? Classify(ShellCommand command)
    {
        var p = Positionals(command.Arguments);
        if (p.Count == 0) return null;
        return p[0].Value switch
        {
            "install" or "i" or "update" => PackageManagers.Call("gem", PackageOp.Install, command, "gem", command.Arguments, p, 1),
            "uninstall" => PackageManagers.Call("gem", PackageOp.Remove, command, "gem", command.Arguments, p, 1),
            _ => null,
        };
    }

    internal static PackageCall? ClassifyBundle(ShellCommand command) =>
        PackageManagers.Simple(command, "bundle", BundleOptions, install: new[] { "install" }, remove: Array.Empty<string>());

    /// <summary>As hadolint (DL3028): <c>name:version</c> and local .gem files are pinned (a <c>-v</c> pins the whole command).</summary>
    public static bool IsPinned(string gem) => gem.Contains(':') || gem.EndsWith(".gem", StringComparison.Ordinal);
}
