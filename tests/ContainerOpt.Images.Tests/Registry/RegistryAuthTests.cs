using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Registry;
using ContainerOpt.TestSupport.Registry;
using static ContainerOpt.Images.Tests.Registry.RegistryTestSupport;

namespace ContainerOpt.Images.Tests.Registry;

/// <summary>
/// Registries the tests start themselves (docker-registry serve) over storage seeded with the test images: Basic auth
/// (htpasswd), token auth (with the token server distribution needs, here an HttpListener), credentials from config.json
/// and credential helpers, blobs redirected to storage, a corrupt blob, and HTTPS required for a registry that is not local.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RegistryAuthTests
{
    private const string User = "tester";
    private const string Password = "s3cret-Pa55";
    private const string Repository = RegistryTestImages.Repository;

    private static string? _storage;
    private static string[]? _amd64Layers;

    [ClassInitialize]
    public static void Seed(TestContext _)
    {
        if (!File.Exists(RegistryServer.Binary) || TestSupport.DockerEngine.UnavailableReason is not null) return;
        _storage = RegistryTestImages.SeedStorage();
        _amd64Layers = RegistryReader.Read(RegistryTestImages.LocalRegistry + "/" + Repository + ":amd64", registry: Options()).Layers.Select(l => l.Digest).ToArray();
    }

    [ClassCleanup]
    public static void Clean()
    {
        if (_storage is not null) Directory.Delete(_storage, recursive: true);
    }

    private static string Storage
    {
        get
        {
            RegistryTestImages.Require();
            return _storage ?? throw new AssertFailedException("The storage was not seeded.");
        }
    }

    private static RegistryServer BasicRegistry(string? storage = null, string? extraConfig = null)
    {
        string folder = RegistryServer.TempFolder("htpasswd");
        string file = Path.Combine(folder, "htpasswd");
        File.WriteAllText(file, Htpasswd.Line(User, Password) + "\n");
        return RegistryServer.Start(storage ?? Storage, "auth:\n  htpasswd:\n    realm: containeropt-test\n    path: " + file + "\n" + (extraConfig ?? ""));
    }

    private static void AssertIsTheAmd64Image(ImageContent image) =>
        CollectionAssert.AreEqual(_amd64Layers, image.Layers.Select(l => l.Digest).ToArray());

    [TestMethod]
    public void Basic_auth_with_the_credentials_of_config_json_reads_the_image()
    {
        using var registry = BasicRegistry();
        string config = DockerConfigFolder(AuthsJson(registry.Host, User, Password));
        AssertIsTheAmd64Image(RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config))));
    }

    [TestMethod]
    public void Basic_auth_with_a_wrong_password_is_COPT0041_naming_the_source_not_the_secret()
    {
        using var registry = BasicRegistry();
        string config = DockerConfigFolder(AuthsJson("https://" + registry.Host + "/v1/", User, "wrong-password"));
        var e = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config))));
        Assert.AreEqual("COPT0041", e.Code);
        Assert.AreEqual($"The registry '{registry.Host}' refused to let the credentials from auths.\"https://{registry.Host}/v1/\" in '{config}/config.json' read '{Repository}' (401 Unauthorized). "
            + $"Check those credentials (a wrong or expired password or token), or log in again with 'docker login {registry.Host}'.", e.Message);
        Assert.IsFalse(e.ToString().Contains("wrong-password", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Basic_auth_without_credentials_is_COPT0041_saying_where_none_were_found()
    {
        using var registry = BasicRegistry();
        RegistryOptions options = Options();
        string home = options.Environment("HOME")!;
        var e = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: options));
        Assert.AreEqual($"The registry '{registry.Host}' refused to let an anonymous client (no credentials: no docker configuration at '{home}/.docker/config.json') read '{Repository}' (401 Unauthorized). "
            + $"Log in with 'docker login {registry.Host}' (or add credentials for it to the docker configuration) and try again.", e.Message);
    }

    [TestMethod]
    public void Bearer_auth_gets_one_token_with_the_credentials_for_the_repository_scope()
    {
        using var tokens = new RegistryTokenServer();
        tokens.AddUser(User, Password);
        using var registry = RegistryServer.Start(Storage, tokens.RegistryConfig);
        string config = DockerConfigFolder(AuthsJson(registry.Host, User, Password));
        AssertIsTheAmd64Image(RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config))));
        var requests = tokens.Requests;
        Assert.AreEqual(1, requests.Count, "one token for the manifest, the config and both layers");
        Assert.AreEqual(new TokenRequest("GET", true, $"repository:{Repository}:pull", RegistryTokenServer.Service), requests[0]);
    }

    [TestMethod]
    public void Bearer_auth_without_credentials_gets_an_anonymous_token_for_a_public_repository()
    {
        using var tokens = new RegistryTokenServer();
        using var registry = RegistryServer.Start(Storage, tokens.RegistryConfig);
        AssertIsTheAmd64Image(RegistryReader.Read($"{registry.Host}/public/small:amd64", registry: Options()));
        Assert.AreEqual(new TokenRequest("GET", false, "repository:public/small:pull", RegistryTokenServer.Service), tokens.Requests.Single());
    }

    [TestMethod]
    public void Bearer_auth_with_an_identity_token_exchanges_it_as_a_refresh_token()
    {
        using var tokens = new RegistryTokenServer();
        tokens.AddRefreshToken("refresh-me", User);
        using var registry = RegistryServer.Start(Storage, tokens.RegistryConfig);
        string config = DockerConfigFolder("{\"auths\":{\"" + registry.Host + "\":{\"identitytoken\":\"refresh-me\"}}}");
        AssertIsTheAmd64Image(RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config))));
        Assert.AreEqual(new TokenRequest("POST", true, $"repository:{Repository}:pull", RegistryTokenServer.Service), tokens.Requests.Single());
    }

    [TestMethod]
    public void Bearer_auth_with_wrong_credentials_is_COPT0041_naming_the_token_service()
    {
        using var tokens = new RegistryTokenServer();
        tokens.AddUser(User, Password);
        using var registry = RegistryServer.Start(Storage, tokens.RegistryConfig);
        string config = DockerConfigFolder(AuthsJson(registry.Host, User, "not-it"));
        var e = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config))));
        Assert.AreEqual($"The registry '{registry.Host}' refused to let the credentials from auths.\"{registry.Host}\" in '{config}/config.json' read '{Repository}' "
            + $"(its token service http://127.0.0.1:{tokens.Port}/token answered 401 Unauthorized). Check those credentials (a wrong or expired password or token), or log in again with 'docker login {registry.Host}'.", e.Message);
    }

    /// <summary>A docker-credential-copttest script in a folder of its own: records its standard input, then does <paramref name="body"/>.</summary>
    private static string Helper(string body)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Inconclusive("The helper is a shell script.");
            return "";
        }
        string bin = RegistryServer.TempFolder("bin");
        string script = Path.Combine(bin, "docker-credential-copttest");
        File.WriteAllText(script, "#!/bin/sh\ncat > \"$(dirname \"$0\")/stdin.txt\"\n" + body + "\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return bin;
    }

    [TestMethod]
    [DataRow("credHelpers")]
    [DataRow("credsStore")]
    public void A_credential_helper_gets_the_server_on_standard_input_and_its_credentials_are_used(string kind)
    {
        using var registry = BasicRegistry();
        string bin = Helper("printf '{\"ServerURL\":\"x\",\"Username\":\"" + User + "\",\"Secret\":\"" + Password + "\"}'");
        string json = kind == "credHelpers"
            ? "{\"auths\":{},\"credHelpers\":{\"" + registry.Host + "\":\"copttest\"}}"
            : "{\"auths\":{\"" + registry.Host + "\":{}},\"credsStore\":\"copttest\"}";
        string config = DockerConfigFolder(json);
        AssertIsTheAmd64Image(RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config), ("PATH", bin + ":/usr/bin:/bin"))));
        Assert.AreEqual(registry.Host, File.ReadAllText(Path.Combine(bin, "stdin.txt")));
    }

    [TestMethod]
    public void A_credential_helper_that_fails_is_COPT0045()
    {
        using var registry = BasicRegistry();
        string bin = Helper("echo 'keychain is locked' >&2\nexit 1");
        string config = DockerConfigFolder("{\"credHelpers\":{\"" + registry.Host + "\":\"copttest\"}}");
        var e = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config), ("PATH", bin + ":/usr/bin:/bin"))));
        Assert.AreEqual("COPT0045", e.Code);
        Assert.AreEqual($"The credential helper 'docker-credential-copttest' that '{config}/config.json' names for '{registry.Host}' failed: it exited with code 1: keychain is locked. "
            + $"Check that it is installed, on PATH and logged in (try: echo {registry.Host} | docker-credential-copttest get), or remove it from that file.", e.Message);
    }

    [TestMethod]
    public void A_credential_helper_not_on_PATH_and_one_that_hangs_are_COPT0045()
    {
        using var registry = BasicRegistry();
        string config = DockerConfigFolder("{\"credHelpers\":{\"" + registry.Host + "\":\"copttest\"}}");
        string empty = RegistryServer.TempFolder("empty-bin");
        var missing = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config), ("PATH", empty))));
        Assert.AreEqual($"The credential helper 'docker-credential-copttest' that '{config}/config.json' names for '{registry.Host}' failed: 'docker-credential-copttest' is not on PATH. "
            + $"Check that it is installed, on PATH and logged in (try: echo {registry.Host} | docker-credential-copttest get), or remove it from that file.", missing.Message);

        string bin = Helper("exec sleep 30");
        RegistryOptions options = Options(("DOCKER_CONFIG", config), ("PATH", bin + ":/usr/bin:/bin"));
        options.CredentialHelperTimeout = TimeSpan.FromSeconds(1);
        var hung = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: options));
        Assert.AreEqual($"The credential helper 'docker-credential-copttest' that '{config}/config.json' names for '{registry.Host}' failed: it did not answer within 1 s and was stopped (a locked keychain waiting for a password?). "
            + $"Check that it is installed, on PATH and logged in (try: echo {registry.Host} | docker-credential-copttest get), or remove it from that file.", hung.Message);
    }

    [TestMethod]
    public void A_credential_helper_without_credentials_for_the_server_leaves_the_client_anonymous()
    {
        using var registry = BasicRegistry();
        string bin = Helper("echo 'credentials not found in native keychain'\nexit 1");
        string config = DockerConfigFolder("{\"credHelpers\":{\"" + registry.Host + "\":\"copttest\"}}");
        var e = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config), ("PATH", bin + ":/usr/bin:/bin"))));
        Assert.AreEqual($"The registry '{registry.Host}' refused to let an anonymous client (no credentials: none from 'docker-credential-copttest' (credHelpers in '{config}/config.json')) read '{Repository}' (401 Unauthorized). "
            + $"Log in with 'docker login {registry.Host}' (or add credentials for it to the docker configuration) and try again.", e.Message);
    }

    [TestMethod]
    public void Blobs_redirected_to_storage_are_read_there_without_the_registrys_credentials()
    {
        using var files = new StorageFileServer(Storage);
        using var registry = BasicRegistry(extraConfig: files.RegistryConfig);
        string config = DockerConfigFolder(AuthsJson(registry.Host, User, Password));
        ImageContent image = RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options(("DOCKER_CONFIG", config)));
        AssertIsTheAmd64Image(image);
        var requests = files.Requests;
        // The config and both layers came from storage, and none carried an Authorization header.
        Assert.AreEqual(3, requests.Count, string.Join("\n", requests));
        foreach (string layer in _amd64Layers!) Assert.IsTrue(requests.Any(r => r.Path.EndsWith(layer.Substring(7) + "/data", StringComparison.Ordinal)), layer);
        Assert.IsFalse(requests.Any(r => r.HadAuthorization));
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void Storage_that_drops_or_stalls_in_the_middle_of_a_layer_is_COPT0040(bool stall)
    {
        using var files = new StorageFileServer(Storage);
        string layer = _amd64Layers![0]; // the 300 KB payload
        files.Misbehave = layer.Substring("sha256:".Length);
        files.MisbehaveAfter = 1000;
        files.Stall = stall;
        long total = new FileInfo(RegistryTestImages.BlobFile(Storage, layer)).Length;
        using var registry = RegistryServer.Start(Storage, files.RegistryConfig);
        RegistryOptions options = Options();
        options.Timeout = TimeSpan.FromSeconds(2);
        var e = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: options));
        string why = stall
            ? $"it sent nothing for 2 s while sending layer {layer} (after 1000 of {total} bytes), so the read was stopped"
            : $"the connection broke while it sent layer {layer} (after 1000 of {total} bytes)";
        Assert.AreEqual($"Cannot reach the registry '{registry.Host}': {why}. Check the host and port and that the registry is running (behind a proxy: HTTPS_PROXY and NO_PROXY).", e.Message);
    }

    [TestMethod]
    [DataRow("layer")]
    [DataRow("config")]
    public void A_corrupt_blob_in_the_registrys_storage_is_COPT0043(string which)
    {
        string copy = RegistryServer.TempFolder("corrupt");
        try
        {
            CopyFolder(Storage, copy);
            var manifest = RegistryReader.Read(RegistryTestImages.LocalRegistry + "/" + Repository + ":amd64", registry: Options());
            var (_, _, json) = RegistryTestImages.GetManifest(RegistryTestImages.LocalRegistry, Repository, "amd64");
            string digest = which == "layer" ? manifest.Layers[0].Digest : json.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
            string file = RegistryTestImages.BlobFile(copy, digest);
            byte[] bytes = File.ReadAllBytes(file);
            bytes[bytes.Length / 2] ^= 0x5A;
            File.WriteAllBytes(file, bytes);
            string actual = RegistryTestImages.Sha256(bytes);
            using var registry = RegistryServer.Start(copy);
            var e = Fails(() => RegistryReader.Read($"{registry.Host}/{Repository}:amd64", registry: Options()));
            Assert.AreEqual("COPT0043", e.Code);
            Assert.AreEqual($"'{registry.Host}/{Repository}:amd64': the {which} {digest} read from the registry hashes to {actual}: it is corrupt in the registry's storage or was altered on the way. "
                + "Push the image again, or ask the registry's owner to repair it.", e.Message);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [TestMethod]
    public void A_plain_HTTP_registry_that_is_not_local_is_COPT0044_until_named_insecure()
    {
        using var registry = RegistryServer.Start(Storage, listen: "0.0.0.0");
        string host = NonLoopbackAddress() + ":" + registry.Port;
        string reference = $"{host}/{Repository}:amd64";
        var e = Fails(() => RegistryReader.Read(reference, registry: Options()));
        Assert.AreEqual("COPT0044", e.Code);
        Assert.AreEqual($"'{host}': https://{host} does not speak HTTPS (the TLS handshake failed): it may be a plain-HTTP registry. Plain HTTP and unverified certificates are used only for localhost and registries named insecure: "
            + $"if you trust this registry and the network to it, pass --insecure-registry {host} (or list it in the environment variable DOTNET_CONTAINER_INSECURE_REGISTRIES).", e.Message);

        RegistryOptions named = Options();
        named.InsecureRegistries = new[] { host };
        AssertIsTheAmd64Image(RegistryReader.Read(reference, registry: named));
        AssertIsTheAmd64Image(RegistryReader.Read(reference, registry: Options((RegistryOptions.InsecureRegistriesVariable, "other.example:5000, " + host))));
        AssertIsTheAmd64Image(RegistryReader.Read(reference, registry: Options((RegistryOptions.InsecureRegistriesVariable, "other.example;" + NonLoopbackAddress()))));
    }

    [TestMethod]
    public void An_HTTPS_registry_with_an_untrusted_certificate_is_COPT0044_unless_local_or_named_insecure()
    {
        string folder = RegistryServer.TempFolder("tls");
        try
        {
            using var key = RSA.Create(2048);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
            string certFile = Path.Combine(folder, "registry.crt"), keyFile = Path.Combine(folder, "registry.key");
            File.WriteAllText(certFile, certificate.ExportCertificatePem());
            File.WriteAllText(keyFile, key.ExportRSAPrivateKeyPem());
            using var registry = RegistryServer.Start(Storage, listen: "0.0.0.0", tls: (certFile, keyFile));
            string host = NonLoopbackAddress() + ":" + registry.Port;

            var e = Fails(() => RegistryReader.Read($"{host}/{Repository}:amd64", registry: Options()));
            Assert.AreEqual($"'{host}': the certificate of https://{host} does not verify (an untrusted issuer, another host's name, or expired). Plain HTTP and unverified certificates are used only for localhost and registries named insecure: "
                + $"if you trust this registry and the network to it, pass --insecure-registry {host} (or list it in the environment variable DOTNET_CONTAINER_INSECURE_REGISTRIES).", e.Message);

            RegistryOptions named = Options();
            named.InsecureRegistries = new[] { host };
            AssertIsTheAmd64Image(RegistryReader.Read($"{host}/{Repository}:amd64", registry: named));
            AssertIsTheAmd64Image(RegistryReader.Read($"localhost:{registry.Port}/{Repository}:amd64", registry: Options()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string directory in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
