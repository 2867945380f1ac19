using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3018: <c>apk add</c> packages without a version. As hadolint, <c>pkg=1.2-r0</c>, <c>pkg~1.2</c> (and so
/// <c>pkg&gt;=1.2</c>) and .apk files are pinned; the values of <c>-t</c>/<c>--virtual</c> and
/// <c>-X</c>/<c>--repository</c> are not packages.
/// </summary>
public sealed class COPT2018ApkPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ApkPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager == "apk" && call.Verb == "add")
                {
                    var operands = call.Operands;
                    for (int i = 0; i < operands.Count; i++)
                    {
                        if (!Apk.IsPinned(operands[i].Value))
                        {
                            context.ReportUnpinned(at, operands[i], operands[i].Value);
                        }
                    }
                }
            }
        }
    }

}
