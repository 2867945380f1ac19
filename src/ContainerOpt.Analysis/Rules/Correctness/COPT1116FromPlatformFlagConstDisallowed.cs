using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's FromPlatformFlagConstDisallowed: <c>FROM --platform=linux/amd64</c> with a constant, which
/// pins the stage to one platform in every build. Not reported when the stage name mentions the
/// platform's OS or architecture (<c>AS build-amd64</c>): then the pinning is deliberate.
/// The fix depends on the stage: the final stage and the stages it is built on make the shipped image, so the flag
/// goes and the platform is asked of <c>docker build --platform</c> ($BUILDPLATFORM there would ship the builder's
/// architecture); a stage whose files are copied into another may use $BUILDPLATFORM. When every stage pins the same
/// constant (or the file has one stage, pinned) the whole build is pinned on purpose: one finding, at the first stage, says so (as a suggestion).
/// </summary>
public sealed class COPT1116FromPlatformFlagConstDisallowed : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.FromPlatformFlagConstDisallowed;

    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2029" };

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        List<(Stage Stage, TextSpan Span, string Platform)>? pinned = null; // made on the first pinned stage: most files have none
        bool allPinned = true;
        foreach (var stage in model.Stages)
        {
            if (stage.IsImplicit)
            {
                continue;
            }
            var platform = stage.From.Syntax.FindFlag("platform");
            if (platform?.Value is null)
            {
                allPinned = false;
                continue;
            }
            var result = model.Expand(model.GlobalScope, platform.Value);
            if (!result.Success || result.Matched.Count > 0 || result.Unmatched.Count > 0
                || !BuildKitSemantics.TryParsePlatform(result.Result, out var os, out var arch))
            {
                allPinned = false;
                continue;
            }
            string name = stage.Name ?? "";
            if (name.Contains(os, StringComparison.Ordinal) || name.Contains(arch, StringComparison.Ordinal))
            {
                allPinned = false;
                continue;
            }
            (pinned ??= new()).Add((stage, platform.Span, result.Result));
        }
        if (pinned is not null)
        {
            Report(context, pinned, allPinned);
        }
    }

    // A method of its own: the lambda over the pinned stages would make its closure for every file.
    private static void Report(RuleContext context, List<(Stage Stage, TextSpan Span, string Platform)> pinned, bool allPinned)
    {
        var model = context.Model;
        // A one-stage file pins its whole build as surely as several stages pinned alike.
        if (allPinned && pinned.All(p => p.Platform == pinned[0].Platform))
        {
            string value = pinned[0].Platform;
            bool one = pinned.Count == 1;
            // One stage keeps BuildKit's wording at its start; several say that every stage agrees.
            context.ReportAsAlsoAt(DiagnosticSeverity.Info, pinned[0].Span, pinned.Skip(1).Select(p => p.Span).ToList(),
                one ? "should not use" : "of every stage has the same", value,
                $"{(one ? "the file's only stage pins" : "the whole build is pinned to")} {value}, which looks deliberate; to build for another platform, drop the {(one ? "flag" : "flags")} and pass --platform={value} to docker build (or set DOCKER_DEFAULT_PLATFORM)");
            return;
        }
        var shipped = model.FinalStage is { } final ? new HashSet<Stage>(final.Chain) : new HashSet<Stage>();
        foreach (var (stage, span, value) in pinned)
        {
            string fix = shipped.Contains(stage)
                ? $"this stage makes the image, so it gets {value} whatever platform the build asks for; drop the flag and pass --platform={value} to docker build (or set DOCKER_DEFAULT_PLATFORM) when you need that platform ($BUILDPLATFORM here would ship the builder's architecture)"
                : IsCopiedFrom(model, stage)
                    ? "use --platform=$BUILDPLATFORM when what later stages copy from it does not depend on the target architecture (or is cross-compiled), or drop the flag"
                    : "use --platform=$BUILDPLATFORM (or $TARGETPLATFORM), or drop the flag";
            context.Report(span, "should not use", value, fix);
        }
    }

    /// <summary>True when another stage copies files from this one (<c>COPY --from</c>, <c>RUN --mount=from=</c>).</summary>
    private static bool IsCopiedFrom(DockerfileModel model, Stage stage) =>
        model.Stages.Any(other => other != stage && other.References.Any(r => r.Target == stage));
}
