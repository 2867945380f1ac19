namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>
/// An <c>.npmrc</c> (or npm's global <c>npmrc</c>) with a registry token or password: <c>_authToken</c>, <c>_auth</c>,
/// <c>_password</c>, alone or scoped to a registry (<c>//registry.npmjs.org/:_authToken=…</c>). <c>${NPM_TOKEN}</c>,
/// which npm expands from the environment, is not one.
/// </summary>
public sealed class NpmTokenClassifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.NpmToken;

    public override string Description => "an .npmrc with registry credentials";

    public override bool IsCandidate(string lowerPath, string name, long size) => name is ".npmrc" or "npmrc";

    public override string? Confirm(CredentialHead head)
    {
        foreach (string raw in head.Lines())
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            int equals = line.IndexOf('=');
            if (equals <= 0) continue;
            string key = line.Substring(0, equals).Trim();
            int colon = key.LastIndexOf(':');
            string setting = colon >= 0 ? key.Substring(colon + 1) : key;
            if (setting is not ("_authToken" or "_auth" or "_password")) continue;
            if (!CredentialValues.IsPlaceholder(line.Substring(equals + 1))) return setting == "_password" ? "password" : "token";
        }
        return null;
    }
}
