using System.Globalization;
using System.Net.Http;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerOpt.Build.Tests.Infrastructure;
using ContainerOpt.TestSupport;
using Microsoft.Build.Logging.StructuredLogger;
using StructuredTask = Microsoft.Build.Logging.StructuredLogger.Task;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// Issue 15 item 1 with the real SDK, engine and registry: `dotnet publish -t:PublishContainer` (no Dockerfile) on a web
/// app built on the stand-in aspnet image in build/docker-env.sh's registry. ContainerOpt reads the image where the SDK
/// put it (its tarball, the docker engine, the registry) and reports it as the Dockerfile route does, with sizes equal to
/// what `docker image inspect`/`docker history` (after `docker load` of the tarball, a `docker pull` of the pushed image)
/// and the registry's manifest say; the
/// SDK's container properties are checked by the Dockerfile rules' codes at their line and column in the project file.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SdkContainerTests : BuildTestBase
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>build/docker-env.sh's registry (CONTAINEROPT_REGISTRY), or the test is inconclusive (failed under build/test.sh).</summary>
    private static string RequireRegistry()
    {
        DockerEngine.Require();
        string? registry = Environment.GetEnvironmentVariable("CONTAINEROPT_REGISTRY");
        if (string.IsNullOrWhiteSpace(registry))
        {
            string message = "No registry: CONTAINEROPT_REGISTRY is not set. Start it with: eval \"$(bash build/docker-env.sh start)\"";
            if (Environment.GetEnvironmentVariable("CONTAINEROPT_REQUIRE_DOCKER") == "1") Assert.Fail(message);
            Assert.Inconclusive(message);
        }
        return registry!.Trim();
    }

    private static string Tag => RunFixture.RunId.ToLowerInvariant();

    [TestMethod]
    public void Tarball_gets_the_layer_report_with_dockers_and_the_registrys_sizes()
    {
        string registry = RequireRegistry();
        var scratch = new Scratch("sdk-tarball");
        string baseImage = $"{registry}/dotnet/aspnet:10.0";
        string repository = "containeropt-tests/sdk/tarball";
        string project = scratch.WebApp("web", dockerfile: null, properties: $"<ContainerBaseImage>{baseImage}</ContainerBaseImage>");
        string binlog = scratch.PathOf("publish.binlog");
        string image = $"{repository}:{Tag}";
        try
        {
            var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-bl:" + binlog, "-t:PublishContainer",
                "-p:ContainerArchiveOutputPath=" + scratch.PathOf("out") + "/", $"-p:ContainerRepository={repository}", $"-p:ContainerImageTag={Tag}");
            BuildAssert.Succeeded(publish);
            BuildAssert.Findings(publish); // a base image behind a registry's own path is not a .NET image ContainerOpt knows: nothing to say
            string archive = scratch.PathOf("out/" + repository + ".tar.gz");
            Assert.IsTrue(File.Exists(archive), publish.Describe());
            StringAssert.Matches(publish.Stdout, new Regex(@"#\s+SIZE\s+COMPRESSED\s+WASTED\s+ORIGIN\s+CREATED BY"), publish.Describe());

            var report = ReadReport(scratch.PathOf("web/obj/Release/net10.0/containeropt/image-report.json"));
            var layers = report.GetProperty("layers").EnumerateArray().ToList();
            int line = LineOf(project, "<ContainerBaseImage>");
            AssertAttribution(layers, project, line, $"base image {baseImage}", "app: publish output of web in /app/");
            // The HTML page beside the JSON report, one row per layer labelled with what made it; no credential file in this image.
            string page = File.ReadAllText(scratch.PathOf("web/obj/Release/net10.0/containeropt/image-report.html"));
            Assert.AreEqual(layers.Count, Regex.Matches(page, "<div class=\"layer\" id=\"layer-\\d+\"").Count, page);
            StringAssert.Contains(page, "<code class=\"instruction\">app: publish output of web in /app/</code>");
            Assert.AreEqual(0, report.GetProperty("secrets").GetArrayLength());

            // docker load of the SDK's tarball: each layer's size as docker history counts it, the total as docker image inspect.
            DockerEngine.RunChecked("load", "-i", archive);
            AssertMatchesDocker(report, layers, image, compareDiffIds: false);

            // The stored (gzip) blobs, exactly: the base image's are the registry's own (digest and size in its manifest), the
            // app's is the archive's. The report's digest of a compressed layer is its blob's (the registry's), not its diff ID.
            var manifest = Manifest(registry, "dotnet/aspnet", "10.0").GetProperty("layers").EnumerateArray()
                .Select(l => (Digest: l.GetProperty("digest").GetString(), Size: l.GetProperty("size").GetInt64())).ToList();
            var blobs = ArchiveLayerBlobs(archive);
            CollectionAssert.AreEqual(manifest.Append(blobs[^1]).ToList(),
                layers.Select(l => (Digest: l.GetProperty("digest").GetString(), Size: l.GetProperty("compressedSize").GetInt64())).ToList(),
                "the base image's layers are the registry manifest's blobs, the app's the archive's");
            CollectionAssert.AreEqual(blobs, manifest.Append(blobs[^1]).ToList(), "the SDK copied the base image's blobs as they are");
            Assert.IsTrue(layers.All(l => !l.GetProperty("compressedSizeEstimated").GetBoolean()), "stored gzip layers: exact sizes");

            // The binlog: ContainerOptImageLayer items with the origin.
            var build = BinaryLog.ReadBuild(binlog);
            var task = build.FindChildrenRecursive<StructuredTask>(t => t.Name == "ReportContainerImage").Single();
            var items = task.FindChildrenRecursive<Folder>(f => f.Name == "OutputItems").Single()
                .Children.OfType<NamedNode>().Single(n => n.Name == "ContainerOptImageLayer").FindChildrenRecursive<Item>();
            Assert.HasCount(layers.Count, items);
            var first = items[0].FindChildrenRecursive<Metadata>().ToDictionary(m => m.Name, m => m.Value);
            var last = items[^1].FindChildrenRecursive<Metadata>().ToDictionary(m => m.Name, m => m.Value);
            Assert.AreEqual($"base image {baseImage}", first["Origin"]);
            Assert.AreEqual(project, first["Dockerfile"]);
            Assert.AreEqual(line.ToString(CultureInfo.InvariantCulture), first["DockerfileLine"]);
            Assert.AreEqual("app: publish output of web in /app/", last["Origin"]);
            Assert.AreEqual(layers[^1].GetProperty("size").GetInt64().ToString(CultureInfo.InvariantCulture), last["Size"]);
            Assert.AreEqual(layers[^1].GetProperty("digest").GetString(), last["Digest"]);
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }

    [TestMethod]
    public void Local_docker_gets_the_layer_report_with_dockers_sizes_and_the_gate_at_ContainerBaseImage()
    {
        string registry = RequireRegistry();
        var scratch = new Scratch("sdk-docker");
        string baseImage = $"{registry}/dotnet/aspnet:10.0";
        string repository = "containeropt-tests/sdk/docker";
        string project = scratch.WebApp("web", dockerfile: null, properties: $"<ContainerBaseImage>{baseImage}</ContainerBaseImage>");
        string image = $"{repository}:{Tag}";
        try
        {
            var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-t:PublishContainer", "-p:LocalRegistry=Docker",
                $"-p:ContainerRepository={repository}", $"-p:ContainerImageTag={Tag}", "-p:ContainerOptMaxImageSize=100MB");
            BuildAssert.Failed(publish);
            StringAssert.Contains(publish.Stdout, $"Pushed image '{image}' to local registry via 'docker'.", publish.Describe());
            var report = ReadReport(scratch.PathOf("web/obj/Release/net10.0/containeropt/image-report.json"));
            var layers = report.GetProperty("layers").EnumerateArray().ToList();
            int line = LineOf(project, "<ContainerBaseImage>");
            AssertAttribution(layers, project, line, $"base image {baseImage}", "app: publish output of web in /app/");
            AssertMatchesDocker(report, layers, image, compareDiffIds: true);

            // The size gate fails the publish at the line that chose the largest layer: ContainerBaseImage's, the whole line.
            string text = File.ReadAllLines(project)[line - 1];
            BuildAssert.Findings(publish, Expected.Error("COPT3101", project, line, 1, line, text.Length + 1));
            long size = report.GetProperty("size").GetInt64();
            long largest = layers.Max(l => l.GetProperty("size").GetInt64());
            StringAssert.Matches(publish.Stdout, new Regex(@"error COPT3101: The image is \d+ MB \(" + Regex.Escape(size.ToString("N0", CultureInfo.InvariantCulture))
                + @" bytes\), above ContainerOptMaxImageSize 100 MB \(100,000,000 bytes\); the largest layer \(\d+ MB\) comes from this line\."), publish.Describe());
            Assert.AreEqual(largest, layers[0].GetProperty("size").GetInt64(), "the largest layer is the base image's first");
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }

    /// <summary>
    /// The SDK pushes to the plain-HTTP registry on localhost (it treats localhost as insecure by itself); ContainerOpt reads
    /// the pushed image back over the registry API (ImageLayers.FromRegistry): its stored sizes and digests are the
    /// manifest's, and its file sizes what docker history and docker image inspect say after a docker pull.
    /// </summary>
    [TestMethod]
    public void Registry_gets_the_layer_report_with_the_manifests_and_dockers_sizes()
    {
        string registry = RequireRegistry();
        var scratch = new Scratch("sdk-registry");
        string repository = "containeropt-tests/sdk/registry";
        string baseImage = $"{registry}/dotnet/aspnet:10.0";
        string project = scratch.WebApp("web", dockerfile: null, properties: $"<ContainerBaseImage>{baseImage}</ContainerBaseImage>");
        string image = $"{registry}/{repository}:{Tag}";
        try
        {
            var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-t:PublishContainer", $"-p:ContainerRegistry={registry}",
                $"-p:ContainerRepository={repository}", $"-p:ContainerImageTag={Tag}");
            BuildAssert.Succeeded(publish);
            BuildAssert.Findings(publish);
            StringAssert.Contains(publish.Stdout, $"Pushed image '{repository}:{Tag}' to registry '{registry}'.", publish.Describe());
            var report = ReadReport(scratch.PathOf("web/obj/Release/net10.0/containeropt/image-report.json"));
            Assert.AreEqual(image, report.GetProperty("image").GetString());
            var layers = report.GetProperty("layers").EnumerateArray().ToList();
            AssertAttribution(layers, project, LineOf(project, "<ContainerBaseImage>"), $"base image {baseImage}", "app: publish output of web in /app/");

            // What the registry holds, exactly: each layer's blob digest and size in the manifest of the pushed tag.
            var manifest = Manifest(registry, repository, Tag).GetProperty("layers").EnumerateArray()
                .Select(l => (Digest: l.GetProperty("digest").GetString(), Size: l.GetProperty("size").GetInt64())).ToList();
            CollectionAssert.AreEqual(manifest,
                layers.Select(l => (Digest: l.GetProperty("digest").GetString(), Size: l.GetProperty("compressedSize").GetInt64())).ToList(),
                "the report's layers are the manifest's blobs");
            Assert.IsTrue(layers.All(l => !l.GetProperty("compressedSizeEstimated").GetBoolean()), "stored gzip layers: exact sizes");

            // The same image pulled by docker: each layer's size and the total as docker counts them.
            DockerEngine.RunChecked("pull", image);
            AssertMatchesDocker(report, layers, image, compareDiffIds: false);
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }

    /// <summary>
    /// The evidence: the SDK talks plain HTTP to a registry only when it is localhost or named insecure. At 127.0.0.1:5000
    /// (the same registry) it tries TLS and fails; DOTNET_CONTAINER_INSECURE_REGISTRIES, which SDK 10.0's container
    /// tooling reads, makes it use HTTP, and the report follows.
    /// </summary>
    [TestMethod]
    public void A_registry_that_is_not_localhost_needs_DOTNET_CONTAINER_INSECURE_REGISTRIES()
    {
        string registry = RequireRegistry();
        string port = registry.Substring(registry.LastIndexOf(':') + 1);
        string byAddress = "127.0.0.1:" + port;
        var scratch = new Scratch("sdk-insecure");
        string project = scratch.WebApp("web", dockerfile: null, properties: $"<ContainerBaseImage>{byAddress}/dotnet/aspnet:10.0</ContainerBaseImage>");
        string[] publish = { "publish", project, "-nologo", "-tl:off", "-t:PublishContainer", "-p:ContainerArchiveOutputPath=" + scratch.PathOf("out") + "/" };

        var refused = scratch.Dotnet(publish);
        Assert.AreNotEqual(0, refused.ExitCode, refused.Describe());
        StringAssert.Contains(refused.Stdout, "System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.", refused.Describe());
        Assert.IsFalse(File.Exists(scratch.PathOf("web/obj/Release/net10.0/containeropt/image-report.json")), "no image, no report");

        var environment = new Dictionary<string, string?>(RunFixture.Environment) { ["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = byAddress };
        var allowed = DotnetRunner.Run(scratch.Root, publish, environment);
        BuildAssert.Succeeded(allowed);
        StringAssert.Contains(allowed.Stdout, "Pushed image 'web:latest' to local archive at", allowed.Describe());
        var report = ReadReport(scratch.PathOf("web/obj/Release/net10.0/containeropt/image-report.json"));
        Assert.AreEqual($"base image {byAddress}/dotnet/aspnet:10.0", report.GetProperty("layers")[0].GetProperty("origin").GetString());
    }

    /// <summary>
    /// The SDK's container properties, checked by the Dockerfile rules' codes at their value in the project file: a full
    /// aspnet base (a mirror's path to mcr.microsoft.com, which ContainerOpt knows as .NET's) where the chiseled one fits
    /// (COPT3009, with -extra: the app does not set InvariantGlobalization), ContainerUser root (COPT2002, DL3002) and a
    /// ContainerPort the app does not listen on (COPT4012). NoWarn of DL3002 silences COPT2002 as it does in a Dockerfile.
    /// </summary>
    [TestMethod]
    public void The_SDKs_container_properties_warn_at_their_line_and_column()
    {
        string registry = RequireRegistry();
        string mirror = $"{registry}/containeropt-tests/sdk/mcr.microsoft.com/dotnet/aspnet:10.0";
        var copy = ProcessResult.Run("skopeo", new[] { "copy", "--src-tls-verify=false", "--dest-tls-verify=false",
            $"docker://{registry}/dotnet/aspnet:10.0", "docker://" + mirror }, TimeSpan.FromMinutes(2));
        Assert.AreEqual(0, copy.ExitCode, copy.Output);

        var scratch = new Scratch("sdk-rules");
        string project = scratch.WebApp("web", dockerfile: null,
            properties: $"<ContainerBaseImage>{mirror}</ContainerBaseImage>\n<ContainerUser>root</ContainerUser>",
            items: "<ContainerPort Include=\"80\" Type=\"tcp\" />");
        string[] publish = { "publish", project, "-nologo", "-tl:off", "-t:PublishContainer", "-p:ContainerArchiveOutputPath=" + scratch.PathOf("out") + "/" };
        var (baseLine, baseColumn) = ValueAt(project, "<ContainerBaseImage>");
        var (userLine, userColumn) = ValueAt(project, "<ContainerUser>");
        var (portLine, portColumn) = ValueAt(project, "<ContainerPort Include=\"");
        var slim = Expected.Warning("COPT3009", project, baseLine, baseColumn, baseLine, baseColumn + mirror.Length);
        var root = Expected.Warning("COPT2002", project, userLine, userColumn, userLine, userColumn + "root".Length);
        var port = Expected.Warning("COPT4012", project, portLine, portColumn, portLine, portColumn + "80".Length);

        var result = scratch.Dotnet(publish);
        BuildAssert.Succeeded(result);
        BuildAssert.Findings(result, slim, root, port);
        var messages = result.ContainerOptDiagnostics.ToDictionary(d => d.Code, d => d.Message);
        Assert.AreEqual($"The .NET SDK builds the image on '{mirror}' (ContainerBaseImage), a full image: set ContainerBaseImage to '{mirror}-noble-chiseled-extra' if the app runs there "
            + "(the same .NET runtime on Ubuntu Chiseled, without shell or package manager and with a non-root user, about half the size; -extra keeps ICU and tzdata, which the app uses while InvariantGlobalization is not set).",
            messages["COPT3009"]);
        Assert.AreEqual($"ContainerUser is 'root', so the app runs as root in the image the .NET SDK builds although '{mirror}' provides the non-root user 'app', "
            + "which the SDK uses when ContainerUser is empty: remove ContainerUser, or set it to a non-root user.", messages["COPT2002"]);
        Assert.AreEqual($"ContainerPort 80, but the app listens on 8080 (ASPNETCORE_HTTP_PORTS=8080, set by '{mirror}'): expose 8080, or make the app listen on 80 with "
            + "<ContainerEnvironmentVariable Include=\"ASPNETCORE_HTTP_PORTS\" Value=\"80\" />.", messages["COPT4012"]);
        // The checks run before the SDK builds the image: the warnings come before its first line.
        Assert.IsTrue(result.Stdout.IndexOf("warning COPT3009", StringComparison.Ordinal) < result.Stdout.IndexOf("Building image 'web'", StringComparison.Ordinal), result.Describe());

        var silenced = scratch.Dotnet(publish.Concat(new[] { "-p:NoWarn=DL3002" }).ToArray());
        BuildAssert.Succeeded(silenced);
        BuildAssert.Findings(silenced, slim, port);
    }

    private static JsonElement ReadReport(string path)
    {
        Assert.IsTrue(File.Exists(path), $"no report at {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    }

    /// <summary>Every layer but the last is the base image's, at ContainerBaseImage's line; the last is the app's, the SDK's.</summary>
    private static void AssertAttribution(List<JsonElement> layers, string project, int baseLine, string baseOrigin, string appOrigin)
    {
        Assert.HasCount(5, layers, "the stand-in aspnet image's four layers and the app's");
        foreach (var layer in layers.Take(layers.Count - 1))
        {
            Assert.AreEqual(baseOrigin, layer.GetProperty("origin").GetString());
            Assert.AreEqual(project, layer.GetProperty("dockerfile").GetString());
            Assert.AreEqual(baseLine, layer.GetProperty("dockerfileLine").GetInt32());
        }
        var app = layers[^1];
        Assert.AreEqual(appOrigin, app.GetProperty("origin").GetString());
        Assert.AreEqual(project, app.GetProperty("dockerfile").GetString());
        Assert.AreEqual(JsonValueKind.Null, app.GetProperty("dockerfileLine").ValueKind);
        StringAssert.StartsWith(app.GetProperty("createdBy").GetString(), ".NET SDK Container Tooling, version ");
        Assert.IsTrue(app.GetProperty("largestFiles").EnumerateArray().Any(f => f.GetProperty("path").GetString() == "app/web.dll"), app.ToString());
    }

    /// <summary>
    /// The report's layers are docker's: each layer's size as `docker history` counts it, the total as `docker image
    /// inspect`, and (for an image read from the engine, whose layers docker save hands over plain) the same diff IDs.
    /// </summary>
    private static void AssertMatchesDocker(JsonElement report, List<JsonElement> layers, string image, bool compareDiffIds)
    {
        if (compareDiffIds)
        {
            var rootFs = JsonDocument.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{json .RootFS.Layers}}", image).StandardOutput).RootElement
            .EnumerateArray().Select(e => e.GetString()).ToList();
            Assert.AreEqual(string.Join("\n", rootFs), string.Join("\n", layers.Select(l => l.GetProperty("digest").GetString())), "the layers' diff IDs are docker's");
        }
        // docker history lists every history entry, newest first; those that made no layer are 0 bytes (none of these layers is).
        var history = DockerEngine.RunChecked("history", "--no-trunc", "--human=false", "--format", "{{.Size}}", image).StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s.Trim(), CultureInfo.InvariantCulture)).Reverse()
            .Where(s => s > 0).ToList();
        CollectionAssert.AreEqual(history, layers.Select(l => l.GetProperty("size").GetInt64()).ToList(), "each layer's size is docker history's");
        Assert.AreEqual(ImageSample.ImageSize(image), report.GetProperty("size").GetInt64(), "the image size is docker image inspect's");
    }

    /// <summary>A manifest from the registry's API (HTTP, no auth), as docker v2 or OCI.</summary>
    private static JsonElement Manifest(string registry, string repository, string reference)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{registry}/v2/{repository}/manifests/{reference}");
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json");
        using var response = Http.Send(request);
        string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        Assert.IsTrue(response.IsSuccessStatusCode, $"GET {request.RequestUri}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>The layer blobs of a docker-save archive (the SDK's): digest (from the entry's folder) and size, in manifest.json's order.</summary>
    private static List<(string? Digest, long Size)> ArchiveLayerBlobs(string archive)
    {
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        string? manifest = null;
        using (var stream = File.OpenRead(archive))
        using (var reader = new System.Formats.Tar.TarReader(stream))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                sizes[entry.Name] = entry.Length;
                if (entry.Name == "manifest.json" && entry.DataStream is { } data)
                {
                    manifest = new StreamReader(data).ReadToEnd();
                }
            }
        }
        Assert.IsNotNull(manifest, "the archive has no manifest.json");
        using var document = JsonDocument.Parse(manifest!);
        return document.RootElement[0].GetProperty("Layers").EnumerateArray().Select(l => l.GetString()!)
            .Select(name => (Digest: (string?)("sha256:" + name.Split('/')[0]), Size: sizes[name])).ToList();
    }

    private static int LineOf(string file, string marker) => Array.FindIndex(File.ReadAllLines(file), l => l.Contains(marker, StringComparison.Ordinal)) + 1;

    /// <summary>The 1-based line and column just after <paramref name="marker"/>: where the value written after it starts.</summary>
    private static (int Line, int Column) ValueAt(string file, string marker)
    {
        int line = LineOf(file, marker);
        Assert.IsTrue(line > 0, $"{marker} is not in {file}");
        return (line, File.ReadAllLines(file)[line - 1].IndexOf(marker, StringComparison.Ordinal) + marker.Length + 1);
    }
}
