using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// A .NET image whose version differs from the project's TargetFramework. An SDK older than the
/// target framework cannot build it (NETSDK1045): error. A runtime image older than it cannot run
/// it: error. A runtime image of a newer major version does not run a framework-dependent app either
/// unless RollForward is Major/LatestMajor (project or <c>DOTNET_ROLL_FORWARD</c>): error, else
/// warning. A newer minor version rolls forward by default, and a runtime-deps image or a
/// self-contained app only needs the native dependencies: warning. A newer SDK is fine for building;
/// when the final stage is the SDK image it also runs the app, and then its runtime must match.
/// The .NET SDK's container build: the same for a ContainerBaseImage the project names (the SDK's own choice always
/// matches the framework) against the framework the container publishes, reported at the property.
/// </summary>
public sealed class COPT4001DotNetVersionMismatch : DockerfileRule, IContainerPropertiesRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DotNetVersionMismatch;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        var final = context.Model.FinalStage;
        if (project is null || final is null)
        {
            return;
        }
        var commands = context.Facts.DotNetCommands;
        var targets = context.Facts.DotNet!.TargetFrameworks;
        if (targets.Count == 0)
        {
            return;
        }
        bool selfContained = context.Facts.DotNet!.IsSelfContained;
        bool rollsForward = IsMajorRollForward(project.RollForward) || IsMajorRollForward(final.EnvAtEnd("DOTNET_ROLL_FORWARD"));
        var finalRoot = final.Root;
        var highest = targets[targets.Count - 1];

        foreach (var stage in context.Model.Stages)
        {
            var image = context.Facts.DotNetImageOf(stage);
            if (image?.Version is not { } version)
            {
                continue;
            }
            string tag = image.Tag ?? "";
            string v = Name(version);
            if (image.Kind == DotNetImageKind.Sdk && version < highest.Version)
            {
                context.ReportAs(DiagnosticSeverity.Error, image.TagSpan, FixTo(image, highest.Version), tag, v, highest.Tfm,
                    $"the .NET {v} SDK cannot build {highest.Tfm} (NETSDK1045)", Suggest(image, highest.Version));
                continue;
            }
            bool runsApp = image.Kind != DotNetImageKind.Sdk || ReferenceEquals(stage, finalRoot);
            if (!runsApp || targets.Any(t => t.Version == version))
            {
                continue;
            }
            // Compare with the target the image comes closest to from below (the one it could run).
            var target = targets.LastOrDefault(t => t.Version < version);
            if (target.Tfm is null)
            {
                target = targets[0];
            }
            string tfm = target.Tfm;
            if (image.Kind == DotNetImageKind.RuntimeDeps || selfContained)
            {
                context.ReportAs(DiagnosticSeverity.Warning, image.TagSpan, FixTo(image, target.Version), tag, v, tfm,
                    $"the app brings its own runtime, but its native dependencies are tested against the .NET {Name(target.Version)} images", Suggest(image, target.Version));
            }
            else if (version < target.Version)
            {
                context.ReportAs(DiagnosticSeverity.Error, image.TagSpan, FixTo(image, target.Version), tag, v, tfm,
                    $"the app needs the .NET {Name(target.Version)} runtime and fails at start on an older one", Suggest(image, target.Version));
            }
            else if (version.Major == target.Version.Major)
            {
                context.ReportAs(DiagnosticSeverity.Warning, image.TagSpan, FixTo(image, target.Version), tag, v, tfm,
                    "the app rolls forward to the newer minor version, which it was not tested on", Suggest(image, target.Version));
            }
            else if (rollsForward)
            {
                context.ReportAs(DiagnosticSeverity.Warning, image.TagSpan, FixTo(image, target.Version), tag, v, tfm,
                    $"RollForward lets the app start on .NET {v}, a runtime it was not built or tested for", Suggest(image, target.Version));
            }
            else
            {
                context.ReportAs(DiagnosticSeverity.Error, image.TagSpan, FixTo(image, target.Version), tag, v, tfm,
                    $"a framework-dependent app does not roll forward to a new major version by default and fails at start (RollForward=Major would allow it)", Suggest(image, target.Version));
            }
        }
    }

    public void AnalyzeContainerProperties(ContainerPropertiesContext context)
    {
        var project = context.Project;
        if (context.Input.BaseImageInferred || context.DotNetBaseImage is not { Version: { } version } image
            || project.ContainerFramework is not { } tfm || project.FrameworkVersion is not { } target || version == target)
        {
            return;
        }
        var at = context.PropertyLocation("ContainerBaseImage");
        var message = DiagnosticCatalog.SdkContainer.DotNetVersionMismatch;
        string v = Name(version), suggested = Suggest(image, target);
        project.ContainerEnvironment.TryGetValue("DOTNET_ROLL_FORWARD", out var rollForwardVariable);
        if (image.Kind == DotNetImageKind.Sdk)
        {
            return; // COPT4003's
        }
        if (image.Kind == DotNetImageKind.RuntimeDeps || project.SelfContained || project.PublishAot)
        {
            context.ReportAs(DiagnosticSeverity.Warning, null, message, at, image.Reference, v, tfm,
                $"the app brings its own runtime, but its native dependencies are tested against the .NET {Name(target)} images", suggested);
        }
        else if (version < target)
        {
            context.ReportAs(DiagnosticSeverity.Error, null, message, at, image.Reference, v, tfm,
                $"the app needs the .NET {Name(target)} runtime and fails at start on an older one", suggested);
        }
        else if (version.Major == target.Major)
        {
            context.ReportAs(DiagnosticSeverity.Warning, null, message, at, image.Reference, v, tfm,
                "the app rolls forward to the newer minor version, which it was not tested on", suggested);
        }
        else if (IsMajorRollForward(project.RollForward) || IsMajorRollForward(rollForwardVariable))
        {
            context.ReportAs(DiagnosticSeverity.Warning, null, message, at, image.Reference, v, tfm,
                $"RollForward lets the app start on .NET {v}, a runtime it was not built or tested for", suggested);
        }
        else
        {
            context.ReportAs(DiagnosticSeverity.Error, null, message, at, image.Reference, v, tfm,
                "a framework-dependent app does not roll forward to a new major version by default and fails at start (RollForward=Major would allow it)", suggested);
        }
    }

    private static bool IsMajorRollForward(string? value) =>
        value is not null && (value.Equals("Major", StringComparison.OrdinalIgnoreCase) || value.Equals("LatestMajor", StringComparison.OrdinalIgnoreCase));

    private static string Name(Version v) => v.Major + "." + v.Minor;

    /// <summary>What the fixer writes: the suggested reference.</summary>
    private static IReadOnlyDictionary<string, string> FixTo(DotNetImage image, Version version) => Fixes.FixProperties.Replace(Suggest(image, version));

    private static string Suggest(DotNetImage image, Version version) =>
        (image.IsRetired ? image.CurrentRepository : image.Repository) + ":" + image.TagFor(version);
}
