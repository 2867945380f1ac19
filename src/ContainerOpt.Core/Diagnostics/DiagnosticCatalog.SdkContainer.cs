namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    /// <summary>
    /// The .NET SDK's container build (dotnet publish -t:PublishContainer, no Dockerfile): the rules that check a
    /// Dockerfile's base image, user and ports also check the properties the SDK builds the image from, under the same
    /// codes, with these messages (the finding is at the property in the project file). Checked by each rule's
    /// AnalyzeContainerProperties, in the rule's own file. A nested class, so its fields are made after the descriptors
    /// they name (the order of static fields across the catalogue's partial files is the compiler's).
    /// </summary>
    public static class SdkContainer
    {
        /// <summary>COPT3009 for the SDK's base image (ContainerBaseImage, ContainerFamily or the SDK's default).</summary>
        public static readonly DiagnosticMessage SlimVariantAvailable = new(DiagnosticCatalog.SlimVariantAvailable,
            "The .NET SDK builds the image on '{0}'{1}, a full image: {2} ({3}).");

        /// <summary>COPT2002 for ContainerUser.</summary>
        public static readonly DiagnosticMessage LastUserRoot = new(DiagnosticCatalog.LastUserRoot,
            "ContainerUser is '{0}', so the app runs as root in the image the .NET SDK builds{1}: remove ContainerUser, or set it to a non-root user.");

        /// <summary>COPT4012 for a ContainerPort item.</summary>
        public static readonly DiagnosticMessage ExposePortMismatch = new(DiagnosticCatalog.ExposePortMismatch,
            "ContainerPort {0}, but the app listens on {1} ({2}): expose {1}, or make the app listen on {0} with {3}.");

        /// <summary>COPT4001 for ContainerBaseImage.</summary>
        public static readonly DiagnosticMessage DotNetVersionMismatch = new(DiagnosticCatalog.DotNetVersionMismatch,
            "ContainerBaseImage '{0}' is .NET {1} but the project targets {2}: {3}. Use '{4}'.");

        /// <summary>COPT4002 for ContainerBaseImage.</summary>
        public static readonly DiagnosticMessage WrongDotNetImageKind = new(DiagnosticCatalog.WrongDotNetImageKind,
            "ContainerBaseImage '{0}' is the wrong image for this app: {1}. Use '{2}'.");

        /// <summary>COPT4003 for ContainerBaseImage.</summary>
        public static readonly DiagnosticMessage SdkInFinalStage = new(DiagnosticCatalog.SdkInFinalStage,
            "ContainerBaseImage '{0}' is the .NET SDK, which ships the compilers and NuGet with the app: build on '{1}'.");

        /// <summary>Every message here, for the catalogue's tests.</summary>
        public static IReadOnlyList<DiagnosticMessage> All { get; } = new[]
        {
            SlimVariantAvailable, LastUserRoot, ExposePortMismatch, DotNetVersionMismatch, WrongDotNetImageKind, SdkInFinalStage,
        };
    }
}
