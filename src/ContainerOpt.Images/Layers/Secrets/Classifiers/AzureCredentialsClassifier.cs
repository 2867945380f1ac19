namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>
/// The Azure CLI's credentials under <c>.azure/</c>: the token caches (<c>accessTokens.json</c>,
/// <c>msal_token_cache.json</c>) and service principals' secrets (<c>service_principal_entries.json</c>).
/// </summary>
public sealed class AzureCredentialsClassifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.AzureCredentials;

    public override string Description => "Azure CLI credentials";

    public override bool IsCandidate(string lowerPath, string name, long size) =>
        name is "accesstokens.json" or "msal_token_cache.json" or "service_principal_entries.json"
        && ("/" + lowerPath).IndexOf("/.azure/", StringComparison.Ordinal) >= 0;

    public override string? Confirm(CredentialHead head)
    {
        string text = head.Text;
        if (JsonFields.HasValue(text, "client_secret")) return "service principal secret";
        if (JsonFields.HasValue(text, "accessToken") || JsonFields.HasValue(text, "refreshToken") || JsonFields.HasValue(text, "secret")) return "tokens";
        return null;
    }
}
