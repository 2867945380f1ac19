using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Cross-platform builds (<c>docker buildx build --platform linux/arm64</c>) of .NET apps. (1) An SDK
/// stage without <c>--platform=$BUILDPLATFORM</c> whose restore/publish/build pass the target
/// architecture (<c>-a $TARGETARCH</c>, <c>-r linux-$TARGETARCH</c>...): the author cross-compiles, yet
/// the SDK itself runs under QEMU emulation, which is slow and which .NET does not support (warning,
/// at the image). (2) An SDK stage pinned to <c>--platform=$BUILDPLATFORM</c> whose publish names no
/// target architecture: it publishes for the build machine. That is wrong binaries for a self-contained,
/// Native AOT or RuntimeIdentifier-specific app (warning), and a wrong-architecture apphost for a
/// framework-dependent one, which still runs with <c>dotnet app.dll</c> (info). Reported at the publish.
/// </summary>
public sealed class COPT4015CrossBuildPlatform : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CrossBuildPlatform;

    public override void Analyze(RuleContext context)
    {
        var project = context.Project;
        if (project is null)
        {
            return;
        }
        var commands = context.Facts.DotNetCommands;
        bool selfContained = context.Facts.DotNet!.IsSelfContained || !string.IsNullOrEmpty(project.RuntimeIdentifier);
        foreach (var stage in context.Model.Stages)
        {
            var image = context.Facts.DotNetImageOf(stage);
            if (image is null || image.Kind != DotNetImageKind.Sdk)
            {
                continue;
            }
            var platform = stage.From.Syntax.FindFlag("platform");
            bool pinned = platform?.Value is { } value && value.Contains("BUILDPLATFORM", StringComparison.Ordinal);
            var own = commands.Where(c => c.Stage is { } s && ReferenceEquals(s.Root, stage)
                && (c.Is("restore") || c.Is("publish") || c.Is("build"))).ToList();
            var targeting = own.FirstOrDefault(NamesTargetArchitecture);
            // Native AOT is the exception: its compiler links for the platform it runs on, so the SDK (-aot)
            // stage runs on the target platform on purpose and -a $TARGETARCH names that same platform.
            if (!pinned && targeting is not null && platform is null && !project.PublishAot)
            {
                context.Report(image.TokenSpan, targeting.Verb, targeting.Line,
                    "cross-compiles for the target architecture, but this SDK stage itself runs on the target platform under emulation (slow, and not supported by .NET)",
                    "add --platform=$BUILDPLATFORM to this FROM");
                continue;
            }
            if (!pinned || platform is null)
            {
                continue;
            }
            foreach (var publish in own.Where(c => c.Is("publish") && !NamesTargetArchitecture(c)))
            {
                string? rid = publish.Resolve(publish.Option("r", "runtime")?.Value) ?? project.RuntimeIdentifier;
                bool ridSpecific = selfContained || !string.IsNullOrEmpty(rid);
                string forWhat = string.IsNullOrEmpty(rid) ? "the build machine's architecture" : $"'{rid}' whatever the target platform";
                if (ridSpecific)
                {
                    context.ReportAs(DiagnosticSeverity.Warning, publish.VerbSpan, publish.Verb, publish.Line,
                        $"publishes for {forWhat} in an SDK stage pinned to the build platform, so a cross-platform build ships native code for the wrong architecture",
                        "add '-a $TARGETARCH' (with ARG TARGETARCH) to the restore and the publish");
                }
                else
                {
                    context.ReportAs(DiagnosticSeverity.Info, publish.VerbSpan, publish.Verb, publish.Line,
                        "names no target architecture in an SDK stage pinned to the build platform, so a cross-platform build gets an apphost for the wrong architecture",
                        "add '-a $TARGETARCH' (with ARG TARGETARCH) to the restore and the publish, or start the app with 'dotnet <app>.dll'");
                }
                break;
            }
        }
    }

    private static bool NamesTargetArchitecture(DotNetCommand command) =>
        command.Options.Any(o => o.Name is "a" or "arch" or "r" or "runtime" or "os"
            && o.Value is { } v && (v.Contains("TARGETARCH", StringComparison.Ordinal) || v.Contains("TARGETPLATFORM", StringComparison.Ordinal) || v.Contains("TARGETOS", StringComparison.Ordinal)));
}
