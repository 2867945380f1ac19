using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Compression;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Tests.Archives;

[TestClass]
public sealed class ImageReaderTests
{
    private static readonly byte[] Base = new TestTarWriter().Directory("etc").File("etc/os-release", 1000).Symlink("bin", "usr/bin").Finish();
    private static readonly byte[] App = new TestTarWriter().Directory("app").File("app/app.dll", 4096).File("app/.wh.old", "").Finish();

    [TestMethod]
    public void ClassicDockerSaveWithManifestLastReadsFromAForwardOnlyStream()
    {
        byte[] archive = TestImages.DockerSave(new[] { Base, App }, TestImages.Config(new[] { Base, App }), "myapp:1.0");
        var stream = new ForwardOnlyStream(archive, maxChunk: 1000);
        ImageContent image = ImageReader.Read(stream, "docker save myapp:1.0");
        Assert.AreEqual(archive.Length, stream.BytesRead);
        Assert.AreEqual("myapp:1.0", image.Name);
        Assert.AreEqual(ImageArchiveFormat.DockerArchive, image.Format);
        Assert.AreEqual("linux/amd64", image.Config.Platform);
        Assert.AreEqual("b", image.Config.Labels["a"]);
        Assert.AreEqual(2, image.Layers.Count);
        Assert.AreEqual(TestData.Sha256(Base), image.Layers[0].Digest);
        Assert.AreEqual(TestData.Sha256(Base), image.Layers[0].DiffId);
        Assert.AreEqual(1000 + 7, image.Layers[0].Size); // a file and the 7-byte symlink target "usr/bin"
        Assert.AreEqual(2, image.Layers[0].FileCount);
        // gzip's size at the default level, estimated while streaming: exact for a layer of one 64 KiB block.
        Assert.AreEqual(TestData.Gzip(Base).Length, image.Layers[0].CompressedSize);
        Assert.IsTrue(image.Layers[0].CompressedSizeEstimated);
        Assert.AreEqual(4096, image.Layers[1].Size);
        Assert.AreEqual(1, image.Layers[1].FileCount);
        CollectionAssert.AreEqual(new[] { "app", "app/app.dll", "app/old" }, image.Layers[1].Entries.Select(e => e.Path).ToArray());
        Assert.AreEqual(LayerEntryKind.Whiteout, image.Layers[1].Entries[2].Kind);
        Assert.AreEqual("RUN /bin/sh -c step 1 # buildkit", image.Config.History[1].CreatedBy);
    }

    [TestMethod]
    public void ArchiveFileIsReadByPathAlsoWhenGzippedAsAWhole()
    {
        byte[] archive = TestImages.DockerSave(new[] { Base, App }, TestImages.Config(new[] { Base, App }), "myapp:1.0");
        string file = Path.Combine(Path.GetTempPath(), "copt-save-" + Guid.NewGuid().ToString("N") + ".tar.gz");
        try
        {
            File.WriteAllBytes(file, TestData.Gzip(archive));
            ImageContent image = ImageReader.Read(file, new ImageReadOptions { MeasureCompressedSize = false });
            Assert.AreEqual(2, image.Layers.Count);
            Assert.IsNull(image.Layers[0].CompressedSize);
            Assert.AreEqual(TestData.Sha256(App), image.Layers[1].Digest);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void RepeatedLayerStoredAsASymlinkIsResolved()
    {
        byte[] empty = new TestTarWriter().Directory("tmp").Finish();
        var layers = new[] { empty, App, empty };
        byte[] archive = TestImages.DockerSave(layers, TestImages.Config(layers), "dup:latest", duplicateAsSymlink: true);
        ImageContent image = ImageReader.Read(new ForwardOnlyStream(archive), "dup");
        Assert.AreEqual(3, image.Layers.Count);
        Assert.AreSame(image.Layers[0], image.Layers[2]);
    }

    [TestMethod]
    public void OciLayoutFolderWithGzipLayersReadsAndVerifiesDigests()
    {
        var layers = new[] { (TestData.Gzip(Base), Base), (TestData.Gzip(App), App) };
        var files = TestImages.OciLayout(layers, TestImages.Config(new[] { Base, App }), refName: "1.0");
        string folder = TestImages.WriteFolder(files);
        try
        {
            ImageContent image = ImageReader.Read(folder);
            Assert.AreEqual(ImageArchiveFormat.OciLayout, image.Format);
            Assert.AreEqual("1.0", image.Name);
            Assert.AreEqual(LayerCompressionKind.Gzip, image.Layers[0].Compression);
            Assert.AreEqual(TestData.Sha256(layers[0].Item1), image.Layers[0].Digest);
            Assert.AreEqual(TestData.Sha256(Base), image.Layers[0].DiffId);
            Assert.AreEqual(layers[0].Item1.Length, image.Layers[0].CompressedSize);
            Assert.IsFalse(image.Layers[0].CompressedSizeEstimated, "a gzip layer's stored size is exact");
            Assert.AreEqual(Base.Length, image.Layers[0].TarSize);
            Assert.AreEqual(1007, image.Layers[0].Size);

            // The same layout as a tar (podman oci-archive), index.json after the blobs.
            ImageContent packed = ImageReader.Read(new ForwardOnlyStream(TestImages.Pack(files)), "oci-archive");
            Assert.AreEqual(ImageArchiveFormat.OciArchive, packed.Format);
            CollectionAssert.AreEqual(image.Layers.Select(l => l.Digest).ToArray(), packed.Layers.Select(l => l.Digest).ToArray());
            Assert.AreEqual("1.0", ImageReader.Read(new ForwardOnlyStream(TestImages.Pack(files)), "x", new ImageReadOptions { Image = "anything:1.0" }).Name);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void DockerSaveOciLayoutUsesManifestJsonAndItsTags()
    {
        var layers = new[] { (Base, Base), (App, App) };
        var files = TestImages.OciLayout(layers, TestImages.Config(new[] { Base, App }), refName: "2.0", dockerManifestTag: "registry.local/team/app:2.0");
        ImageContent image = ImageReader.Read(new ForwardOnlyStream(TestImages.Pack(files)), "docker save", new ImageReadOptions { Image = "registry.local/team/app:2.0" });
        Assert.AreEqual(ImageArchiveFormat.DockerOciArchive, image.Format);
        Assert.AreEqual("registry.local/team/app:2.0", image.Name);
        Assert.AreEqual(2, image.Layers.Count);
        var missing = Assert.ThrowsExactly<ImageReadException>(() =>
            ImageReader.Read(new ForwardOnlyStream(TestImages.Pack(files)), "docker save", new ImageReadOptions { Image = "other:2.0" }));
        Assert.AreEqual("'docker save' has no image 'other:2.0'; it holds: registry.local/team/app:2.0.", missing.Message);
    }

    [TestMethod]
    public void MultiPlatformIndexPicksAmd64ByDefaultOrTheAskedPlatform()
    {
        byte[] armLayer = new TestTarWriter().File("arm", 10).Finish();
        var platforms = new (string, string, string, IReadOnlyList<(byte[], byte[])>)[]
        {
            ("linux", "arm64", TestImages.Config(new[] { armLayer }, architecture: "arm64"), new[] { (TestData.Gzip(armLayer), armLayer) }),
            ("linux", "amd64", TestImages.Config(new[] { Base }), new[] { (TestData.Gzip(Base), Base) }),
        };
        var files = TestImages.OciLayout(Array.Empty<(byte[], byte[])>(), "", refName: "multi:1", platforms: platforms);
        byte[] archive = TestImages.Pack(files);
        Assert.AreEqual("linux/amd64", ImageReader.Read(new MemoryStream(archive), "multi").Config.Platform);
        ImageContent arm = ImageReader.Read(new MemoryStream(archive), "multi", new ImageReadOptions { Platform = "linux/arm64" });
        Assert.AreEqual("linux/arm64", arm.Config.Platform);
        Assert.AreEqual(10, arm.Layers[0].Size);
        var error = Assert.ThrowsExactly<ImageReadException>(() => ImageReader.Read(new MemoryStream(archive), "multi", new ImageReadOptions { Platform = "linux/s390x" }));
        Assert.AreEqual("'multi' has no image for platform 'linux/s390x'; it has: linux/arm64, linux/amd64.", error.Message);
    }

    [TestMethod]
    public void SeveralImagesNeedAChoiceAndTheMessageListsThem()
    {
        byte[] one = TestImages.DockerSave(new[] { Base }, TestImages.Config(new[] { Base }), "one:1");
        // Two manifest entries in one archive (docker save a b).
        var tar = new TestTarWriter();
        byte[] config = TestData.Utf8(TestImages.Config(new[] { Base }));
        string configName = TestData.Hex(config) + ".json";
        tar.File("l/layer.tar", Base).File(configName, config)
            .File("manifest.json", "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"one:1\"],\"Layers\":[\"l/layer.tar\"]},{\"Config\":\"" + configName + "\",\"RepoTags\":[\"docker.io/library/two:latest\"],\"Layers\":[\"l/layer.tar\"]}]");
        byte[] two = tar.Finish();
        var error = Assert.ThrowsExactly<ImageReadException>(() => ImageReader.Read(new MemoryStream(two), "pair"));
        Assert.AreEqual("'pair' holds 2 images (one:1, docker.io/library/two:latest); name the one to read.", error.Message);
        Assert.AreEqual("docker.io/library/two:latest", ImageReader.Read(new MemoryStream(two), "pair", new ImageReadOptions { Image = "two" }).Name);
        Assert.AreEqual("one:1", ImageReader.Read(new MemoryStream(one), "one").Name);
    }

    [TestMethod]
    public void CorruptOrTruncatedArchivesGiveImageReadExceptionsThatSayWhere()
    {
        byte[] archive = TestImages.DockerSave(new[] { Base, App }, TestImages.Config(new[] { Base, App }), "myapp:1.0");

        // Cut inside the second layer's data: the tar error (with its offset) is the inner exception.
        byte[] truncated = archive.Take(archive.Length / 2).ToArray();
        var cut = Assert.ThrowsExactly<ImageReadException>(() => ImageReader.Read(new ForwardOnlyStream(truncated), "cut.tar"));
        Assert.IsInstanceOfType<InvalidDataException>(cut.InnerException);
        StringAssert.Contains(cut.Message, "'cut.tar'");
        StringAssert.Contains(cut.Message, "Truncated tar archive at offset ");

        // A config that does not match the layers (diff_ids).
        byte[] wrong = TestImages.DockerSave(new[] { Base, App }, TestImages.Config(new[] { App, Base }), "myapp:1.0");
        var mismatch = Assert.ThrowsExactly<ImageReadException>(() => ImageReader.Read(new MemoryStream(wrong), "wrong.tar"));
        StringAssert.StartsWith(mismatch.Message, "'wrong.tar': layer 0 (");
        StringAssert.Contains(mismatch.Message, "the archive is corrupt");

        // Not an image at all.
        byte[] plain = new TestTarWriter().File("readme.txt", "hi").Finish();
        var notImage = Assert.ThrowsExactly<ImageReadException>(() => ImageReader.Read(new MemoryStream(plain), "plain.tar"));
        Assert.AreEqual("'plain.tar' is not an image archive: it has neither manifest.json (docker save) nor index.json (OCI layout).", notImage.Message);

        // Broken JSON names the file and the offset.
        var badJson = new TestTarWriter().File("manifest.json", "[{\"Config\": }]").Finish();
        var json = Assert.ThrowsExactly<ImageReadException>(() => ImageReader.Read(new MemoryStream(badJson), "bad.tar"));
        Assert.AreEqual("'bad.tar': manifest.json: Invalid JSON at offset 12: unexpected character '}'.", json.Message);

        var missing = Assert.ThrowsExactly<ImageReadException>(() => ImageReader.Read("/nonexistent/image.tar"));
        StringAssert.StartsWith(missing.Message, "'/nonexistent/image.tar' does not exist");
    }

    [TestMethod]
    public void ZstdLayersInAnOciLayoutRead()
    {
        TestData.RequireZstdDecoder();
        var layers = new[] { (TestData.Zstd(Base), Base), (TestData.Zstd(App), App) };
        var files = TestImages.OciLayout(layers, TestImages.Config(new[] { Base, App }), refName: "zstd");
        ImageContent image = ImageReader.Read(new ForwardOnlyStream(TestImages.Pack(files)), "zstd");
        Assert.AreEqual(LayerCompressionKind.Zstd, image.Layers[0].Compression);
        Assert.AreEqual(TestData.Sha256(Base), image.Layers[0].DiffId);
        Assert.AreEqual(layers[1].Item1.Length, image.Layers[1].CompressedSize);
        Assert.AreEqual(4096, image.Layers[1].Size);
    }
}
