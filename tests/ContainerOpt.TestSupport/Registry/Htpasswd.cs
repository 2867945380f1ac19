using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ContainerOpt.TestSupport.Registry;

/// <summary>
/// An htpasswd line for distribution's <c>auth: htpasswd:</c>, which takes bcrypt hashes only: made by
/// <c>htpasswd -nbB</c> (apache2-utils) when it is installed, else by the C library's crypt(3) (libxcrypt, part of every
/// Debian system, hashes <c>$2b$</c> bcrypt).
/// </summary>
public static class Htpasswd
{
    private const string BcryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string Line(string user, string password)
    {
        string? htpasswd = new[] { "/usr/bin/htpasswd", "/usr/local/bin/htpasswd" }.FirstOrDefault(File.Exists);
        if (htpasswd is not null)
        {
            var result = ProcessResult.Run(htpasswd, new[] { "-nbB", "-C", "5", user, password }, TimeSpan.FromSeconds(30));
            if (result.ExitCode != 0) Assert.Fail($"htpasswd failed: {result.Output}");
            return result.StandardOutput.Trim();
        }
        var salt = new char[22];
        byte[] random = RandomNumberGenerator.GetBytes(salt.Length);
        for (int i = 0; i < salt.Length; i++) salt[i] = BcryptAlphabet[random[i] % 64];
        // The last salt character carries only 2 bits: one of these four keeps the salt canonical.
        salt[21] = ".Oeu"[random[21] % 4];
        IntPtr hashed = Crypt(password, "$2b$05$" + new string(salt));
        string? hash = hashed == IntPtr.Zero ? null : Marshal.PtrToStringAnsi(hashed);
        if (hash is null || !hash.StartsWith("$2b$", StringComparison.Ordinal)) Assert.Fail("crypt(3) does not make bcrypt hashes here, and htpasswd is not installed (apt-get install apache2-utils).");
        return user + ":" + hash;
    }

    [DllImport("libcrypt.so.1", EntryPoint = "crypt", CharSet = CharSet.Ansi)]
    private static extern IntPtr Crypt(string key, string setting);
}
