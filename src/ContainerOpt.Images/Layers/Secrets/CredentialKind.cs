namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>The kinds of credential file a layer can carry (one <see cref="CredentialClassifier"/> each).</summary>
public enum CredentialKind
{
    /// <summary>A PEM private key (PKCS#1, PKCS#8, SEC1, DSA), an OpenSSH or PuTTY key, an armored PGP secret key.</summary>
    PrivateKey,

    /// <summary>A PKCS#12 key store (<c>*.pfx</c>, <c>*.p12</c>).</summary>
    Pkcs12,

    /// <summary>A <c>.env</c> file that assigns a secret-named variable.</summary>
    EnvFile,

    /// <summary>A NuGet.config with a <c>ClearTextPassword</c>.</summary>
    NuGetPassword,

    /// <summary>An <c>.npmrc</c> with <c>_authToken</c>, <c>_auth</c> or <c>_password</c>.</summary>
    NpmToken,

    /// <summary>An AWS shared credentials file with <c>aws_secret_access_key</c>.</summary>
    AwsCredentials,

    /// <summary>A Google Cloud service-account key or user credentials (JSON).</summary>
    GoogleCloudCredentials,

    /// <summary>The Azure CLI's token caches and service-principal secrets under <c>.azure/</c>.</summary>
    AzureCredentials,

    /// <summary>A Docker <c>config.json</c> with registry <c>auth</c> or an identity token.</summary>
    DockerAuth,

    /// <summary>git's credential store (<c>.git-credentials</c>).</summary>
    GitCredentials,

    /// <summary>A PostgreSQL password file (<c>.pgpass</c>).</summary>
    PgPass,

    /// <summary>A <c>.netrc</c> with a password.</summary>
    Netrc,
}
