namespace ContainerOpt.Images.Registry;

/// <summary>
/// Credentials for one registry and where they came from. The secret parts never leave through
/// <see cref="ToString"/> or an error message: only <see cref="Source"/> is ever shown.
/// </summary>
public sealed class RegistryCredential
{
    public RegistryCredential(string? username, string? password, string? identityToken, string source)
    {
        Username = username;
        Password = password;
        IdentityToken = identityToken;
        Source = source;
    }

    public string? Username { get; }

    public string? Password { get; }

    /// <summary>An OAuth2 refresh token (docker's <c>identitytoken</c>, a helper's <c>&lt;token&gt;</c> user): exchanged at the token realm.</summary>
    public string? IdentityToken { get; }

    /// <summary>Where they came from, for messages: <c>auths."ghcr.io" in '/home/u/.docker/config.json'</c>, a helper's name.</summary>
    public string Source { get; }

    public bool HasPassword => Username is not null && Password is not null;

    public override string ToString() => "credentials from " + Source;
}
