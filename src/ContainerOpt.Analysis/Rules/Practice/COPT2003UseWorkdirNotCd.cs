using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3003: <c>cd</c> in a RUN. Like hadolint, any <c>cd</c> counts (chained, in a subshell, in a
/// heredoc); reported once per RUN at the first <c>cd</c>.
/// </summary>
public sealed class COPT2003UseWorkdirNotCd : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2003",
        "use-workdir-not-cd",
        "Use WORKDIR to switch to a directory",
        "Use WORKDIR to switch to a directory instead of 'cd' in RUN.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3003" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in ShellRuleSupport.PosixRuns(context))
        {
            foreach (var command in run.Named("cd"))
            {
                context.Report(command.NameSpan);
                break;
            }
        }
    }
}
