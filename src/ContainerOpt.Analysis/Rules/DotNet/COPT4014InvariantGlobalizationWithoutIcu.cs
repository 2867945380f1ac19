using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// The project uses culture data (InvariantGlobalization is not true) but the final image has no ICU:
/// Alpine, chiseled and distroless runtime images without <c>-extra</c>. Those images set
/// <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true</c>, so the app silently runs in invariant mode (or
/// fails at start when the project sets InvariantGlobalization=false explicitly): warning; error when
/// the Dockerfile itself sets <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false</c> without installing ICU.
/// Silent when the stage chain installs ICU (<c>apk add icu-libs</c>/<c>icu-data-full</c>/<c>icu</c>), or
/// sets <c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true</c> itself (invariant mode chosen knowingly).
/// </summary>
public sealed class COPT4014InvariantGlobalizationWithoutIcu : DockerfileRule
{
    private static readonly string[] IcuPackages = { "icu-libs", "icu-data-full", "icu", "libicu", "icu-data" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.InvariantGlobalizationWithoutIcu;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        var final = context.Model.FinalStage;
        if (project is null || final is null || project.InvariantGlobalization)
        {
            return;
        }
        var image = context.Facts.DotNetBaseImageOf(final);
        if (image is null || image.HasIcu || image.IsWindows)
        {
            return;
        }
        string? invariant = final.EnvAtEnd("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT");
        if (DotNetFacts.IsTrue(invariant) || InstallsIcu(context, final))
        {
            return;
        }
        if (DotNetFacts.IsFalse(invariant))
        {
            context.ReportAs(DiagnosticSeverity.Error, image.TagSpan, image.Reference,
                "with DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false the app fails at start (\"Couldn't find a valid ICU package\")");
            return;
        }
        context.Report(image.TagSpan, image.Reference,
            "the image forces invariant mode, so culture-specific formatting, sorting and casing silently fall back to invariant (and an explicit InvariantGlobalization=false fails at start)");
    }

    private static bool InstallsIcu(RuleContext context, Dockerfile.Semantics.Stage final)
    {
        var chain = final.Chain;
        foreach (var run in context.RunScripts)
        {
            if (run.Instruction.Stage is not { } stage || !chain.Contains(stage) || run.IsOnbuild)
            {
                continue;
            }
            foreach (var command in run.Script.Named("apk", "apt-get", "apt", "tdnf", "dnf", "microdnf", "yum"))
            {
                if (command.Positionals().Skip(1).Any(p => IcuPackages.Any(i => p.Value.StartsWith(i, StringComparison.Ordinal))))
                {
                    return true;
                }
            }
        }
        return false;
    }
}
