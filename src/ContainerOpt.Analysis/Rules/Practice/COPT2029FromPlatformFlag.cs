using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3029: FROM with a <c>--platform</c> flag. Like hadolint, a value that uses
/// BUILDPLATFORM or TARGETPLATFORM (<c>--platform=$BUILDPLATFORM</c>, the cross-build pattern) is fine.
/// </summary>
public sealed class COPT2029FromPlatformFlag : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2029",
        "from-platform-flag",
        "Do not use --platform flag with FROM",
        "'{0}' pins the stage to one platform, so builds for other platforms get the wrong base: remove it, or use --platform=$BUILDPLATFORM for a cross-compiling stage.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3029" });

    public override DiagnosticDescriptor Descriptor => Rule;

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
