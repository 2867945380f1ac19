namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- Checks of a built image (src/ContainerOpt.Images): the base image's platform and the size gates.

    public static readonly DiagnosticDescriptor InvalidBaseImagePlatform = new(
        "COPT1121", "invalid-base-image-platform", "Base image platform does not match the build",
        "Base image {0} was pulled with platform \"{1}\", expected \"{2}\" for current build. Pull it for {2} ('docker pull --platform={2} {0}'), or build for {1} (--platform={1}).",
        DiagnosticSeverity.Warning, DiagnosticCategories.Correctness, new[] { "InvalidBaseImagePlatform" });

    public static readonly DiagnosticDescriptor ImageTooLarge = new(
        "COPT3101", "image-too-large", "Image larger than ContainerOptMaxImageSize",
        "The image is {0} ({1:N0} bytes), above {5} {2} ({3:N0} bytes); the largest layer ({4}) comes from this line. Use a smaller base image or remove what this step adds.",
        DiagnosticSeverity.Error, DiagnosticCategories.SizeAndCache);

    public static readonly DiagnosticDescriptor TooMuchWaste = new(
        "COPT3102", "image-wasted-bytes", "Image wastes more than ContainerOptMaxWastedBytes",
        "The image wastes {0} ({1:N0} bytes), above {5} {2} ({3:N0} bytes); {4} of it is made on this line and removed or left unused later. Delete in the same RUN that creates the files, or use a cache mount.",
        DiagnosticSeverity.Error, DiagnosticCategories.SizeAndCache);

    public static readonly DiagnosticDescriptor LowEfficiency = new(
        "COPT3103", "image-low-efficiency", "Image efficiency below ContainerOptMinEfficiency",
        "The image efficiency is {0:P1}, below {3} {1:P1}; the most wasteful layer comes from this line ({2} wasted). Delete in the same RUN that creates the files, or use a cache mount.",
        DiagnosticSeverity.Error, DiagnosticCategories.SizeAndCache);

    // The gates' limits come from MSBuild properties, the layers command's flags or a .dive-ci file: the message names
    // the one that set the limit ({5} of COPT3101/3102, {3} of COPT3103, {4} of COPT3104).

    public static readonly DiagnosticDescriptor TooMuchUserWaste = new(
        "COPT3104", "image-user-wasted-percent", "Layers above the base image waste more than their limit",
        "The layers above the base image waste {0} of the {1} they add ({2} wasted), above {4} {3}; {5} of it is made on this line. Delete in the same RUN that creates the files, or use a cache mount.",
        DiagnosticSeverity.Error, DiagnosticCategories.SizeAndCache);
}
