namespace ContainerOpt.Core.Diagnostics;

/// <summary>COPT0xxx: problems of the tool, its inputs, configuration and environment.</summary>
public static class ToolDescriptors
{
    private const string Category = "Tool";

    public static readonly DiagnosticDescriptor FileNotFound = new(
        "COPT0001", "file-not-found", "Dockerfile not found",
        "The Dockerfile '{0}' does not exist. Check the path, or set ContainerOptDockerfile to the right file.",
        DiagnosticSeverity.Error, Category);

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "COPT0002", "file-unreadable", "Dockerfile cannot be read",
        "The Dockerfile '{0}' cannot be read: {1}",
        DiagnosticSeverity.Error, Category);

    public static readonly DiagnosticDescriptor BinaryFile = new(
        "COPT0003", "binary-file", "Not a text file",
        "'{0}' is not a Dockerfile: it contains binary data (a NUL byte at offset {1}).",
        DiagnosticSeverity.Error, Category);

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "COPT0004", "file-too-large", "Dockerfile too large",
        "'{0}' is {1:N0} bytes; ContainerOpt analyses Dockerfiles up to {2:N0} bytes. Is this the right file?",
        DiagnosticSeverity.Error, Category);

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "COPT0005", "invalid-configuration", "Invalid configuration",
        "Invalid configuration in '{0}': {1}",
        DiagnosticSeverity.Error, Category);

    public static readonly DiagnosticDescriptor FileExists = new(
        "COPT0006", "file-exists", "Generated file would overwrite an existing one",
        "'{0}' exists and differs from the generated file; it was not overwritten. Set ContainerOptForce=true (CLI: --force) to replace it.",
        DiagnosticSeverity.Error, Category);

    public static readonly DiagnosticDescriptor GeneratedDiffers = new(
        "COPT0010", "generated-differs", "Generated Dockerfile differs from the project's",
        "The generated Dockerfile ({0}) differs from {1}: {2}",
        DiagnosticSeverity.Info, Category);

    public static readonly DiagnosticDescriptor InternalError = new(
        "COPT0009", "internal-error", "Internal error",
        "ContainerOpt failed while analysing '{0}': {1}. Please report this with the Dockerfile that caused it.",
        DiagnosticSeverity.Error, Category);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
    {
        FileNotFound, FileUnreadable, BinaryFile, FileTooLarge, InvalidConfiguration, FileExists, GeneratedDiffers, InternalError,
    };
}
