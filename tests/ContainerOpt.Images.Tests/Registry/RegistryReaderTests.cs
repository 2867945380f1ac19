using System.Text;
using System.Text.Json;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Registry;
using ContainerOpt.TestSupport;
using ContainerOpt.TestSupport.Registry;
using static ContainerOpt.Images.Tests.Registry.RegistryTestSupport;

namespace ContainerOpt.Images.Tests.Registry;

/// <summary>
/// Reading images from the docker-env registry (localhost:5000, plain HTTP, anonymous) over the distribution API: sizes
/// and digests as the registry and docker say, tags and digests, multi-platform indexes, and each registry problem's code.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RegistryReaderTests
{
    private static string Local => RegistryTestImages.LocalRegistry;

    private static string Small => Local + "/" + RegistryTestImages.Repository;

    [TestMethod]
    public void A_stand_in_read_anonymously_has_docker_inspect_size_and_the_manifest_layer_sizes_and_digests()
    {
        RegistryTestImages.Require();
        string reference = Local + "/dotnet/runtime-deps:10.0";
        ImageContent image = RegistryReader.Read(reference, registry: Options());
        ImageReport report = ImageAnalyzer.Analyze(image);

        long inspected = long.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", "mcr.microsoft.com/dotnet/runtime-deps:10.0").StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(inspected, report.Size);
        var (_, _, manifest) = RegistryTestImages.GetManifest(Local, "dotnet/runtime-deps", "10.0");
        var layers = manifest.RootElement.GetProperty("layers").EnumerateArray().ToArray();
        CollectionAssert.AreEqual(layers.Select(l => l.GetProperty("digest").GetString()).ToArray(), image.Layers.Select(l => l.Digest).ToArray());
        CollectionAssert.AreEqual(layers.Select(l => (long?)l.GetProperty("size").GetInt64()).ToArray(), report.Layers.Select(l => l.CompressedSize).ToArray());
        Assert.AreEqual(reference, image.Name);
        Assert.AreEqual(ImageArchiveFormat.Registry, image.Format);
    }

    [TestMethod]
    public void A_tag_and_its_digest_read_the_same_image_and_the_engines_size()
    {
        PushedImages pushed = RegistryTestImages.Require();
        ImageContent byTag = RegistryReader.Read(Small + ":amd64", registry: Options());
        ImageContent byDigest = RegistryReader.Read(Small + "@" + pushed.Amd64Digest, registry: Options());
        CollectionAssert.AreEqual(byTag.Layers.Select(l => l.Digest).ToArray(), byDigest.Layers.Select(l => l.Digest).ToArray());
        Assert.AreEqual(Small + "@" + pushed.Amd64Digest, byDigest.Name);
        Assert.AreEqual(2, byTag.Layers.Count);
        Assert.AreEqual("linux/amd64", byTag.Config.Platform);
        long inspected = long.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", Small + ":amd64").StandardOutput.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.AreEqual(inspected, ImageAnalyzer.Analyze(byTag).Size);
    }

    [TestMethod]
    [DataRow("multi", null, "amd64")]
    [DataRow("multi", "linux/arm64", "arm64")]
    [DataRow("multi-oci", null, "amd64")]
    [DataRow("multi-oci", "linux/arm64", "arm64")]
    [DataRow("multi-oci", "LINUX/AMD64", "amd64")]
    public void A_multi_platform_index_gives_the_image_of_the_platform_asked_for(string tag, string? platform, string architecture)
    {
        PushedImages pushed = RegistryTestImages.Require();
        ImageContent image = RegistryReader.Read(Small + ":" + tag, new ImageReadOptions { Platform = platform }, Options());
        Assert.AreEqual("linux/" + architecture, image.Config.Platform);
        var (_, _, manifest) = RegistryTestImages.GetManifest(Local, RegistryTestImages.Repository, architecture == "amd64" ? pushed.Amd64Digest : pushed.Arm64Digest);
        CollectionAssert.AreEqual(manifest.RootElement.GetProperty("layers").EnumerateArray().Select(l => l.GetProperty("digest").GetString()).ToArray(),
            image.Layers.Select(l => l.Digest).ToArray());
        Assert.AreEqual(Small + ":" + tag, image.Name);
    }

    [TestMethod]
    public void A_platform_the_index_lacks_names_the_platforms_it_has()
    {
        RegistryTestImages.Require();
        var e = Assert.ThrowsExactly<ImageReadException>(() => RegistryReader.Read(Small + ":multi", new ImageReadOptions { Platform = "linux/s390x" }, Options()));
        Assert.AreEqual($"'{Small}:multi' has no image for platform 'linux/s390x'; it has: linux/amd64, linux/arm64.", e.Message);
    }

    [TestMethod]
    public void A_single_platform_image_read_for_another_platform_says_which_it_is()
    {
        RegistryTestImages.Require();
        var e = Assert.ThrowsExactly<ImageReadException>(() => RegistryReader.Read(Small + ":arm64", new ImageReadOptions { Platform = "linux/amd64" }, Options()));
        Assert.AreEqual($"'{Small}:arm64' is an image for linux/arm64 only, not for linux/amd64: leave out --platform, or name a tag or digest of a linux/amd64 image.", e.Message);
        Assert.AreEqual("linux/arm64", RegistryReader.Read(Small + ":arm64", new ImageReadOptions { Platform = "linux/arm64/v8" }, Options()).Config.Platform);
    }

    [TestMethod]
    public void A_missing_tag_is_COPT0042_listing_the_tags()
    {
        RegistryTestImages.Require();
        var e = Fails(() => RegistryReader.Read(Small + ":no-such-tag", registry: Options()));
        Assert.AreEqual("COPT0042", e.Code);
        Assert.AreEqual($"'{Small}:no-such-tag' is not in the registry: the repository '{RegistryTestImages.Repository}' has no tag 'no-such-tag'; its tags: amd64, arm64, multi, multi-oci. "
            + "Check the tag, or name the image by digest (REPOSITORY@sha256:…).", e.Message);
    }

    [TestMethod]
    public void A_missing_repository_and_a_missing_digest_are_COPT0042()
    {
        RegistryTestImages.Require();
        var repository = Fails(() => RegistryReader.Read(Local + "/containeropt-tests/registry/never-pushed:1", registry: Options()));
        Assert.AreEqual("COPT0042", repository.Code);
        Assert.AreEqual($"'{Local}/containeropt-tests/registry/never-pushed:1' is not in the registry: the repository 'containeropt-tests/registry/never-pushed' does not exist there (or cannot be seen by an anonymous client). Check the repository's name.", repository.Message);

        string digest = "sha256:" + new string('0', 64);
        var missing = Fails(() => RegistryReader.Read(Small + "@" + digest, registry: Options()));
        Assert.AreEqual($"'{Small}@{digest}' is not in the registry: the repository '{RegistryTestImages.Repository}' has no manifest {digest}. Check the digest (a multi-platform image has one for its index and one per platform).", missing.Message);
    }

    [TestMethod]
    public void A_dead_registry_is_COPT0040()
    {
        int port = FreePorts.Next();
        var e = Fails(() => RegistryReader.Read($"127.0.0.1:{port}/any/image:1", registry: Options()));
        Assert.AreEqual("COPT0040", e.Code);
        Assert.AreEqual($"Cannot reach the registry '127.0.0.1:{port}': connection refused by 127.0.0.1:{port}: nothing listens there. "
            + "Check the host and port and that the registry is running (behind a proxy: HTTPS_PROXY and NO_PROXY).", e.Message);
    }

    [TestMethod]
    public void Not_an_image_reference_is_an_ImageReadException()
    {
        var e = Assert.ThrowsExactly<ImageReadException>(() => RegistryReader.Read("localhost:5000/UPPER/case:1", registry: Options()));
        Assert.AreEqual("'localhost:5000/UPPER/case:1' is not an image reference: write HOST[:PORT]/REPOSITORY[:TAG] or HOST[:PORT]/REPOSITORY@sha256:DIGEST.", e.Message);
    }

    [TestMethod]
    public void An_artifact_is_COPT0046_for_its_config_or_its_layer_media_type()
    {
        RegistryTestImages.Require();
        const string repository = "containeropt-tests/registry/artifact";
        byte[] layer = Encoding.UTF8.GetBytes("not a tar, a chart");
        string layerDigest = RegistryTestImages.PutBlob(Local, repository, layer);
        byte[] helmConfig = Encoding.UTF8.GetBytes("{\"name\":\"chart\",\"version\":\"1.0.0\"}");
        string helmConfigDigest = RegistryTestImages.PutBlob(Local, repository, helmConfig);
        byte[] imageConfig = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layerDigest + "\"]}}");
        string imageConfigDigest = RegistryTestImages.PutBlob(Local, repository, imageConfig);

        string Manifest(string configType, string configDigest, int configSize, string layerType) => JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = new Dictionary<string, object> { ["mediaType"] = configType, ["digest"] = configDigest, ["size"] = configSize },
            ["layers"] = new[] { new Dictionary<string, object> { ["mediaType"] = layerType, ["digest"] = layerDigest, ["size"] = layer.Length } },
        });
        RegistryTestImages.PutManifest(Local, repository, "helm", "application/vnd.oci.image.manifest.v1+json",
            Encoding.UTF8.GetBytes(Manifest("application/vnd.cncf.helm.config.v1+json", helmConfigDigest, helmConfig.Length, "application/vnd.cncf.helm.chart.content.v1.tar+gzip")));
        RegistryTestImages.PutManifest(Local, repository, "odd-layer", "application/vnd.oci.image.manifest.v1+json",
            Encoding.UTF8.GetBytes(Manifest("application/vnd.oci.image.config.v1+json", imageConfigDigest, imageConfig.Length, "application/vnd.example.data")));

        var config = Fails(() => RegistryReader.Read($"{Local}/{repository}:helm", registry: Options()));
        Assert.AreEqual("COPT0046", config.Code);
        Assert.AreEqual($"'{Local}/{repository}:helm': the config {helmConfigDigest} has the media type 'application/vnd.cncf.helm.config.v1+json': "
            + "not a container image config; the manifest describes an artifact (a Helm chart, a signature, a WebAssembly module) rather than a container image", config.Message);
        var odd = Fails(() => RegistryReader.Read($"{Local}/{repository}:odd-layer", registry: Options()));
        Assert.AreEqual($"'{Local}/{repository}:odd-layer': the layer {layerDigest} has the media type 'application/vnd.example.data': "
            + "not a container image layer (tar, gzip or zstd); the manifest may describe an artifact rather than a container image", odd.Message);
    }
}
