namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>The AWS CLI/SDK shared files (<c>.aws/credentials</c>, <c>.aws/config</c>) with an <c>aws_secret_access_key</c>.</summary>
public sealed class AwsCredentialsClassifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.AwsCredentials;

    public override string Description => "AWS credentials";

    public override bool IsCandidate(string lowerPath, string name, long size) =>
        (name is "credentials" or "config") && LayerPath.Name(LayerPath.Parent(lowerPath)) == ".aws";

    public override string? Confirm(CredentialHead head)
    {
        foreach (string raw in head.Lines())
        {
            string line = raw.Trim();
            int equals = line.IndexOf('=');
            if (equals <= 0) continue;
            if (!string.Equals(line.Substring(0, equals).Trim(), "aws_secret_access_key", StringComparison.OrdinalIgnoreCase)) continue;
            if (!CredentialValues.IsPlaceholder(line.Substring(equals + 1))) return "";
        }
        return null;
    }
}
