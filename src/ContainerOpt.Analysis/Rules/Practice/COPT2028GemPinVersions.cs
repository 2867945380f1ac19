using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3028: <c>gem install</c> (or <c>gem i</c>) of a gem without a version (<c>gem install bundler:2.5.6</c>).
/// As hadolint: a <c>-v</c>/<c>--version</c> anywhere pins the command; words after <c>--</c> are build options;
/// an option not known to be a switch takes the next word as its value (<c>--use-system-libraries true</c>).
/// Known switches (<c>--no-document</c>, <c>--user-install</c>...) do not, so the gem after them is still checked.
/// Local .gem files are pinned.
/// </summary>
public sealed class COPT2028GemPinVersions : DockerfileRule
{
    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal)
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

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.GemPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("gem"))
            {
                var args = command.Arguments;
                if (args.Any(a => a.Value is "-v" or "--version" || a.Value.StartsWith("--version=", StringComparison.Ordinal)))
                {
                    continue;
                }
                var gems = Gems(args);
                if (gems.Count == 0 || gems[0].Value is not ("install" or "i"))
                {
                    continue;
                }
                foreach (var gem in gems.Skip(1))
                {
                    string name = gem.Value;
                    if (name is "install" or "i" || name.Contains(':') || name.EndsWith(".gem", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    context.Report(run.SpanOf(gem), name);
                }
            }
        }
    }

    /// <summary>Words before <c>--</c> that are neither options nor option values.</summary>
    private static List<ShellWord> Gems(IReadOnlyList<ShellWord> args)
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
                    i++; // hadolint: an option takes the next word
                }
                continue;
            }
            result.Add(args[i]);
        }
        return result;
    }
}
