using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// The final stage is based (directly or through the stages it builds on) on a full image of a
/// family that publishes a smaller variant of the same thing: debian → <c>-slim</c>; python, ruby,
/// perl → <c>-slim</c>; node → <c>-slim</c> (or <c>-alpine</c>); nginx, httpd → <c>-alpine</c>;
/// eclipse-temurin JDK → <c>-jre</c>; Red Hat UBI → <c>ubi-minimal</c>; mcr.microsoft.com/dotnet
/// aspnet, runtime, runtime-deps → <c>-noble-chiseled</c> (<c>-jammy-chiseled</c> for 6.0 and 7.0).
/// Reported at the image in FROM. Build stages, dev containers, build environments and base images are not checked. Toolchain images (SDK, golang ...)
/// are COPT3008's.
/// </summary>
public sealed class COPT3009SlimVariantAvailable : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SlimVariantAvailable;

    public override void Analyze(RuleContext context)
    {
        if (context.Model.FinalStage is not { } final || !context.Facts.Purpose.IsApplication || BaseImages.RootImage(final) is not { } root)
        {
            return;
        }
        if (BaseImages.SlimVariant(root.Image) is { } slim)
        {
            context.Report(root.Token.Span, root.Image.ToString(), slim.Variant, slim.Note);
        }
    }
}
