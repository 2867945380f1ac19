namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- COPT4xxx: .NET project-aware checks.

    /// <summary>COPT4001, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4001DotNetVersionMismatch.cs.</summary>
    public static readonly DiagnosticDescriptor DotNetVersionMismatch = new(
        "COPT4001",
        "dotnet-version-mismatch",
        "The .NET image version differs from the project's TargetFramework",
        "'{0}' is .NET {1} but the project targets {2}: {3}. Use '{4}'.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4002, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4002WrongDotNetImageKind.cs.</summary>
    public static readonly DiagnosticDescriptor WrongDotNetImageKind = new(
        "COPT4002",
        "wrong-dotnet-image-kind",
        "The final image is the wrong .NET image for this app",
        "'{0}' is the wrong image for this app: {1}. Use '{2}'.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4003, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4003SdkInFinalStage.cs.</summary>
    public static readonly DiagnosticDescriptor SdkInFinalStage = new(
        "COPT4003",
        "sdk-in-final-stage",
        "The final image is built on the .NET SDK",
        "The final image is built on the .NET SDK ('{0}'), which ships the compilers, NuGet and your sources with the app: publish in an SDK stage and copy the output into a stage FROM {1}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4004, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4004DotNetEndOfLife.cs.</summary>
    public static readonly DiagnosticDescriptor DotNetEndOfLife = new(
        "COPT4004",
        "dotnet-eol",
        "The .NET image is out of support",
        "'{0}' {1}: {2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4005, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4005CopySourceBeforeRestore.cs.</summary>
    public static readonly DiagnosticDescriptor CopySourceBeforeRestore = new(
        "COPT4005",
        "copy-source-before-restore",
        "Sources are copied before dotnet restore",
        "'{0}' copies {1} before the package restore of 'dotnet {2}' (line {3}): every source edit reruns the restore and downloads every package again. Copy {4} first, run 'dotnet restore', then copy the rest.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4006, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4006RestoreInputsMissing.cs.</summary>
    public static readonly DiagnosticDescriptor RestoreInputsMissing = new(
        "COPT4006",
        "restore-inputs-missing",
        "dotnet restore runs without all of its inputs",
        "'dotnet restore' runs before {0} {1} copied: the restore fails or differs from the real build. COPY {2} before it.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4007, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4007PublishWithoutRelease.cs.</summary>
    public static readonly DiagnosticDescriptor PublishWithoutRelease = new(
        "COPT4007",
        "publish-without-release",
        "dotnet publish does not use the Release configuration",
        "'dotnet publish' {0} the Debug configuration: unoptimized code and debug-only behaviour go to production. Add '-c Release'.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4008, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4008BuildThenPublish.cs.</summary>
    public static readonly DiagnosticDescriptor BuildThenPublish = new(
        "COPT4008",
        "build-then-publish",
        "dotnet publish builds again after dotnet build",
        "'dotnet publish' builds the project again after 'dotnet build' on line {0}: add '--no-build' (with the build's -c, -r and -f) or drop the separate build step.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4009, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4009PublishWithoutNoRestore.cs.</summary>
    public static readonly DiagnosticDescriptor PublishWithoutNoRestore = new(
        "COPT4009",
        "publish-without-no-restore",
        "dotnet publish restores again after dotnet restore",
        "'dotnet publish' restores again after 'dotnet restore' on line {0}: add '--no-restore' so it uses the restore layer (give the restore the same -r/-a/--os as the publish).",
        DiagnosticSeverity.Info,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4010, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4010NuGetCacheMountWithoutId.cs.</summary>
    public static readonly DiagnosticDescriptor NuGetCacheMountWithoutId = new(
        "COPT4010",
        "nuget-cache-mount-without-id",
        "NuGet cache mount without an id",
        "Give this NuGet cache mount an id (id=nuget): without one BuildKit keys it by its target '{0}', so {1} a separate, cold cache.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4011, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4011EntrypointWrongAssembly.cs.</summary>
    public static readonly DiagnosticDescriptor EntrypointWrongAssembly = new(
        "COPT4011",
        "entrypoint-wrong-assembly",
        "ENTRYPOINT or CMD does not start the project's output",
        "{0} starts '{1}', but the project's output is '{2}': the container fails at start. Start '{2}'.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4012, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4012ExposePortMismatch.cs.</summary>
    public static readonly DiagnosticDescriptor ExposePortMismatch = new(
        "COPT4012",
        "expose-port-mismatch",
        "EXPOSE names a port the app does not listen on",
        "EXPOSE {0}, but the app listens on {1} ({2}): expose {1}, or make the app listen on {0} with {3}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4013, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4013NonRootUserMissing.cs.</summary>
    public static readonly DiagnosticDescriptor NonRootUserMissing = new(
        "COPT4013",
        "non-root-user-missing",
        "The .NET app runs as root",
        "The final image runs the app as root although '{0}' provides the non-root user 'app': add 'USER $APP_UID' after the last step that needs root.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4014, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4014InvariantGlobalizationWithoutIcu.cs.</summary>
    public static readonly DiagnosticDescriptor InvariantGlobalizationWithoutIcu = new(
        "COPT4014",
        "invariant-globalization-without-icu",
        "The app needs ICU but the image has none",
        "'{0}' has no ICU but the project does not set InvariantGlobalization: {1}. Use the '-extra' image, install ICU (apk add icu-libs and ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false), or set <InvariantGlobalization>true</InvariantGlobalization>.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4015, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4015CrossBuildPlatform.cs.</summary>
    public static readonly DiagnosticDescriptor CrossBuildPlatform = new(
        "COPT4015",
        "cross-build-platform",
        "The SDK stage cross-builds the wrong way",
        "'dotnet {0}' (line {1}) {2}: {3}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4016, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4016ContainerBaseImageDiffers.cs.</summary>
    public static readonly DiagnosticDescriptor ContainerBaseImageDiffers = new(
        "COPT4016",
        "container-base-image-differs",
        "The Dockerfile's base differs from the project's container base image",
        "The final image is built on '{0}' but the project's {1} is '{2}' (used by 'dotnet publish /t:PublishContainer'): align them so both builds ship the same base.",
        DiagnosticSeverity.Info,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4017, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4017GlobalJsonSdkMismatch.cs.</summary>
    public static readonly DiagnosticDescriptor GlobalJsonSdkMismatch = new(
        "COPT4017",
        "global-json-sdk-mismatch",
        "The SDK image does not satisfy global.json",
        "'{0}' holds the .NET {1} SDK, but global.json (copied on line {2}) pins SDK {3} with rollForward '{4}', which {5}: 'dotnet {6}' on line {7} fails with \"A compatible .NET SDK was not found\". {8}.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4018, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4018PublishWithoutFramework.cs.</summary>
    public static readonly DiagnosticDescriptor PublishWithoutFramework = new(
        "COPT4018",
        "publish-without-framework",
        "dotnet publish of a multi-targeted project names no framework",
        "The project targets {0}, and 'dotnet publish' names no framework: it fails with NETSDK1129 (\"The 'Publish' target is not supported without specifying a target framework\"). Add '-f {1}'.",
        DiagnosticSeverity.Error,
        DiagnosticCategories.DotNet);

    /// <summary>COPT4019, checked by src/ContainerOpt.Analysis/Rules/DotNet/COPT4019RestoreInputsOutsideContext.cs.</summary>
    public static readonly DiagnosticDescriptor RestoreInputsOutsideContext = new(
        "COPT4019",
        "restore-inputs-outside-context",
        "The project's restore inputs are outside the build context",
        "{0} {1} outside the build context '{2}'{3}: no COPY can reach {4}, so 'dotnet {5}' in the image fails or builds differently from your build. Build with the context '{6}' (set ContainerOptContext, or Visual Studio's DockerfileContext, and docker build from there) and copy {4} before the restore.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.DotNet);
}
