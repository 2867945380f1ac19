using System.Text;
using System.Text.Json;
using ContainerOpt.TestSupport;
using ContainerOpt.TestSupport.Registry;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// `containeropt layers HOST:PORT/REPO:TAG` reads registries without an engine: the docker-env registry, a registry
/// with Basic auth the test starts (credentials from the config.json that HOME or DOCKER_CONFIG points at), a dead one,
/// one that is not local (HTTPS required until --insecure-registry), and --source deciding where a name is read from.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class LayersRegistryTests
{
    private static string Small => RegistryTestImages.LocalRegistry + "/" + RegistryTestImages.Repository;

    private static Dictionary<string, string> Environment(params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string> { ["HOME"] = CliRunner.TempFolder("home"), ["PATH"] = "/usr/bin:/bin" };
        foreach (var (name, value) in variables) environment[name] = value;
        return environment;
    }

    private static long InspectedSize(string image) =>
        long.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", image).StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [TestMethod]
    public void A_registry_reference_is_read_from_the_registry_with_dockers_sizes()
    {
        RegistryTestImages.Require();
        var (code, stdout, stderr) = CliRunner.RunWith(null, Environment(), "layers", Small + ":amd64", "--format", "json");
        Assert.AreEqual(0, code, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.AreEqual(Small + ":amd64", json.RootElement.GetProperty("image").GetString());
        Assert.AreEqual(InspectedSize(Small + ":amd64"), json.RootElement.GetProperty("size").GetInt64());
        var (_, _, manifest) = RegistryTestImages.GetManifest(RegistryTestImages.LocalRegistry, RegistryTestImages.Repository, "amd64");
        CollectionAssert.AreEqual(manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("size").GetInt64()).ToArray(),
            json.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("compressedSize").GetInt64()).ToArray());
        Assert.AreEqual("", stderr);
    }

    [TestMethod]
    public void Platform_picks_from_a_multi_platform_index_and_source_engine_reads_the_engines_copy()
    {
        PushedImages pushed = RegistryTestImages.Require();
        var arm = CliRunner.RunWith(null, Environment(), "layers", Small + ":multi", "--platform", "linux/arm64", "--format", "json");
        Assert.AreEqual(0, arm.ExitCode, arm.Stderr);
        var (_, _, manifest) = RegistryTestImages.GetManifest(RegistryTestImages.LocalRegistry, RegistryTestImages.Repository, pushed.Arm64Digest);
        using (var json = JsonDocument.Parse(arm.Stdout))
        {
            CollectionAssert.AreEqual(manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()).ToArray(),
                json.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()).ToArray());
            Assert.AreEqual(InspectedSize(Small + ":arm64"), json.RootElement.GetProperty("size").GetInt64());
        }

        // The same name read from the local engine (docker save): the same layers by their uncompressed content.
        var engine = CliRunner.RunWith(null, Environment(("DOCKER_HOST", System.Environment.GetEnvironmentVariable("DOCKER_HOST") ?? "")), "layers", Small + ":amd64", "--source", "engine", "--format", "json");
        Assert.AreEqual(0, engine.ExitCode, engine.Stderr);
        using var fromEngine = JsonDocument.Parse(engine.Stdout);
        Assert.AreEqual(InspectedSize(Small + ":amd64"), fromEngine.RootElement.GetProperty("size").GetInt64());
    }

    [TestMethod]
    public void A_dead_registry_is_COPT0040_with_exit_code_2()
    {
        int port = FreePorts.Next();
        var (code, stdout, stderr) = CliRunner.RunWith(null, Environment(), "layers", $"localhost:{port}/app:1");
        Assert.AreEqual(2, code);
        Assert.AreEqual("", stdout);
        Assert.AreEqual($"localhost:{port}/app:1: error COPT0040: Cannot reach the registry 'localhost:{port}': connection refused by localhost:{port}: nothing listens there. "
            + "Check the host and port and that the registry is running (behind a proxy: HTTPS_PROXY and NO_PROXY).\n", stderr);
    }

    [TestMethod]
    public void A_missing_tag_is_COPT0042_with_exit_code_2()
    {
        RegistryTestImages.Require();
        var (code, _, stderr) = CliRunner.RunWith(null, Environment(), "layers", Small + ":missing");
        Assert.AreEqual(2, code);
        Assert.AreEqual($"{Small}:missing: error COPT0042: '{Small}:missing' is not in the registry: the repository '{RegistryTestImages.Repository}' has no tag 'missing'; "
            + "its tags: amd64, arm64, multi, multi-oci. Check the tag, or name the image by digest (REPOSITORY@sha256:…).\n", stderr);
    }

    [TestMethod]
    public void Credentials_come_from_the_config_json_in_HOME_and_a_wrong_password_is_COPT0041()
    {
        RegistryTestImages.Require();
        string storage = RegistryTestImages.SeedStorage();
        string folder = CliRunner.TempFolder("htpasswd");
        File.WriteAllText(Path.Combine(folder, "htpasswd"), Htpasswd.Line("cli-user", "cli-pass") + "\n");
        try
        {
            using var registry = RegistryServer.Start(storage, "auth:\n  htpasswd:\n    realm: test\n    path: " + Path.Combine(folder, "htpasswd") + "\n");
            string reference = registry.Host + "/" + RegistryTestImages.Repository + ":amd64";
            string Home(string password)
            {
                string home = CliRunner.TempFolder("home");
                CliRunner.Write(home, ".docker/config.json", "{\"auths\":{\"" + registry.Host + "\":{\"auth\":\"" + Convert.ToBase64String(Encoding.UTF8.GetBytes("cli-user:" + password)) + "\"}}}");
                return home;
            }
            var ok = CliRunner.RunWith(null, Environment(("HOME", Home("cli-pass"))), "layers", reference, "--format", "json");
            Assert.AreEqual(0, ok.ExitCode, ok.Stderr);
            using (var json = JsonDocument.Parse(ok.Stdout)) Assert.AreEqual(InspectedSize(Small + ":amd64"), json.RootElement.GetProperty("size").GetInt64());

            string wrongHome = Home("nope");
            var denied = CliRunner.RunWith(null, Environment(("HOME", wrongHome)), "layers", reference);
            Assert.AreEqual(2, denied.ExitCode);
            Assert.AreEqual($"{reference}: error COPT0041: The registry '{registry.Host}' refused to let the credentials from auths.\"{registry.Host}\" in '{wrongHome}/.docker/config.json' "
                + $"read '{RegistryTestImages.Repository}' (401 Unauthorized). Check those credentials (a wrong or expired password or token), or log in again with 'docker login {registry.Host}'.\n", denied.Stderr);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [TestMethod]
    public void A_registry_that_is_not_local_needs_insecure_registry_for_plain_HTTP()
    {
        RegistryTestImages.Require();
        string storage = RegistryTestImages.SeedStorage();
        try
        {
            using var registry = RegistryServer.Start(storage, listen: "0.0.0.0");
            string address = System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == System.Net.NetworkInformation.OperationalStatus.Up && n.NetworkInterfaceType != System.Net.NetworkInformation.NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
                .FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !System.Net.IPAddress.IsLoopback(a))?.ToString() ?? "0.0.0.0";
            string host = address + ":" + registry.Port;
            string reference = host + "/" + RegistryTestImages.Repository + ":amd64";
            var refused = CliRunner.RunWith(null, Environment(), "layers", reference);
            Assert.AreEqual(2, refused.ExitCode);
            Assert.AreEqual($"{reference}: error COPT0044: '{host}': https://{host} does not speak HTTPS (the TLS handshake failed): it may be a plain-HTTP registry. "
                + "Plain HTTP and unverified certificates are used only for localhost and registries named insecure: if you trust this registry and the network to it, "
                + $"pass --insecure-registry {host} (or list it in the environment variable DOTNET_CONTAINER_INSECURE_REGISTRIES).\n", refused.Stderr);

            var named = CliRunner.RunWith(null, Environment(), "layers", reference, "--insecure-registry", "other.example", "--insecure-registry", host, "--format", "json");
            Assert.AreEqual(0, named.ExitCode, named.Stderr);
            var fromVariable = CliRunner.RunWith(null, Environment(("DOTNET_CONTAINER_INSECURE_REGISTRIES", host)), "layers", reference, "--format", "json");
            Assert.AreEqual(0, fromVariable.ExitCode, fromVariable.Stderr);
            Assert.AreEqual(named.Stdout, fromVariable.Stdout);
        }
        finally
        {
            Directory.Delete(storage, recursive: true);
        }
    }

    [TestMethod]
    [DataRow("localhost:5000/app:1", "Registry")]
    [DataRow("ghcr.io/org/app:1", "Registry")]
    [DataRow("docker.io/library/python:3.12", "Registry")]
    [DataRow("myapp:1.0", "Engine")]
    [DataRow("org/app", "Engine")]
    [DataRow("localhost/app:1", "Engine")]
    public void A_name_is_read_from_its_registry_only_when_its_first_part_is_a_host(string image, string expected)
    {
        Assert.AreEqual(expected, ContainerOpt.Images.ImageLayers.SourceOf(image).ToString());
    }

    [TestMethod]
    public void Source_archive_for_a_missing_file_and_an_unknown_source_are_errors()
    {
        var archive = CliRunner.RunWith(null, Environment(), "layers", "localhost:5000/app:1", "--source", "archive");
        Assert.AreEqual(2, archive.ExitCode);
        Assert.AreEqual("localhost:5000/app:1: error COPT0015: Cannot read the image 'localhost:5000/app:1': 'localhost:5000/app:1' does not exist: give an image archive (docker save) or an OCI layout folder.\n", archive.Stderr);
        var unknown = CliRunner.RunWith(null, Environment(), "layers", "x", "--source", "cloud");
        Assert.AreEqual(2, unknown.ExitCode);
        Assert.AreEqual("containeropt: --source must be one of: auto, archive, engine, registry (got 'cloud').\nRun 'containeropt layers --help' for usage.\n", unknown.Stderr);
    }
}
