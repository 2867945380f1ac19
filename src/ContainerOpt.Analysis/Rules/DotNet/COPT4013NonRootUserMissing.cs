using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// The final stage is built on a .NET 8+ image, which provides the non-root user <c>app</c>
/// (<c>$APP_UID</c>), yet no USER is set anywhere in its stage chain, so the app runs as root.
/// Chiseled and distroless images already run as <c>app</c>; a USER that names root is hadolint
/// DL3002's finding, not this one; a project whose ContainerUser is root asked for root. Needs no project.
/// </summary>
public sealed class COPT4013NonRootUserMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.NonRootUserMissing;

    /// <summary>hadolint DL3063 (COPT2063, off by default) reports the same missing USER at the same base image.</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2063" };

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        var final = context.Model.FinalStage;
        // Without a project the Dockerfile alone proves it (a .NET 8+ image, no USER); a project whose ContainerUser is root asked for root.
        if (final is null || project?.ContainerUser is "root" or "0")
        {
            return;
        }
        var image = context.Facts.DotNetBaseImageOf(final);
        if (image is null || !image.HasAppUser || image.RunsAsNonRoot)
        {
            return;
        }
        // The image's purpose last: it costs more than the rest of the rule, and most final images are no .NET 8+ one.
        if (context.Facts.ChainHas(final, InstructionKind.User) || !context.Facts.Purpose.IsApplication)
        {
            return;
        }
        // Started as root on purpose: the entrypoint drops to another user itself (gosu, su-exec), after what needs root.
        if (final.DropsRootAtStart(context.Facts))
        {
            return;
        }
        var span = final.BaseToken?.Span ?? final.From.Syntax.Keyword.Span;
        context.Report(span, image.Reference);
    }
}
