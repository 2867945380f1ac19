namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>
/// A file of one layer that a classifier confirmed as a credential: where it is and what kind, never what it holds.
/// </summary>
public sealed class CredentialFile
{
    public CredentialFile(string path, CredentialKind kind, string detail, long size, CredentialExemption exemption)
    {
        Path = path;
        Kind = kind;
        Detail = detail;
        Size = size;
        Exemption = exemption;
    }

    /// <summary>Normalised path in the layer (no leading '/').</summary>
    public string Path { get; }

    public CredentialKind Kind { get; }

    /// <summary>A fixed word or two from the classifier ("RSA", "OpenSSH, encrypted", "2 secret variables"); "" for none.</summary>
    public string Detail { get; }

    public long Size { get; }

    /// <summary>Why it makes no finding, or <see cref="CredentialExemption.None"/>.</summary>
    public CredentialExemption Exemption { get; }

    /// <summary>A key a package generated for the machine at install time (<see cref="CredentialPaths.IsMachineKey"/>).</summary>
    public bool IsMachineKey => Kind == CredentialKind.PrivateKey && CredentialPaths.IsMachineKey(Path);

    /// <summary>"a private key (RSA)", "AWS credentials".</summary>
    public string Description
    {
        get
        {
            string what = CredentialClassifiers.For(Kind).Description;
            return Detail.Length == 0 ? what : what + " (" + Detail + ")";
        }
    }

    public override string ToString() => $"{Kind} {Path} {Size} {Exemption}";
}
