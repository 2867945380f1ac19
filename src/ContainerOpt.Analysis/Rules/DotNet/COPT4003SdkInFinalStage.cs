using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// The final stage (the image that ships) is built on the .NET SDK image, directly or through
/// <c>FROM stage</c>: compilers, MSBuild, NuGet and the sources travel to production. Silent for a development
/// image (<c>dotnet watch</c>, <c>Dockerfile.dev</c>, a dev container), where the SDK is the point.
/// The .NET SDK's container build: a ContainerBaseImage that is the SDK image, reported at the property.
/// </summary>
public sealed class COPT4003SdkInFinalStage : DockerfileRule, IContainerPropertiesRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.SdkInFinalStage;

    /// <summary>The .NET-specific finding replaces the generic one on the same line: the generic build-tools-in-final-image rule says the same about the SDK image.</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT3008" };

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        var final = context.Model.FinalStage;
        if (project is null || final is null || !context.Facts.Purpose.IsApplication)
        {
            return;
        }
        var image = context.Facts.DotNetBaseImageOf(final);
        if (image is null || image.Kind != DotNetImageKind.Sdk)
        {
            return;
        }
        var commands = context.Facts.DotNetCommands;
        var kind = context.Facts.DotNet!.IsSelfContained ? DotNetImageKind.RuntimeDeps
            : project.IsWeb ? DotNetImageKind.Aspnet
            : DotNetImageKind.Runtime;
        string runtime = "mcr.microsoft.com/dotnet/" + DotNetImage.NameOf(kind);
        var version = project.FrameworkVersion ?? image.Version;
        if (version is not null)
        {
            runtime += ":" + image.TagFor(version);
        }
        context.Report(image.KindSpan, Fixes.FixProperties.Replace(runtime), image.Reference, runtime);
    }

    public void AnalyzeContainerProperties(ContainerPropertiesContext context)
    {
        if (context.Input.BaseImageInferred || context.DotNetBaseImage is not { Kind: DotNetImageKind.Sdk } image)
        {
            return;
        }
        var project = context.Project;
        var kind = DotNetImages.FinalKind(project);
        string runtime = image.Repository.Substring(0, image.Repository.LastIndexOf('/') + 1) + DotNetImage.NameOf(kind);
        if ((project.FrameworkVersion ?? image.Version) is { } version)
        {
            runtime += ":" + image.TagFor(version);
        }
        context.Report(DiagnosticCatalog.SdkContainer.SdkInFinalStage, context.PropertyLocation("ContainerBaseImage"), image.Reference, runtime);
    }
}
