using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// The final image is the wrong one of aspnet / runtime / runtime-deps for the app: an ASP.NET Core
/// app on <c>runtime</c> or any framework-dependent app on <c>runtime-deps</c> fails at start
/// (error); a console or worker app on <c>aspnet</c>, or a self-contained / Native AOT app on
/// <c>aspnet</c> or <c>runtime</c>, carries a runtime it does not use (warning). The SDK image in the
/// final stage is COPT4003's.
/// The .NET SDK's container build: the same for a ContainerBaseImage the project names (the SDK's own choice is always
/// the right kind), reported at the property.
/// </summary>
public sealed class COPT4002WrongDotNetImageKind : DockerfileRule, IContainerPropertiesRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WrongDotNetImageKind;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        var final = context.Model.FinalStage;
        if (project is null || final is null)
        {
            return;
        }
        var image = context.Facts.DotNetBaseImageOf(final);
        if (image is null || image.Kind == DotNetImageKind.Sdk)
        {
            return;
        }
        var commands = context.Facts.DotNetCommands;
        bool selfContained = context.Facts.DotNet!.IsSelfContained;
        bool aot = context.Facts.DotNet!.IsAot;
        string name = image.KindName;
        if (selfContained)
        {
            if (image.Kind != DotNetImageKind.RuntimeDeps)
            {
                string how = aot ? "a Native AOT app" : "a self-contained app";
                context.ReportAs(DiagnosticSeverity.Warning, image.KindSpan, Fixes.FixProperties.Replace(Replace(image, DotNetImageKind.RuntimeDeps)), name,
                    $"{how} carries its own runtime, so the .NET runtime in '{name}' is dead weight", Replace(image, DotNetImageKind.RuntimeDeps));
            }
            return;
        }
        var right = project.IsWeb ? DotNetImageKind.Aspnet : DotNetImageKind.Runtime;
        if (image.Kind == DotNetImageKind.RuntimeDeps)
        {
            context.ReportAs(DiagnosticSeverity.Error, image.KindSpan, Fixes.FixProperties.Replace(Replace(image, right)), name,
                "it has no .NET runtime and the framework-dependent app fails at start (publish self-contained to use it)", Replace(image, right));
        }
        else if (project.IsWeb && image.Kind == DotNetImageKind.Runtime)
        {
            context.ReportAs(DiagnosticSeverity.Error, image.KindSpan, Fixes.FixProperties.Replace(Replace(image, right)), name,
                "it has no ASP.NET Core runtime and the web app fails at start", Replace(image, right));
        }
        else if (!project.IsWeb && image.Kind == DotNetImageKind.Aspnet)
        {
            string what = project.Kind == ProjectKind.Worker ? "a worker service" : "a console app";
            context.ReportAs(DiagnosticSeverity.Warning, image.KindSpan, Fixes.FixProperties.Replace(Replace(image, right)), name,
                $"{what} does not use ASP.NET Core, which makes 'aspnet' larger than needed", Replace(image, right));
        }
    }

    public void AnalyzeContainerProperties(ContainerPropertiesContext context)
    {
        if (context.Input.BaseImageInferred || context.DotNetBaseImage is not { } image || image.Kind == DotNetImageKind.Sdk)
        {
            return;
        }
        var project = context.Project;
        var at = context.PropertyLocation("ContainerBaseImage");
        var message = DiagnosticCatalog.SdkContainer.WrongDotNetImageKind;
        string name = image.KindName;
        if (project.SelfContained || project.PublishAot)
        {
            if (image.Kind != DotNetImageKind.RuntimeDeps)
            {
                string how = project.PublishAot ? "a Native AOT app" : "a self-contained app";
                context.ReportAs(DiagnosticSeverity.Warning, null, message, at, image.Reference,
                    $"{how} carries its own runtime, so the .NET runtime in '{name}' is dead weight", Replace(image, DotNetImageKind.RuntimeDeps));
            }
            return;
        }
        var right = project.IsWeb ? DotNetImageKind.Aspnet : DotNetImageKind.Runtime;
        if (image.Kind == DotNetImageKind.RuntimeDeps)
        {
            context.ReportAs(DiagnosticSeverity.Error, null, message, at, image.Reference,
                "it has no .NET runtime and the framework-dependent app fails at start (publish self-contained to use it)", Replace(image, right));
        }
        else if (project.IsWeb && image.Kind == DotNetImageKind.Runtime)
        {
            context.ReportAs(DiagnosticSeverity.Error, null, message, at, image.Reference,
                "it has no ASP.NET Core runtime and the web app fails at start", Replace(image, right));
        }
        else if (!project.IsWeb && image.Kind == DotNetImageKind.Aspnet)
        {
            string what = project.Kind == ProjectKind.Worker ? "a worker service" : "a console app";
            context.ReportAs(DiagnosticSeverity.Warning, null, message, at, image.Reference,
                $"{what} does not use ASP.NET Core, which makes 'aspnet' larger than needed", Replace(image, right));
        }
    }

    private static string Replace(DotNetImage image, DotNetImageKind kind)
    {
        if (image.IsRetired)
        {
            // Retired repositories spelled the kind in the tag (2.1-aspnetcore-runtime): start afresh.
            string current = "mcr.microsoft.com/dotnet/" + DotNetImage.NameOf(kind);
            return image.Version is null ? current : current + ":" + image.TagFor(image.Version);
        }
        int slash = image.Repository.LastIndexOf('/');
        string replaced = image.Repository.Substring(0, slash + 1) + DotNetImage.NameOf(kind);
        return image.Tag is null ? replaced : replaced + ":" + image.Tag;
    }
}
