using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3037: <c>zypper install</c> (<c>in</c>) packages without a version. As hadolint, <c>pkg=1.2</c>,
/// <c>pkg&gt;=1.2</c>, <c>pkg&gt;1.2</c>, <c>pkg&lt;=1.2</c>, <c>pkg&lt;1.2</c> (escaped or quoted in the shell) and .rpm files
/// are pinned; values of options such as <c>-t pattern</c> or <c>--from repo</c> are not packages.
/// </summary>
public sealed class COPT2037ZypperPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ZypperPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager == "zypper" && call.Verb is "install" or "in")
                {
                    var operands = call.Operands;
                    for (int i = 0; i < operands.Count; i++)
                    {
                        if (operands[i].Value is not ("install" or "in") && !Zypper.IsPinned(operands[i].Value))
                        {
                            context.ReportUnpinned(at, operands[i], operands[i].Value);
                        }
                    }
                }
            }
        }
    }

}
