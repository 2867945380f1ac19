namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// Diagnostics of the image phase (src/ContainerOpt.Images): builders, image archives, layer gates and
/// the checks that need a built or pulled image. Kept here with the other descriptors so every code
/// lives in one place and `containeropt rules` lists them.
/// </summary>
public static class ImageDescriptors
{
    private const string ToolCategory = "Tool";
    private const string SizeCategory = "SizeAndCache";

    public static readonly DiagnosticDescriptor BuilderNotFound = new(
        "COPT0011", "builder-not-found", "No container builder found",
        "No container builder found: {0}. Install Docker or Podman, or set ContainerOptBuilder (CLI: --builder) to the one to use.",
        DiagnosticSeverity.Error, ToolCategory);

    public static readonly DiagnosticDescriptor DaemonUnavailable = new(
        "COPT0012", "daemon-unavailable", "Container engine not answering",
        "'{0}' is installed but its engine does not answer: {1}. Start the engine (e.g. 'sudo systemctl start docker', or 'bash build/docker-env.sh start' here) or point DOCKER_HOST at a running one.",
        DiagnosticSeverity.Error, ToolCategory);

    public static readonly DiagnosticDescriptor BuilderTimeout = new(
        "COPT0013", "builder-timeout", "Container builder timed out",
        "'{0}' did not finish within {1}; it was stopped. Raise ContainerOptBuildTimeout (seconds) or look at the builder's output above.",
        DiagnosticSeverity.Error, ToolCategory);

    public static readonly DiagnosticDescriptor ImageBuildFailed = new(
        "COPT0014", "image-build-failed", "Image build failed",
        "The image build failed at '{0}': {1}",
        DiagnosticSeverity.Error, ToolCategory);

    public static readonly DiagnosticDescriptor ImageUnreadable = new(
        "COPT0015", "image-unreadable", "Image cannot be read",
        "Cannot read the image '{0}': {1}",
        DiagnosticSeverity.Error, ToolCategory);

    public static readonly DiagnosticDescriptor InvalidBaseImagePlatform = new(
        "COPT1121", "invalid-base-image-platform", "Base image platform does not match the build",
        "Base image {0} was pulled with platform \"{1}\", expected \"{2}\" for current build. Pull it for {2} ('docker pull --platform={2} {0}'), or build for {1} (--platform={1}).",
        DiagnosticSeverity.Warning, "Correctness", new[] { "InvalidBaseImagePlatform" });

    public static readonly DiagnosticDescriptor ImageTooLarge = new(
        "COPT3101", "image-too-large", "Image larger than ContainerOptMaxImageSize",
        "The image is {0} ({1:N0} bytes), above ContainerOptMaxImageSize {2} ({3:N0} bytes); the largest layer ({4}) comes from this line. Use a smaller base image or remove what this step adds.",
        DiagnosticSeverity.Error, SizeCategory);

    public static readonly DiagnosticDescriptor TooMuchWaste = new(
        "COPT3102", "image-wasted-bytes", "Image wastes more than ContainerOptMaxWastedBytes",
        "The image wastes {0} ({1:N0} bytes), above ContainerOptMaxWastedBytes {2} ({3:N0} bytes); {4} of it is made on this line and removed or left unused later. Delete in the same RUN that creates the files, or use a cache mount.",
        DiagnosticSeverity.Error, SizeCategory);

    public static readonly DiagnosticDescriptor LowEfficiency = new(
        "COPT3103", "image-low-efficiency", "Image efficiency below ContainerOptMinEfficiency",
        "The image efficiency is {0:P1}, below ContainerOptMinEfficiency {1:P1}; the most wasteful layer comes from this line ({2} wasted). Delete in the same RUN that creates the files, or use a cache mount.",
        DiagnosticSeverity.Error, SizeCategory);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        BuilderNotFound, DaemonUnavailable, BuilderTimeout, ImageBuildFailed, ImageUnreadable,
        InvalidBaseImagePlatform, ImageTooLarge, TooMuchWaste, LowEfficiency,
    };
}
