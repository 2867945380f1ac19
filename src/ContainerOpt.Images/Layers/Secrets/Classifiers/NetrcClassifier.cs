namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>A <c>.netrc</c> (<c>_netrc</c> on Windows) with a <c>password</c> for a machine: curl, git, ftp and pip read it.</summary>
public sealed class NetrcClassifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.Netrc;

    public override string Description => "a .netrc with a password";

    public override bool IsCandidate(string lowerPath, string name, long size) => name is ".netrc" or "_netrc";

    public override string? Confirm(CredentialHead head)
    {
        string[] tokens = head.Text.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i + 1 < tokens.Length; i++)
        {
            if (tokens[i] == "password" && !CredentialValues.IsPlaceholder(tokens[i + 1])) return "";
        }
        return null;
    }
}
