using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3034: a zypper command that asks for confirmation (<c>install</c>/<c>in</c>, <c>remove</c>/<c>rm</c>,
/// <c>source-install</c>/<c>si</c>, <c>patch</c>) without <c>-n</c>/<c>--non-interactive</c> or <c>-y</c>/<c>--no-confirm</c>.
/// </summary>
public sealed class COPT2034ZypperNonInteractive : DockerfileRule
{
    private static readonly string[] Prompting = { "install", "in", "remove", "rm", "source-install", "si", "patch" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ZypperNonInteractive;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                var verb = call.Positionals.Count > 0 ? call.Positionals[0].Value : "";
                if (call.Manager == "zypper" && Prompting.Contains(verb, StringComparer.Ordinal)
                    && !call.Command.HasFlag("y", "no-confirm", "n", "non-interactive"))
                {
                    context.Report(at.NameSpan, verb);
                }
            }
        }
    }
}
