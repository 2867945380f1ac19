namespace ContainerOpt.Images.Registry;

/// <summary>How to talk to registries: which may use plain HTTP, where credentials come from, how long to wait.</summary>
public sealed class RegistryOptions
{
    /// <summary>The environment variable the .NET SDK reads for insecure registries (SDK 9.0.100 on); read here too.</summary>
    public const string InsecureRegistriesVariable = "DOTNET_CONTAINER_INSECURE_REGISTRIES";

    /// <summary>
    /// Registries (<c>HOST</c> or <c>HOST:PORT</c>) that may answer over plain HTTP or with a certificate that does not
    /// verify, besides localhost, 127.0.0.0/8 and ::1 (always allowed, as docker allows them). A HOST without port
    /// names every port of it. <see cref="InsecureRegistriesVariable"/> adds to this list.
    /// </summary>
    public IReadOnlyList<string> InsecureRegistries { get; set; } = Array.Empty<string>();

    /// <summary>
    /// Reads an environment variable: DOCKER_CONFIG and HOME (where docker's config.json is), PATH (where credential
    /// helpers are), <see cref="InsecureRegistriesVariable"/>. Default: this process' environment.
    /// </summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Longest wait for a connection, for response headers, and between two reads of a blob; default 60 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest a docker credential helper may take; default 30 s (a keychain may ask the user to unlock it).</summary>
    public TimeSpan CredentialHelperTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
