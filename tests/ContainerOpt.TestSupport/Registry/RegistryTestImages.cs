using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ContainerOpt.TestSupport.Registry;

/// <summary>
/// Small images the registry tests read, made once per test run by the real engine and pushed to the docker-env registry
/// (CONTAINEROPT_REGISTRY, localhost:5000) under <see cref="Repository"/>: <c>:amd64</c> and <c>:arm64</c> (FROM scratch,
/// two COPY layers each, different files, built with BuildKit for each platform), <c>:multi</c> (a Docker manifest list of
/// both) and <c>:multi-oci</c> (an OCI index of both), both indexes written through the registry API.
/// <see cref="SeedStorage"/> copies them (skopeo) into a fresh storage folder for the tests' own registries.
/// </summary>
public static class RegistryTestImages
{
    public const string Repository = "containeropt-tests/registry/small";
    public const string DockerManifestV2 = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    private static readonly Lazy<PushedImages> LazyPushed = new(Push);

    /// <summary>The docker-env registry: $CONTAINEROPT_REGISTRY, else localhost:5000.</summary>
    public static string LocalRegistry => Environment.GetEnvironmentVariable("CONTAINEROPT_REGISTRY") is { Length: > 0 } r ? r : "localhost:5000";

    /// <summary>Builds and pushes the images once; inconclusive without an engine or registry.</summary>
    public static PushedImages Require()
    {
        DockerEngine.Require();
        RegistryServer.Require();
        RequireLocalRegistry();
        return LazyPushed.Value;
    }

    public static void RequireLocalRegistry()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            http.GetAsync($"http://{LocalRegistry}/v2/").GetAwaiter().GetResult().Dispose();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            string message = $"The docker-env registry does not answer on {LocalRegistry} ({e.Message}). Start it with: eval \"$(bash build/docker-env.sh start)\"";
            if (Environment.GetEnvironmentVariable("CONTAINEROPT_REQUIRE_DOCKER") == "1") Assert.Fail(message);
            Assert.Inconclusive(message);
        }
    }

    /// <summary>A registry storage folder holding <see cref="Repository"/> (:amd64, :multi) and public/small:amd64, made with a throwaway registry.</summary>
    public static string SeedStorage()
    {
        Require();
        string storage = RegistryServer.TempFolder("storage");
        using var seeder = RegistryServer.Start(storage);
        foreach (var (source, target) in new[]
        {
            (Repository + ":amd64", Repository + ":amd64"),
            (Repository + ":multi", Repository + ":multi"),
            (Repository + ":amd64", "public/small:amd64"),
        })
        {
            var copy = ProcessResult.Run("skopeo", new[]
            {
                "copy", "--all", "--src-tls-verify=false", "--dest-tls-verify=false",
                "docker://" + LocalRegistry + "/" + source, "docker://" + seeder.Host + "/" + target,
            }, TimeSpan.FromMinutes(2));
            if (copy.ExitCode != 0) Assert.Fail($"skopeo copy {source} failed:\n{copy.Output}\n{seeder.Log}");
        }
        return storage;
    }

    /// <summary>The path of a blob's file in a registry's storage.</summary>
    public static string BlobFile(string storage, string digest)
    {
        string hex = digest.Substring("sha256:".Length);
        return Path.Combine(storage, "docker", "registry", "v2", "blobs", "sha256", hex.Substring(0, 2), hex, "data");
    }

    /// <summary>GETs a manifest from a plain-HTTP registry: its bytes, digest and media type.</summary>
    public static (byte[] Bytes, string Digest, JsonDocument Json) GetManifest(string registry, string repository, string reference, string accept = DockerManifestV2)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{registry}/v2/{repository}/manifests/{reference}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        using var response = http.Send(request);
        byte[] bytes = response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode) Assert.Fail($"GET manifest {repository}:{reference} from {registry}: {(int)response.StatusCode} {Encoding.UTF8.GetString(bytes)}");
        return (bytes, Sha256(bytes), JsonDocument.Parse(bytes));
    }

    /// <summary>PUTs a manifest or index to a plain-HTTP registry under <paramref name="tag"/>; returns its digest.</summary>
    public static string PutManifest(string registry, string repository, string tag, string mediaType, byte[] bytes)
    {
        using var http = new HttpClient();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = http.PutAsync($"http://{registry}/v2/{repository}/manifests/{tag}", content).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            Assert.Fail($"PUT manifest {repository}:{tag} to {registry}: {(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        return Sha256(bytes);
    }

    /// <summary>Uploads a blob to a plain-HTTP registry (monolithic POST then PUT); returns its digest.</summary>
    public static string PutBlob(string registry, string repository, byte[] bytes)
    {
        string digest = Sha256(bytes);
        using var http = new HttpClient();
        using var start = http.PostAsync($"http://{registry}/v2/{repository}/blobs/uploads/", null).GetAwaiter().GetResult();
        if ((int)start.StatusCode != 202) Assert.Fail($"blob upload to {registry}/{repository}: {(int)start.StatusCode}");
        Uri location = start.Headers.Location!.IsAbsoluteUri ? start.Headers.Location : new Uri(new Uri($"http://{registry}/"), start.Headers.Location);
        string separator = location.Query.Length > 0 ? "&" : "?";
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = http.PutAsync(location + separator + "digest=" + Uri.EscapeDataString(digest), content).GetAwaiter().GetResult();
        if ((int)put.StatusCode != 201) Assert.Fail($"blob PUT to {registry}/{repository}: {(int)put.StatusCode} {put.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");
        return digest;
    }

    public static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    private static PushedImages Push()
    {
        string context = RegistryServer.TempFolder("images");
        try
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch\nCOPY payload.bin /data/payload.bin\nCOPY note.txt /etc/note.txt\n");
            var platforms = new Dictionary<string, (string Digest, int Size)>();
            foreach (string arch in new[] { "amd64", "arm64" })
            {
                // Different bytes per platform: the layers (and so the digests) differ.
                File.WriteAllBytes(Path.Combine(context, "payload.bin"), RandomNumberGenerator.GetBytes(arch == "amd64" ? 300_000 : 200_000));
                File.WriteAllText(Path.Combine(context, "note.txt"), "built for linux/" + arch + "\n");
                string tag = $"{LocalRegistry}/{Repository}:{arch}";
                var build = DockerEngine.Run(new[] { "build", "--platform", "linux/" + arch, "-t", tag, context }, TimeSpan.FromMinutes(5),
                    environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
                if (build.ExitCode != 0) Assert.Fail($"docker build for {arch} failed:\n{build.Output}");
                var push = DockerEngine.Run(new[] { "push", tag }, TimeSpan.FromMinutes(5));
                if (push.ExitCode != 0) Assert.Fail($"docker push {tag} failed:\n{push.Output}");
                var (bytes, digest, _) = GetManifest(LocalRegistry, Repository, arch);
                platforms[arch] = (digest, bytes.Length);
            }
            string Index(string mediaType, string childType) => JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = mediaType,
                ["manifests"] = platforms.Select(p => new Dictionary<string, object>
                {
                    ["mediaType"] = childType,
                    ["digest"] = p.Value.Digest,
                    ["size"] = p.Value.Size,
                    ["platform"] = new Dictionary<string, string> { ["architecture"] = p.Key, ["os"] = "linux" },
                }).ToArray(),
            });
            string list = PutManifest(LocalRegistry, Repository, "multi", DockerManifestList, Encoding.UTF8.GetBytes(Index(DockerManifestList, DockerManifestV2)));
            string oci = PutManifest(LocalRegistry, Repository, "multi-oci", OciIndex, Encoding.UTF8.GetBytes(Index(OciIndex, DockerManifestV2)));
            return new PushedImages(platforms["amd64"].Digest, platforms["arm64"].Digest, list, oci);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }
}

/// <summary>The manifest digests of the pushed test images.</summary>
public sealed record PushedImages(string Amd64Digest, string Arm64Digest, string ManifestListDigest, string OciIndexDigest);
