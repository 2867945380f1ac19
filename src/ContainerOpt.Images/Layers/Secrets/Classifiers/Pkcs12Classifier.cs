namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>
/// PKCS#12 key stores (<c>*.pfx</c>, <c>*.p12</c>): a certificate with its private key, often with an empty or weak
/// password. Confirmed by the DER structure PKCS#12 starts with: a SEQUENCE holding INTEGER version 3 (RFC 7292 PFX).
/// </summary>
public sealed class Pkcs12Classifier : CredentialClassifier
{
    public override CredentialKind Kind => CredentialKind.Pkcs12;

    public override string Description => "a PKCS#12 key store";

    public override int HeadBytes => 16;

    public override bool IsCandidate(string lowerPath, string name, long size) =>
        name.EndsWith(".pfx", StringComparison.Ordinal) || name.EndsWith(".p12", StringComparison.Ordinal);

    public override string? Confirm(CredentialHead head)
    {
        byte[] b = head.Bytes;
        if (head.Count < 5 || b[0] != 0x30) return null;
        // The outer SEQUENCE's length: short form, long form of 1–3 bytes, or indefinite (BER).
        int at = b[1] switch
        {
            0x80 => 2,
            0x81 => 3,
            0x82 => 4,
            0x83 => 5,
            < 0x80 => 2,
            _ => -1,
        };
        if (at < 0 || at + 3 > head.Count) return null;
        return b[at] == 0x02 && b[at + 1] == 0x01 && b[at + 2] == 0x03 ? "" : null;
    }
}
