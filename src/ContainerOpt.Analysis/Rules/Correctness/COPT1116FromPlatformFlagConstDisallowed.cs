using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Expansion;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's FromPlatformFlagConstDisallowed: <c>FROM --platform=linux/amd64</c> with a constant, which
/// pins the stage to one platform in every build. Not reported when the stage name mentions the
/// platform's OS or architecture (<c>AS build-amd64</c>): then the pinning is deliberate.
/// </summary>
public sealed class COPT1116FromPlatformFlagConstDisallowed : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.FromPlatformFlagConstDisallowed;

    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2029" };

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var lex = new ShellLex(model.Syntax.EscapeToken);
        foreach (var stage in model.Stages)
        {
            var platform = stage.From.Syntax.FindFlag("platform");
            if (platform?.Value is null)
            {
                continue;
            }
            var result = lex.ProcessWord(platform.Value, model.GlobalScope);
            if (!result.Success || result.Matched.Count > 0 || result.Unmatched.Count > 0)
            {
                continue;
            }
            if (!BuildKitSemantics.TryParsePlatform(result.Result, out var os, out var arch))
            {
                continue;
            }
            string name = stage.Name ?? "";
            if (name.Contains(os, StringComparison.Ordinal) || name.Contains(arch, StringComparison.Ordinal))
            {
                continue;
            }
            context.Report(platform.Span, result.Result);
        }
    }
}
