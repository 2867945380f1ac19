namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- COPT3xxx: image size and build cache.

    /// <summary>COPT3001, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3001CleanupInLaterLayer.cs.</summary>
    public static readonly DiagnosticDescriptor CleanupInLaterLayer = new(
        "COPT3001",
        "cleanup-in-later-layer",
        "Clean up in the same layer that made the files",
        "{0} in a later layer than the '{1}' on line {2}: {3} stay in that layer's bytes. {4}",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3002, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3002IneffectiveCleanup.cs.</summary>
    public static readonly DiagnosticDescriptor IneffectiveCleanup = new(
        "COPT3002",
        "ineffective-cleanup",
        "Cleanup that cleans nothing",
        "'{0}' cleans up nothing: {1}",
        DiagnosticSeverity.Info,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3003, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3003AddedThenDeleted.cs.</summary>
    public static readonly DiagnosticDescriptor AddedThenDeleted = new(
        "COPT3003",
        "added-then-deleted",
        "Files added in one layer and deleted in a later one",
        "'{0}' {1} on line {2} and is deleted here, in a later layer: its bytes stay in line {2}'s layer. {3}",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3004, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3004PackageCacheLeft.cs.</summary>
    public static readonly DiagnosticDescriptor PackageCacheLeft = new(
        "COPT3004",
        "package-cache-left",
        "Package install leaves its cache in the layer",
        "'{0}' leaves {1} in this layer: {2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3005, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3005AptUpdateAlone.cs.</summary>
    public static readonly DiagnosticDescriptor AptUpdateAlone = new(
        "COPT3005",
        "apt-update-alone",
        "Package index update without an install in the same RUN",
        "'{0}' runs without an install in the same RUN{1}: its layer is cached on its own, so installs in later RUNs get a stale package index. Update and install in one RUN: {2}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3006, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3006ConsecutiveRunSameKind.cs.</summary>
    public static readonly DiagnosticDescriptor ConsecutiveRunSameKind = new(
        "COPT3006",
        "consecutive-run-same-kind",
        "Consecutive RUNs of the same kind",
        "The RUNs on lines {0} {1}: merge them into one RUN (join the commands with &&) to save {2} layer(s).",
        DiagnosticSeverity.Info,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3007, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3007CopyBeforeDependencyInstall.cs.</summary>
    public static readonly DiagnosticDescriptor CopyBeforeDependencyInstall = new(
        "COPT3007",
        "copy-before-dependency-install",
        "Broad COPY before the dependency install",
        "{0} before '{1}' on line {2}: any change to the copied files invalidates that layer and the dependencies are downloaded again. {3}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3008, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3008BuildToolsInFinalImage.cs.</summary>
    public static readonly DiagnosticDescriptor BuildToolsInFinalImage = new(
        "COPT3008",
        "build-tools-in-final-image",
        "Build tools in the final image",
        "{0}: build in an earlier stage and copy only the output into the final image{1}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3009, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3009SlimVariantAvailable.cs.</summary>
    public static readonly DiagnosticDescriptor SlimVariantAvailable = new(
        "COPT3009",
        "slim-variant-available",
        "A smaller variant of the final base image exists",
        "'{0}' is a full image: base the final stage on '{1}' if the app runs there ({2}).",
        DiagnosticSeverity.Info,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3010, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3010AddRemoteWithoutChecksum.cs.</summary>
    public static readonly DiagnosticDescriptor AddRemoteWithoutChecksum = new(
        "COPT3010",
        "add-remote-without-checksum",
        "ADD of a remote URL without --checksum",
        "ADD of '{0}' has no --checksum: the build takes whatever the server sends, and the cache cannot know it is unchanged without fetching it again. {1}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3011, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3011DockerignoreMissing.cs.</summary>
    public static readonly DiagnosticDescriptor DockerignoreMissing = new(
        "COPT3011",
        "dockerignore-missing",
        "No .dockerignore while COPY takes the whole context",
        "The COPY of '{0}' takes the whole build context and there is no .dockerignore: .git, build output (bin/, obj/, node_modules) and local secrets (.env, *.pfx) are sent to the builder and copied with it. Add {1}.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);

    /// <summary>COPT3012, checked by src/ContainerOpt.Analysis/Rules/SizeAndCache/COPT3012DockerignoreIncomplete.cs.</summary>
    public static readonly DiagnosticDescriptor DockerignoreIncomplete = new(
        "COPT3012",
        "dockerignore-incomplete",
        "The .dockerignore misses common exclusions",
        "The COPY of '{0}' takes the whole build context, and {3} does not exclude {1}. Add {2} to it.",
        DiagnosticSeverity.Warning,
        DiagnosticCategories.SizeAndCache);
}
