using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3068 (as hadolint's spec tests it): <c>pecl install</c> of an extension without a version
/// (<c>redis</c> instead of <c>redis-6.1.0</c>). A channel (<c>pecl.php.net/redis-6.1.0</c>,
/// <c>channel://pecl.php.net/redis-6.1.0</c>) does not hide the name; a stability state (<c>redis-stable</c>,
/// <c>xdebug-beta</c>) is not a version; local package files (<c>.tgz</c>, <c>package.xml</c>) and URLs are fine.
/// </summary>
public sealed class COPT2068PeclPinVersions : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PeclPinVersions;

    public override void Analyze(RuleContext context)
    {
        foreach (var run in context.RunSteps.Posix)
        {
            foreach (var (at, call) in run.PackageCalls)
            {
                if (call.Manager == "pecl" && call.Verb == "install")
                {
                    var operands = call.Operands;
                    for (int i = 0; i < operands.Count; i++)
                    {
                        if (!Pecl.IsPinned(operands[i].Value))
                        {
                            context.ReportUnpinned(at, operands[i]);
                        }
                    }
                }
            }
        }
    }
}
