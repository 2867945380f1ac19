namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>git's credential store (<c>.git-credentials</c>, <c>.config/git/credentials</c>): lines of <c>https://user:token@host</c>.</summary>
public sealed class GitCredentialsClassifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.GitCredentials;

    public override string Description => "git credentials";

    public override bool IsCandidate(string lowerPath, string name, long size) =>
        name == ".git-credentials" || (name == "credentials" && lowerPath.EndsWith(".config/git/credentials", StringComparison.Ordinal));

    public override string? Confirm(CredentialHead head) =>
        head.Lines().Any(l => CredentialValues.UrlHasPassword(l.Trim())) ? "" : null;
}
