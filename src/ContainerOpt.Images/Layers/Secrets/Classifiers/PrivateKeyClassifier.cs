using System.Text;

namespace ContainerOpt.Images.Layers.Secrets.Classifiers;

/// <summary>
/// Private keys: a PEM block whose label names a private key (<c>RSA</c>, <c>EC</c>, <c>DSA</c>, PKCS#8, encrypted
/// PKCS#8, <c>OPENSSH</c>), an armored PGP secret key, a PuTTY key — with a real body after the header (base64), so a
/// README that quotes the header is not one. Certificates and public keys never are.
/// Candidates: key-ish extensions, ssh's <c>id_*</c> names, <c>*_key</c>, files in <c>.ssh/</c> and <c>private/</c>.
/// </summary>
public sealed class PrivateKeyClassifier : CredentialClassifier
{
    private static readonly string[] Extensions = { ".pem", ".key", ".priv", ".private", ".ppk", ".p8", ".pk8", ".crt", ".cer", ".asc" };
    private static readonly string[] SshKeyNames = { "id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk", "identity" };
    private static readonly HashSet<string> SshNonKeys = new(StringComparer.Ordinal) { "known_hosts", "known_hosts.old", "authorized_keys", "authorized_keys2", "config", "environment", "rc" };

    /// <summary>PEM labels of private keys and the detail each gives.</summary>
    private static readonly (string Label, string Detail)[] Labels =
    {
        ("RSA PRIVATE KEY", "RSA"),
        ("EC PRIVATE KEY", "EC"),
        ("DSA PRIVATE KEY", "DSA"),
        ("OPENSSH PRIVATE KEY", "OpenSSH"),
        ("ENCRYPTED PRIVATE KEY", "PKCS#8, encrypted"),
        ("PRIVATE KEY", "PKCS#8"),
        ("PGP PRIVATE KEY BLOCK", "PGP"),
    };

    public override CredentialKind Kind => CredentialKind.PrivateKey;

    public override string Description => "a private key";

    public override int HeadBytes => 16 * 1024;

    public override bool IsCandidate(string lowerPath, string name, long size)
    {
        if (name.EndsWith(".pub", StringComparison.Ordinal)) return false;
        foreach (string extension in Extensions)
        {
            if (name.EndsWith(extension, StringComparison.Ordinal)) return true;
        }
        foreach (string ssh in SshKeyNames)
        {
            if (name.StartsWith(ssh, StringComparison.Ordinal)) return true;
        }
        if (name.IndexOf('.') < 0 && (name.EndsWith("_key", StringComparison.Ordinal) || name.EndsWith("-key", StringComparison.Ordinal) || name == "privkey")) return true;
        string parent = LayerPath.Name(LayerPath.Parent(lowerPath));
        return (parent == ".ssh" && !SshNonKeys.Contains(name)) || parent == "private";
    }

    public override string? Confirm(CredentialHead head)
    {
        if (head.Contains("PuTTY-User-Key-File-")) return ConfirmPutty(head);
        if (!head.Contains("-----BEGIN ")) return null;
        var lines = head.Lines().ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            if (!line.StartsWith("-----BEGIN ", StringComparison.Ordinal) || !line.EndsWith("-----", StringComparison.Ordinal)) continue;
            string label = line.Substring(11, line.Length - 16);
            string? detail = Labels.Where(l => l.Label == label).Select(l => l.Detail).FirstOrDefault();
            if (detail is null) continue;
            bool encrypted = false;
            var body = new StringBuilder();
            for (int j = i + 1; j < lines.Count; j++)
            {
                string next = lines[j].Trim();
                if (next.Length == 0 && body.Length == 0) continue;
                // RFC 1421 headers of legacy encrypted PEM and PGP armor headers come before the body.
                int colon = next.IndexOf(':');
                if (body.Length == 0 && colon > 0 && next.IndexOf(' ') is var space && (space < 0 || space > colon))
                {
                    if (next.StartsWith("Proc-Type:", StringComparison.Ordinal) && next.IndexOf("ENCRYPTED", StringComparison.Ordinal) > 0) encrypted = true;
                    continue;
                }
                if (!IsBase64Line(next)) break;
                body.Append(next);
                if (body.Length >= 128) break;
            }
            // A real key's body runs to hundreds of characters; a quoted header or a "..." stand-in has none.
            if (body.Length < 64) continue;
            if (label == "OPENSSH PRIVATE KEY" && OpenSshCipher(body.ToString()) is { } cipher) encrypted = cipher != "none";
            return encrypted && !detail.EndsWith("encrypted", StringComparison.Ordinal) ? detail + ", encrypted" : detail;
        }
        return null;
    }

    private static string? ConfirmPutty(CredentialHead head)
    {
        var lines = head.Lines().ToList();
        if (lines.Count == 0 || !lines[0].StartsWith("PuTTY-User-Key-File-", StringComparison.Ordinal)) return null;
        if (!lines.Any(l => l.StartsWith("Private-Lines:", StringComparison.Ordinal))) return null;
        string? encryption = lines.FirstOrDefault(l => l.StartsWith("Encryption:", StringComparison.Ordinal));
        return encryption is not null && encryption.Substring(11).Trim() != "none" ? "PuTTY, encrypted" : "PuTTY";
    }

    private static bool IsBase64Line(string line)
    {
        if (line.Length == 0) return false;
        foreach (char c in line)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '+' or '/' or '=')) return false;
        }
        return true;
    }

    /// <summary>The cipher an OpenSSH key names ("none" when it is not encrypted), read from its first decoded bytes.</summary>
    private static string? OpenSshCipher(string base64)
    {
        const string Magic = "openssh-key-v1\0";
        try
        {
            byte[] bytes = Convert.FromBase64String(base64.Substring(0, base64.Length / 4 * 4));
            if (bytes.Length < Magic.Length + 4 || Encoding.ASCII.GetString(bytes, 0, Magic.Length) != Magic) return null;
            int at = Magic.Length;
            int length = (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];
            if (length <= 0 || length > 64 || at + 4 + length > bytes.Length) return null;
            return Encoding.ASCII.GetString(bytes, at + 4, length);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
