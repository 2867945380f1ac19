namespace ContainerOpt.Core.Diagnostics;

public static partial class DiagnosticCatalog
{
    // ---- COPT0040–COPT0049: reading an image from a registry over the OCI distribution API (ContainerOpt.Images/Registry).
    // Every message says what to do; none carries a secret (passwords, tokens, Authorization headers).

    public static readonly DiagnosticDescriptor RegistryUnreachable = new(
        "COPT0040", "registry-unreachable", "Registry unreachable",
        "Cannot reach the registry '{0}': {1}. Check the host and port and that the registry is running (behind a proxy: HTTPS_PROXY and NO_PROXY).",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor RegistryAccessDenied = new(
        "COPT0041", "registry-access-denied", "Registry refused access",
        "The registry '{0}' refused to let {1} read '{2}' ({3}). {4}",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor RegistryImageNotFound = new(
        "COPT0042", "registry-image-not-found", "Image not in the registry",
        "'{0}' is not in the registry: {1}",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor RegistryDigestMismatch = new(
        "COPT0043", "registry-digest-mismatch", "Blob does not match its digest",
        "'{0}': the {1} {2} read from the registry hashes to {3}: it is corrupt in the registry's storage or was altered on the way. Push the image again, or ask the registry's owner to repair it.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor RegistryNotHttps = new(
        "COPT0044", "registry-not-https", "Registry needs plain HTTP or an unverified certificate",
        "'{0}': {1}. Plain HTTP and unverified certificates are used only for localhost and registries named insecure: if you trust this registry and the network to it, pass --insecure-registry {2} (or list it in the environment variable DOTNET_CONTAINER_INSECURE_REGISTRIES).",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor CredentialHelperFailed = new(
        "COPT0045", "credential-helper-failed", "Docker credential helper failed",
        "The credential helper 'docker-credential-{0}' that '{1}' names for '{2}' failed: {3}. Check that it is installed, on PATH and logged in (try: echo {2} | docker-credential-{0} get), or remove it from that file.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor RegistryUnsupportedMediaType = new(
        "COPT0046", "registry-unsupported-media-type", "Not a container image ContainerOpt can read",
        "'{0}': {1} has the media type '{2}': {3}",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor RegistryFailed = new(
        "COPT0047", "registry-failed", "Registry request failed",
        "The registry '{0}' answered {1} to {2}: {3}. Try again later; if it persists, the registry's log says why.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);

    public static readonly DiagnosticDescriptor DockerConfigInvalid = new(
        "COPT0048", "docker-config-invalid", "Docker configuration cannot be used",
        "The Docker configuration '{0}' cannot be used: {1}. Fix the file, or point DOCKER_CONFIG at a folder with a valid config.json.",
        DiagnosticSeverity.Error, DiagnosticCategories.Tool);
}
