namespace ContainerOpt.Images.Layers.Secrets;

/// <summary>
/// Which paths hold published material rather than secrets (<see cref="CredentialExemption"/>): decided by the folders
/// above the file, never by its name or content. A key a Dockerfile copies to <c>/app/certs/</c> is reported; the
/// same key shipped in <c>node_modules/foo/test/fixtures/</c> is a test fixture of a public package.
/// </summary>
public static class CredentialPaths
{
    private static readonly HashSet<string> TestFolders = new(StringComparer.Ordinal)
    {
        "test", "tests", "testing", "testdata", "test-data", "test_data", "testfiles", "test-files", "test_files", "testcerts", "test-certs",
        "test_certs", "testkeys", "test-keys", "test_keys", "__tests__", "__fixtures__", "fixture", "fixtures", "spec", "specs", "certdata",
    };

    private static readonly HashSet<string> PackageFolders = new(StringComparer.Ordinal)
    {
        "node_modules", "bower_components", "site-packages", "dist-packages", "vendor", "third_party", "third-party", "gems",
    };

    private static readonly HashSet<string> DocumentationFolders = new(StringComparer.Ordinal)
    {
        "example", "examples", "sample", "samples", "demo", "demos", "template", "templates",
    };

    /// <summary>Where published package trees live as a whole: NuGet's caches, the .NET install, Go's module cache.</summary>
    private static readonly string[] PackageRoots =
    {
        "usr/share/dotnet/", "usr/lib/dotnet/", "opt/dotnet/", "root/.nuget/packages/", "home/app/.nuget/packages/", "usr/share/nuget/",
        "root/go/pkg/mod/", "go/pkg/mod/", "usr/local/go/", "usr/lib/go-", "usr/share/go-", "usr/lib/jvm/",
    };

    /// <summary>
    /// True for the private keys packages generate for the machine when they are installed: Debian's snakeoil TLS key
    /// (ssl-cert), OpenSSH's host keys, mod_ssl's localhost key. Not somebody's leaked credential, but a key every
    /// container of the image shares with whoever pulls it.
    /// </summary>
    public static bool IsMachineKey(string path)
    {
        if (path == "etc/ssl/private/ssl-cert-snakeoil.key" || path == "etc/pki/tls/private/localhost.key") return true;
        const string SshHostKeys = "etc/ssh/ssh_host_";
        return path.StartsWith(SshHostKeys, StringComparison.Ordinal) && path.EndsWith("_key", StringComparison.Ordinal) && path.IndexOf('/', SshHostKeys.Length) < 0;
    }

    public static CredentialExemption Classify(string path)
    {
        string lower = path.ToLowerInvariant();
        if (lower.StartsWith("usr/share/doc/", StringComparison.Ordinal)) return CredentialExemption.Documentation;
        if (PackageRoots.Any(r => lower.StartsWith(r, StringComparison.Ordinal)) || lower.IndexOf("/.nuget/packages/", StringComparison.Ordinal) >= 0)
            return CredentialExemption.PackageContent;
        string[] folders = lower.Split('/');
        // The file's own name is not a folder: a key called "test.key" in /app is still the app's.
        for (int i = 0; i < folders.Length - 1; i++)
        {
            string folder = folders[i];
            if (PackageFolders.Contains(folder)) return CredentialExemption.PackageContent;
        }
        for (int i = 0; i < folders.Length - 1; i++)
        {
            string folder = folders[i];
            if (TestFolders.Contains(folder) || folder.StartsWith("test_", StringComparison.Ordinal) || folder.StartsWith("tests_", StringComparison.Ordinal)) return CredentialExemption.TestFixture;
            if (DocumentationFolders.Contains(folder)) return CredentialExemption.Documentation;
        }
        return CredentialExemption.None;
    }
}
