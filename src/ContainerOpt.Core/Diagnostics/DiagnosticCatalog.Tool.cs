namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- COPT0xxx: the tool, its inputs, configuration and environment; the builders of the image phase.

    public static readonly DiagnosticDescriptor FileNotFound = new(
        "COPT0001", "file-not-found", "Dockerfile not found",
        "The Dockerfile '{0}' does not exist. Check the path, or set ContainerOptDockerfile to the right file.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "COPT0002", "file-unreadable", "Dockerfile cannot be read",
        "The Dockerfile '{0}' cannot be read: {1}",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor BinaryFile = new(
        "COPT0003", "binary-file", "Not a text file",
        "'{0}' is not a Dockerfile: it contains binary data (a NUL byte at offset {1}).",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "COPT0004", "file-too-large", "Dockerfile too large",
        "'{0}' is {1:N0} bytes; ContainerOpt analyses Dockerfiles up to {2:N0} bytes. Is this the right file?",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor InvalidConfiguration = new(
        "COPT0005", "invalid-configuration", "Invalid configuration",
        "Invalid configuration in '{0}': {1}",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor InvalidDiveCi = new(
        "COPT0019", "invalid-dive-ci", "Invalid .dive-ci file",
        "Invalid .dive-ci file '{0}': {1}",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor InvalidAnalyzerConfig = new(
        "COPT0018", "invalid-editorconfig", "Invalid .editorconfig or .globalconfig setting",
        "Invalid setting in '{0}': {1}",
        DiagnosticSeverity.Warning, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor ProjectNotFound = new(
        "COPT0008", "project-not-found", "Project not found",
        "The project '{0}' does not exist. Check the path given to --project.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor FileUnwritable = new(
        "COPT0007", "file-unwritable", "A file cannot be written",
        "'{0}' could not be written: {1}. Check that the folder exists and is writable, and that no other process holds the file.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor FileExists = new(
        "COPT0006", "file-exists", "Generated file would overwrite an existing one",
        "'{0}' exists and differs from the generated file; it was not overwritten. Set ContainerOptForce=true (CLI: --force) to replace it.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor GeneratedDiffers = new(
        "COPT0010", "generated-differs", "Generated Dockerfile differs from the project's",
        "The generated Dockerfile ({0}) differs from {1}: {2}",
        DiagnosticSeverity.Info, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor NotAnApp = new(
        "COPT0017", "not-an-app", "Nothing generated for a library or test project",
        "No Dockerfile generated for '{0}': {1}",
        DiagnosticSeverity.Info, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor InternalError = new(
        "COPT0009", "internal-error", "Internal error",
        "ContainerOpt failed while analysing '{0}': {1}. Please report this with the Dockerfile that caused it.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor BuilderNotFound = new(
        "COPT0011", "builder-not-found", "No container builder found",
        "No container builder found: {0}. Install Docker or Podman, or set ContainerOptBuilder (CLI: --builder) to the one to use.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor DaemonUnavailable = new(
        "COPT0012", "daemon-unavailable", "Container engine not answering",
        "'{0}' is installed but its engine does not answer: {1}. Start the engine (e.g. 'sudo systemctl start docker', or 'bash build/docker-env.sh start' here) or point DOCKER_HOST at a running one.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor BuilderTimeout = new(
        "COPT0013", "builder-timeout", "Container builder timed out",
        "'{0}' did not finish within {1}; it was stopped. Raise ContainerOptBuildTimeout (seconds) or look at the builder's output above.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor ImageBuildFailed = new(
        "COPT0014", "image-build-failed", "Image build failed",
        "The image build failed at '{0}': {1}",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor ImageUnreadable = new(
        "COPT0015", "image-unreadable", "Image cannot be read",
        "Cannot read the image '{0}': {1}",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor FixSkippedParseErrors = new(
        "COPT0030", "fix-skipped-parse-errors", "File not fixed: it does not parse",
        "'{0}' was not fixed: it does not parse ({1}: {2}, line {3}). Correct that first; a file that does not parse is never changed.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor FixNotWritten = new(
        "COPT0031", "fix-not-written", "Fixed file not written",
        "'{0}' was not written: {1}. Nothing in it was changed.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);
}
