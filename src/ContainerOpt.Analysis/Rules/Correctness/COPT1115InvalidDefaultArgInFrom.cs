using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Expansion;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's InvalidDefaultArgInFrom: with only the defaults of the global ARGs (no --build-arg),
/// a FROM's image expands to an empty or invalid image reference (<c>ARG VERSION</c> then
/// <c>FROM busybox:$VERSION</c>). Only FROMs that use a variable are checked.
/// </summary>
public sealed class COPT1115InvalidDefaultArgInFrom : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.InvalidDefaultArgInFrom;

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var stages = model.Stages;
        for (int i = 0; i < stages.Count; i++)
        {
            var token = stages[i].BaseToken;
            // A word without '$' expands to itself (always successfully) and is never reported: nothing to expand.
            if (token is null || token.Value.IndexOf('$') < 0)
            {
                continue;
            }
            var result = model.Expand(model.GlobalDefaultScope, token.Value);
            if (!result.Success)
            {
                return; // BuildKit abandons this check when an expansion fails
            }
            if (!ImageReference.IsValid(result.Result))
            {
                context.Report(token.Span, token.Value, result.Result);
            }
        }
    }
}
