using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3029: FROM with a <c>--platform</c> flag. Like hadolint, a value that uses
/// BUILDPLATFORM or TARGETPLATFORM (<c>--platform=$BUILDPLATFORM</c>, the cross-build pattern) is fine.
/// </summary>
public sealed class COPT2029FromPlatformFlag : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.FromPlatformFlag;

    public override void Analyze(RuleContext context)
    {
        foreach (var stage in context.Model.Stages)
        {
            var flag = stage.From.Syntax.FindFlag("platform");
            if (flag?.Value is not { Length: > 0 } value
                || value.Contains("BUILDPLATFORM", StringComparison.Ordinal) || value.Contains("TARGETPLATFORM", StringComparison.Ordinal))
            {
                continue;
            }
            context.Report(flag.Span, flag.Raw);
        }
    }
}
