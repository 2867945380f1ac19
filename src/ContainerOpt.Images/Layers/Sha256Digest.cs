using System.Security.Cryptography;

namespace ContainerOpt.Images.Layers;

/// <summary>OCI's digest text, <c>sha256:</c> and the lower-case hex: one spelling for layer scans and registry documents.</summary>
internal static class Sha256Digest
{
    public static string Of(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return Format(sha.ComputeHash(bytes));
    }

    public static string Format(byte[] hash)
    {
        var chars = new char[7 + hash.Length * 2];
        "sha256:".CopyTo(0, chars, 0, 7);
        const string hex = "0123456789abcdef";
        for (int i = 0; i < hash.Length; i++)
        {
            chars[7 + 2 * i] = hex[hash[i] >> 4];
            chars[8 + 2 * i] = hex[hash[i] & 0xF];
        }
        return new string(chars);
    }

    /// <summary>Whether the text is a digest as <see cref="Format"/> spells it.</summary>
    public static bool IsDigest(string text)
    {
        if (text.Length != 7 + 64 || !text.StartsWith("sha256:", StringComparison.Ordinal)) return false;
        for (int i = 7; i < text.Length; i++)
        {
            char c = text[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) return false;
        }
        return true;
    }
}
