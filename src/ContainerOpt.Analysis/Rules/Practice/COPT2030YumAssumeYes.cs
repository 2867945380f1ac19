using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3030: <c>yum install</c>, <c>groupinstall</c> or <c>localinstall</c> without <c>-y</c>/<c>--assumeyes</c>
/// waits for a confirmation that a build cannot give.
/// </summary>
public sealed class COPT2030YumAssumeYes : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.YumAssumeYes;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunScripts)
        {
            if (!run.IsPosix)
            {
                continue;
            }
            foreach (var command in run.Script.Named("yum"))
            {
                var positionals = command.Positionals(PackageManagerCommands.YumDnfValueFlags);
                var verb = PackageManagerCommands.RpmInstallVerb(positionals, out _);
                if (verb is not null && !command.HasFlag("y", "assumeyes"))
                {
                    context.Report(run.NameSpanOf(command), verb.Value);
                }
            }
        }
    }
}
