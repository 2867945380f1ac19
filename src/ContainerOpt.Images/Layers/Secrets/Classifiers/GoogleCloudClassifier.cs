namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>
/// Google Cloud credentials in JSON, whatever the file is called (the console names downloaded keys after the project):
/// a service-account key (<c>"type": "service_account"</c> with a PEM <c>"private_key"</c>) or gcloud's user credentials
/// (<c>"type": "authorized_user"</c> with a <c>"refresh_token"</c>). Candidates: JSON files of a key's size.
/// </summary>
public sealed class GoogleCloudClassifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.GoogleCloudCredentials;

    public override string Description => "Google Cloud credentials";

    public override bool IsCandidate(string lowerPath, string name, long size) =>
        name.EndsWith(".json", StringComparison.Ordinal) && size <= 64 * 1024;

    public override string? Confirm(CredentialHead head)
    {
        // Cheap byte checks first: most JSON files are neither.
        bool serviceAccount = head.Contains("service_account") && head.Contains("\"private_key\"");
        bool user = head.Contains("authorized_user") && head.Contains("\"refresh_token\"");
        if (!serviceAccount && !user) return null;
        string text = head.Text;
        if (serviceAccount && JsonFields.StringValues(text, "type").Contains("service_account")
            && JsonFields.StringValues(text, "private_key").Any(v => v.StartsWith("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal) && v.Length > 100))
        {
            return "service-account key";
        }
        if (user && JsonFields.StringValues(text, "type").Contains("authorized_user") && JsonFields.HasValue(text, "refresh_token"))
        {
            return "user refresh token";
        }
        return null;
    }
}
