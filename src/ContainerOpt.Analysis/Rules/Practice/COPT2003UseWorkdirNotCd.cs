using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3003: <c>cd</c> in a RUN. Like hadolint, any <c>cd</c> counts (chained, in a subshell, in a
/// heredoc); reported once per RUN at the first <c>cd</c>.
/// </summary>
public sealed class COPT2003UseWorkdirNotCd : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UseWorkdirNotCd;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var command in run.Named("cd"))
            {
                context.Report(command.NameSpan);
                break;
            }
        }
    }
}
