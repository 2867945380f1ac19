using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.DotNet;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// The final stage is based (directly or through the stages it builds on) on a full image of a
/// family that publishes a smaller variant of the same thing: debian → <c>-slim</c>; python, ruby,
/// perl → <c>-slim</c>; node → <c>-slim</c> (or <c>-alpine</c>); nginx, httpd → <c>-alpine</c>;
/// eclipse-temurin JDK → <c>-jre</c>; Red Hat UBI → <c>ubi-minimal</c>; mcr.microsoft.com/dotnet
/// aspnet, runtime, runtime-deps (also behind a mirror's path) → <c>-noble-chiseled</c> (<c>-jammy-chiseled</c> for 6.0 and 7.0).
/// Reported at the image in FROM. Build stages, dev containers, build environments and base images are not checked. Toolchain images (SDK, golang ...)
/// are COPT3008's.
/// The .NET SDK's container build: the same for the image the SDK builds on (ContainerBaseImage, ContainerFamily, or the
/// SDK's default), .NET images only, with the chiseled tag that fits the app (<c>-extra</c> unless InvariantGlobalization):
/// a warning there, since the SDK puts nothing on the base image but the publish output, so no build step needs the full
/// image's shell or package manager, and one property changes it.
/// </summary>
public sealed class COPT3009SlimVariantAvailable : DockerfileRule, IContainerPropertiesRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SlimVariantAvailable;

    public override void Analyze(RuleContext context)
    {
        if (context.Model.FinalStage is not { } final || BaseImages.RootImage(context.Facts, final) is not { } root)
        {
            return;
        }
        // The image's purpose last: it costs more than the rest, and is worked out only when a slim variant exists.
        if (BaseImages.SlimVariant(context.Facts, final.Root, root.Image) is { } slim && context.Facts.Purpose.IsApplication)
        {
            context.Report(root.Token.Span, root.Image.ToString(), slim.Variant, slim.Note);
        }
    }

    public void AnalyzeContainerProperties(ContainerPropertiesContext context)
    {
        if (context.DotNetBaseImage is not { Version: { } version } dotnet || dotnet.IsWindows
            || ImageReference.Parse(context.BaseImage) is not { } image || BaseImages.SlimVariant(image) is not { } slim)
        {
            return;
        }
        // The chiseled family the Dockerfile check names (noble-chiseled), in the tag that fits this app: ICU unless invariant.
        string versionText = version.Major + "." + version.Minor;
        string slimTag = slim.Variant.Substring(slim.Variant.LastIndexOf(':') + 1);
        string family = slimTag.StartsWith(versionText + "-", StringComparison.Ordinal) ? slimTag.Substring(versionText.Length + 1) : "noble-chiseled";
        string fitting = image.WithTag(DotNetImages.Tag(versionText, family, context.Project.InvariantGlobalization));
        string icu = context.Project.InvariantGlobalization ? "the app sets InvariantGlobalization, so it needs no ICU"
            : "-extra keeps ICU and tzdata, which the app uses while InvariantGlobalization is not set";
        string note = "the same .NET runtime on Ubuntu Chiseled, without shell or package manager and with a non-root user, about half the size; " + icu;

        var baseImage = context.PropertyLocation("ContainerBaseImage");
        var familyProperty = context.PropertyLocation("ContainerFamily");
        if (!context.Input.BaseImageInferred)
        {
            context.ReportAs(DiagnosticSeverity.Warning, RuleTier.Recommended, DiagnosticCatalog.SdkContainer.SlimVariantAvailable, baseImage,
                context.BaseImage, " (ContainerBaseImage)", $"set ContainerBaseImage to '{fitting}' if the app runs there", note);
        }
        else
        {
            // The SDK chose the image: ContainerFamily makes it choose the chiseled one, and adds -extra itself when the app needs ICU.
            string why = context.Project.ContainerFamily is { } named ? $" (ContainerFamily '{named}')" : " (the SDK's default for this app)";
            context.ReportAs(DiagnosticSeverity.Warning, RuleTier.Recommended, DiagnosticCatalog.SdkContainer.SlimVariantAvailable, familyProperty,
                context.BaseImage, why, $"set <ContainerFamily>{family}</ContainerFamily> if the app runs on '{fitting}', which the SDK then builds on", note);
        }
    }
}
