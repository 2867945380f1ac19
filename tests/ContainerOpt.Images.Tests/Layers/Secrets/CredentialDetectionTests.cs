using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Layers.Secrets;
using ContainerOpt.Images.Tests.Archives;

namespace ContainerOpt.Images.Tests.Layers.Secrets;

/// <summary>
/// Each credential kind, found by the real scanner in a layer tar: what is one (real keys, real secret values) and what
/// looks like one but is not (certificates, public keys, templates, placeholders, settings), with the exact kind and detail.
/// </summary>
[TestClass]
public sealed class CredentialDetectionTests
{
    private static IReadOnlyList<CredentialFile> Scan(string path, byte[] content) =>
        LayerScanner.Scan(new MemoryStream(new TestTarWriter().File(path, content).Finish()), measureCompressedSize: false).Credentials;

    private static string Found(string path, string content)
    {
        var found = Scan(path, FakeCredentials.Content(content));
        return found.Count == 0 ? "none" : string.Join(";", found.Select(f => $"{f.Kind}|{f.Detail}|{f.Exemption}|{f.Path}"));
    }

    [TestMethod]
    [DataRow("root/.ssh/id_rsa", "rsa-pkcs1", "PrivateKey|RSA|None|root/.ssh/id_rsa")]
    [DataRow("app/certs/server.key", "rsa-pkcs8", "PrivateKey|PKCS#8|None|app/certs/server.key")]
    [DataRow("app/certs/server.pem", "pkcs8-encrypted", "PrivateKey|PKCS#8, encrypted|None|app/certs/server.pem")]
    [DataRow("etc/app/tls.key", "ec", "PrivateKey|EC|None|etc/app/tls.key")]
    [DataRow("root/.ssh/id_ed25519", "openssh", "PrivateKey|OpenSSH|None|root/.ssh/id_ed25519")]
    [DataRow("home/app/.ssh/deploy", "openssh-encrypted", "PrivateKey|OpenSSH, encrypted|None|home/app/.ssh/deploy")]
    [DataRow("app/deploy.ppk", "putty", "PrivateKey|PuTTY|None|app/deploy.ppk")]
    [DataRow("app/deploy.ppk", "putty-encrypted", "PrivateKey|PuTTY, encrypted|None|app/deploy.ppk")]
    [DataRow("app/signing.asc", "pgp", "PrivateKey|PGP|None|app/signing.asc")]
    [DataRow("app/bundle.crt", "certificate-and-key", "PrivateKey|PKCS#8|None|app/bundle.crt")]
    [DataRow("etc/ssl/private/app", "rsa-pkcs8", "PrivateKey|PKCS#8|None|etc/ssl/private/app")]
    [DataRow("app/jwt_signing_key", "rsa-pkcs1", "PrivateKey|RSA|None|app/jwt_signing_key")]
    [DataRow("app/certs/app.pfx", "pkcs12", "Pkcs12||None|app/certs/app.pfx")]
    [DataRow("app/certs/app.P12", "pkcs12", "Pkcs12||None|app/certs/app.P12")]
    [DataRow("app/.env", "env-secret", "EnvFile|1 secret variable|None|app/.env")]
    [DataRow("app/.env.production", "env-two-secrets", "EnvFile|2 secret variables|None|app/.env.production")]
    [DataRow("app/prod.env", "env-url", "EnvFile|1 secret variable|None|app/prod.env")]
    [DataRow("app/.env", "env-key", "EnvFile|1 secret variable|None|app/.env")]
    [DataRow("app/NuGet.config", "nuget-password", "NuGetPassword||None|app/NuGet.config")]
    [DataRow("root/.nuget/NuGet/NuGet.Config", "nuget-password", "NuGetPassword||None|root/.nuget/NuGet/NuGet.Config")]
    [DataRow("root/.npmrc", "npm-token", "NpmToken|token|None|root/.npmrc")]
    [DataRow("app/.npmrc", "npm-password", "NpmToken|password|None|app/.npmrc")]
    [DataRow("root/.aws/credentials", "aws-credentials", "AwsCredentials||None|root/.aws/credentials")]
    [DataRow("app/gcp-key.json", "gcp-service-account", "GoogleCloudCredentials|service-account key|None|app/gcp-key.json")]
    [DataRow("root/.config/gcloud/application_default_credentials.json", "gcp-user", "GoogleCloudCredentials|user refresh token|None|root/.config/gcloud/application_default_credentials.json")]
    [DataRow("root/.azure/accessTokens.json", "azure-tokens", "AzureCredentials|tokens|None|root/.azure/accessTokens.json")]
    [DataRow("root/.azure/msal_token_cache.json", "azure-tokens", "AzureCredentials|tokens|None|root/.azure/msal_token_cache.json")]
    [DataRow("root/.azure/service_principal_entries.json", "azure-service-principal", "AzureCredentials|service principal secret|None|root/.azure/service_principal_entries.json")]
    [DataRow("root/.docker/config.json", "docker-auth", "DockerAuth||None|root/.docker/config.json")]
    [DataRow("root/.git-credentials", "git-credentials", "GitCredentials||None|root/.git-credentials")]
    [DataRow("root/.config/git/credentials", "git-credentials", "GitCredentials||None|root/.config/git/credentials")]
    [DataRow("root/.pgpass", "pgpass", "PgPass||None|root/.pgpass")]
    [DataRow("root/.netrc", "netrc", "Netrc||None|root/.netrc")]
    public void A_credential_file_is_found_with_its_kind(string path, string content, string expected) =>
        Assert.AreEqual(expected, Found(path, content));

    [TestMethod]
    [DataRow("app/certs/server.crt", "certificate")]
    [DataRow("app/certs/ca.pem", "certificate")]
    [DataRow("app/keys/public.pem", "public-key")]
    [DataRow("root/.ssh/id_rsa.pub", "rsa-pkcs1")]
    [DataRow("app/docs/private.key", "quoted-header")]
    [DataRow("app/certs/app.pfx", "random")]
    [DataRow("app/server.key", "random")]
    [DataRow("app/.env.example", "env-secret")]
    [DataRow("app/.env.sample", "env-secret")]
    [DataRow("app/.env.template", "env-secret")]
    [DataRow("app/.env.dist", "env-secret")]
    [DataRow("app/.env", "env-placeholders")]
    [DataRow("app/.env", "env-settings")]
    [DataRow("app/NuGet.config", "nuget-env-password")]
    [DataRow("app/NuGet.config", "nuget-encrypted")]
    [DataRow("app/nuget.settings", "nuget-password")]
    [DataRow("app/.npmrc", "npm-placeholder")]
    [DataRow("root/.aws/config", "aws-config")]
    [DataRow("app/credentials", "aws-credentials")]
    [DataRow("app/key.json", "gcp-placeholder")]
    [DataRow("app/package.json", "package-json")]
    [DataRow("app/.azure/accessTokens.json", "package-json")]
    [DataRow("home/app/.docker/config.json", "docker-helper")]
    [DataRow("app/config.json", "docker-auth")]
    [DataRow("root/.git-credentials", "git-no-password")]
    [DataRow("root/.pgpass", "pgpass-empty")]
    [DataRow("root/.netrc", "netrc-no-password")]
    public void What_only_looks_like_a_credential_is_none(string path, string content) =>
        Assert.AreEqual("none", Found(path, content));

    [TestMethod]
    [DataRow("usr/lib/node_modules/ssh2/test/fixtures/id_rsa", "PackageContent")]
    [DataRow("app/node_modules/jsonwebtoken/priv.pem", "PackageContent")]
    [DataRow("usr/local/lib/python3.12/site-packages/moto/moto_proxy/ca.key", "PackageContent")]
    [DataRow("usr/lib/python3/dist-packages/tornado/test/test.key", "PackageContent")]
    [DataRow("app/vendor/guzzle/tests/server.key", "PackageContent")]
    [DataRow("usr/share/dotnet/sdk/10.0.100/test.key", "PackageContent")]
    [DataRow("root/.nuget/packages/foo/1.0.0/content/key.pem", "PackageContent")]
    [DataRow("usr/lib/python3.11/test/certdata/keycert.pem", "TestFixture")]
    [DataRow("src/app/tests/fixtures/server.key", "TestFixture")]
    [DataRow("go/src/crypto/tls/testdata/example-key.pem", "TestFixture")]
    [DataRow("app/__tests__/key.pem", "TestFixture")]
    [DataRow("app/spec/support/key.pem", "TestFixture")]
    [DataRow("usr/share/doc/libxmlsec1-dev/examples/rsakey.pem", "Documentation")]
    [DataRow("usr/share/cmake-3.25/Templates/Windows/key.pem", "Documentation")]
    [DataRow("app/examples/tls/server.key", "Documentation")]
    [DataRow("app/test.key", "None")]
    [DataRow("app/testing.pem", "None")]
    [DataRow("app/certs/server.key", "None")]
    public void A_key_in_published_or_test_folders_is_exempt(string path, string exemption)
    {
        var found = Scan(path, FakeCredentials.Content("rsa-pkcs8")).Single();
        Assert.AreEqual(exemption, found.Exemption.ToString());
    }

    [TestMethod]
    [DataRow("etc/ssl/private/ssl-cert-snakeoil.key", true)]
    [DataRow("etc/ssh/ssh_host_ed25519_key", true)]
    [DataRow("etc/ssh/ssh_host_rsa_key", true)]
    [DataRow("etc/pki/tls/private/localhost.key", true)]
    [DataRow("etc/ssh/keys/ssh_host_rsa_key", false)]
    [DataRow("etc/ssl/private/app.key", false)]
    public void Machine_keys_packages_generate_are_told_apart(string path, bool machineKey) =>
        Assert.AreEqual(machineKey, Scan(path, FakeCredentials.Content("rsa-pkcs8")).Single().IsMachineKey);

    [TestMethod]
    public void Only_the_last_entry_of_a_path_in_a_layer_counts()
    {
        byte[] key = FakeCredentials.Content("rsa-pkcs8");
        var replaced = new TestTarWriter().File("app/server.key", key).File("app/server.key", "not a key any more\n").Finish();
        Assert.AreEqual(0, LayerScanner.Scan(new MemoryStream(replaced), false).Credentials.Count);
        var added = new TestTarWriter().File("app/server.key", "placeholder\n").File("app/server.key", key).Finish();
        Assert.AreEqual("app/server.key", LayerScanner.Scan(new MemoryStream(added), false).Credentials.Single().Path);
    }

    [TestMethod]
    public void Looking_at_a_candidate_changes_neither_the_digests_nor_the_entries()
    {
        byte[] tar = new TestTarWriter().File("root/.ssh/id_rsa", FakeCredentials.Content("rsa-pkcs1")).File("app/.env", FakeCredentials.Content("env-secret"))
            .File("app/big.bin", 200_000).Finish();
        LayerScan scan = LayerScanner.Scan(new MemoryStream(tar), false);
        Assert.AreEqual(TestData.Sha256(tar), scan.Digest);
        Assert.AreEqual(TestData.Sha256(tar), scan.DiffId);
        CollectionAssert.AreEqual(new[] { "root/.ssh/id_rsa", "app/.env", "app/big.bin" }, scan.Entries.Where(e => e.Kind == LayerEntryKind.File).Select(e => e.Path).ToArray());
        CollectionAssert.AreEqual(new[] { "app/.env", "root/.ssh/id_rsa" }, scan.Credentials.Select(c => c.Path).ToArray());
    }

    [TestMethod]
    public void A_candidate_larger_than_the_head_is_judged_by_its_head()
    {
        // A certificate bundle of 40 kB with a key at the end: past the 16 kB the key classifier reads, so not found.
        string bundle = string.Concat(Enumerable.Repeat(FakeCredentials.Certificate(), 30)) + FakeCredentials.RsaPkcs8();
        Assert.IsTrue(bundle.Length > 16 * 1024);
        Assert.AreEqual("none", Scan("app/bundle.pem", System.Text.Encoding.UTF8.GetBytes(bundle)).Count == 0 ? "none" : "found");
        // The same key first: found.
        string keyFirst = FakeCredentials.RsaPkcs8() + string.Concat(Enumerable.Repeat(FakeCredentials.Certificate(), 30));
        Assert.AreEqual("PKCS#8", Scan("app/bundle.pem", System.Text.Encoding.UTF8.GetBytes(keyFirst)).Single().Detail);
    }
}
