namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>
/// Docker's client configuration (<c>.docker/config.json</c>, the legacy <c>.dockercfg</c>) holding a registry's
/// <c>auth</c> (base64 user:password) or an <c>identitytoken</c>. One that only names a credential helper holds none.
/// </summary>
public sealed class DockerAuthClassifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.DockerAuth;

    public override string Description => "a Docker config.json with registry credentials";

    public override int HeadBytes => 32 * 1024;

    public override bool IsCandidate(string lowerPath, string name, long size) =>
        name == ".dockercfg" || (name == "config.json" && LayerPath.Name(LayerPath.Parent(lowerPath)) == ".docker");

    public override string? Confirm(CredentialHead head)
    {
        string text = head.Text;
        return JsonFields.HasValue(text, "auth") || JsonFields.HasValue(text, "identitytoken") || JsonFields.HasValue(text, "registrytoken") ? "" : null;
    }
}
