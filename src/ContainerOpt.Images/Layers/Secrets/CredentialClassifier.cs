namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>
/// One kind of credential file: which names may be one (checked for every file, so cheap: no content), and how the
/// first bytes confirm it. A name alone never makes a finding: precision matters more than recall, and a
/// <c>.pem</c> that holds only certificates, an <c>.env</c> of ports and an <c>.npmrc</c> of <c>${NPM_TOKEN}</c> are not
/// credentials. Classifiers never keep, return or print what they read.
/// </summary>
public abstract class CredentialClassifier
{
    /// <summary>The bytes <see cref="Confirm"/> needs; the detector reads the largest any candidate classifier asks for.</summary>
    public const int DefaultHeadBytes = 8 * 1024;

    public abstract CredentialKind Kind { get; }

    /// <summary>What the file is, for messages: "a private key", "a NuGet.config with a cleartext password".</summary>
    public abstract string Description { get; }

    /// <summary>How many of the file's first bytes <see cref="Confirm"/> reads.</summary>
    public virtual int HeadBytes => DefaultHeadBytes;

    /// <summary>
    /// True when a file of this path and size may be this kind. <paramref name="name"/> is the file name lower-cased,
    /// <paramref name="lowerPath"/> the whole normalised path lower-cased (no leading '/'); <paramref name="size"/> is never 0.
    /// </summary>
    public abstract bool IsCandidate(string lowerPath, string name, long size);

    /// <summary>
    /// Null when the content does not confirm the kind; else a fixed detail for the message ("RSA", "encrypted"; ""
    /// for none). The detail is chosen from constants, never copied from the file.
    /// </summary>
    public abstract string? Confirm(CredentialHead head);

    public override string ToString() => Kind.ToString();
}
