namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>A PostgreSQL password file (<c>.pgpass</c>, Windows' <c>pgpass.conf</c>): <c>host:port:database:user:password</c> lines.</summary>
public sealed class PgPassClassifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.PgPass;

    public override string Description => "a PostgreSQL password file";

    public override bool IsCandidate(string lowerPath, string name, long size) => name is ".pgpass" or "pgpass.conf";

    public override string? Confirm(CredentialHead head)
    {
        foreach (string raw in head.Lines())
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            // Four separators ':' (a '\:' is part of a field); the password is the rest.
            int fields = 0, at = 0;
            for (; at < line.Length && fields < 4; at++)
            {
                if (line[at] == '\\') at++;
                else if (line[at] == ':') fields++;
            }
            if (fields == 4 && !CredentialValues.IsPlaceholder(line.Substring(at))) return "";
        }
        return null;
    }
}
