using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Expansion;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's RedundantTargetPlatform (hadolint DL3065): <c>FROM --platform=$TARGETPLATFORM</c>, which is
/// what FROM does without the flag. Only when TARGETPLATFORM is the one variable the value uses and it
/// expands to exactly the target platform.
/// </summary>
public sealed class COPT1113RedundantTargetPlatform : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.RedundantTargetPlatform;

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        foreach (var stage in model.Stages)
        {
            var platform = stage.From.Syntax.FindFlag("platform");
            if (platform?.Value is null)
            {
                continue;
            }
            var result = model.Expand(model.GlobalScope, platform.Value);
            if (!result.Success || result.Matched.Count != 1 || result.Unmatched.Count != 0 || !result.Matched.Contains("TARGETPLATFORM"))
            {
                continue;
            }
            if (model.GlobalScope.TryGetValue("TARGETPLATFORM", out var target) && result.Result == target)
            {
                context.Report(platform.Span, platform.Value);
            }
        }
    }
}
