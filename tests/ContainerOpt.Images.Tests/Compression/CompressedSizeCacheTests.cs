using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Compression;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Tests.Archives;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>
/// The compressed sizes kept between reads: an unchanged layer takes its recorded estimate without being estimated
/// again, a changed one is estimated, and a record that the bytes do not match is never used.
/// </summary>
[TestClass]
public sealed class CompressedSizeCacheTests
{
    private static readonly byte[] Base = new TestTarWriter().Directory("etc").File("etc/os-release", 1000).Symlink("bin", "usr/bin").Finish();
    private static readonly byte[] App = new TestTarWriter().Directory("app").File("app/app.dll", 4096).Finish();

    private string _folder = "";

    [TestInitialize]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "copt-sizes-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TestCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    private string CacheFile => Path.Combine(_folder, "obj", "containeropt", "compressed-sizes.cache");

    private static ImageContent Read(byte[] archive, CompressedSizeCache? cache, bool measure = true) =>
        ImageReader.Read(new ForwardOnlyStream(archive, maxChunk: 4096), "docker save app:1",
            new ImageReadOptions { CompressedSizeCache = cache, MeasureCompressedSize = measure });

    private static byte[] Archive(params byte[][] layers) => TestImages.DockerSave(layers, TestImages.Config(layers), "app:1");

    [TestMethod]
    public void A_first_read_estimates_every_plain_layer_and_saves_what_a_second_read_reuses()
    {
        byte[] archive = Archive(Base, App);
        long?[] uncached = Read(archive, cache: null).Layers.Select(l => l.CompressedSize).ToArray();

        var first = CompressedSizeCache.Open(CacheFile);
        ImageContent one = Read(archive, first);
        Assert.AreEqual(0, first.Reused);
        Assert.AreEqual(2, first.Estimated);
        CollectionAssert.AreEqual(uncached, one.Layers.Select(l => l.CompressedSize).ToArray());
        Assert.IsNull(first.Save());

        var second = CompressedSizeCache.Open(CacheFile);
        ImageContent two = Read(archive, second);
        Assert.AreEqual(2, second.Reused);
        Assert.AreEqual(0, second.Estimated);
        CollectionAssert.AreEqual(uncached, two.Layers.Select(l => l.CompressedSize).ToArray());
        Assert.IsTrue(two.Layers.All(l => l.CompressedSizeEstimated));
    }

    [TestMethod]
    public void A_reused_size_is_the_recorded_one_not_a_new_estimate()
    {
        byte[] archive = Archive(Base, App);
        var first = CompressedSizeCache.Open(CacheFile);
        Read(archive, first);
        Assert.IsNull(first.Save());
        // The record is what is used: a size no estimate of these bytes gives shows it was not estimated again.
        string baseDiffId = TestData.Sha256(Base);
        string[] lines = File.ReadAllLines(CacheFile);
        int line = Array.FindIndex(lines, l => l.Contains(baseDiffId, StringComparison.Ordinal));
        string[] fields = lines[line].Split('\t');
        lines[line] = string.Join("\t", fields[0], fields[1], fields[2], "12345");
        File.WriteAllLines(CacheFile, lines);

        ImageContent image = Read(archive, CompressedSizeCache.Open(CacheFile));
        Assert.AreEqual(12345, image.Layers[0].CompressedSize);
        Assert.IsTrue(image.Layers[0].CompressedSizeEstimated);
    }

    [TestMethod]
    public void A_changed_layer_is_estimated_and_the_unchanged_one_reused()
    {
        var first = CompressedSizeCache.Open(CacheFile);
        Read(Archive(Base, App), first);
        Assert.IsNull(first.Save());

        // The test archive names layers by position, so the new app layer has the old one's name: its length differs.
        byte[] newApp = new TestTarWriter().Directory("app").File("app/app.dll", 9000).Finish();
        var second = CompressedSizeCache.Open(CacheFile);
        ImageContent image = Read(Archive(Base, newApp), second);
        Assert.AreEqual(1, second.Reused);
        Assert.AreEqual(1, second.Estimated);
        Assert.AreEqual(Read(Archive(Base, newApp), cache: null).Layers[1].CompressedSize, image.Layers[1].CompressedSize);
    }

    [TestMethod]
    public void A_record_whose_bytes_differ_under_the_same_name_and_length_gives_no_size_and_is_dropped()
    {
        var first = CompressedSizeCache.Open(CacheFile);
        Read(Archive(Base, App), first);
        Assert.IsNull(first.Save());

        // Same name, same length, other bytes: the recorded estimate is not for them.
        byte[] sameLength = new TestTarWriter().Directory("app").File("app/app.dll", 4096, fill: (byte)'y').Finish();
        Assert.AreEqual(App.Length, sameLength.Length);
        var second = CompressedSizeCache.Open(CacheFile);
        ImageContent image = Read(Archive(Base, sameLength), second);
        Assert.IsNull(image.Layers[1].CompressedSize);
        Assert.IsFalse(image.Layers[1].CompressedSizeEstimated);
        Assert.AreEqual(1, second.Reused);
        Assert.AreEqual(0, second.Estimated);
        Assert.IsNull(second.Save());

        // The next read estimates it again.
        var third = CompressedSizeCache.Open(CacheFile);
        ImageContent again = Read(Archive(Base, sameLength), third);
        Assert.AreEqual(1, third.Estimated);
        Assert.AreEqual(Read(Archive(Base, sameLength), cache: null).Layers[1].CompressedSize, again.Layers[1].CompressedSize);
    }

    [TestMethod]
    public void A_damaged_or_foreign_file_is_an_empty_cache()
    {
        byte[] archive = Archive(Base, App);
        var first = CompressedSizeCache.Open(CacheFile);
        Read(archive, first);
        Assert.IsNull(first.Save());
        string[] good = File.ReadAllLines(CacheFile);

        foreach (string[] bad in new[]
        {
            good.Take(1).Concat(new[] { "not\ta\trecord" }).Concat(good.Skip(1)).ToArray(), // one bad line: none trusted
            new[] { "containeropt compressed sizes 0 .NET 1.0" }.Concat(good.Skip(1)).ToArray(), // another format or runtime
            good.Select(l => l.Replace("sha256:", "md5:")).ToArray(),
        })
        {
            File.WriteAllLines(CacheFile, bad);
            var cache = CompressedSizeCache.Open(CacheFile);
            Read(archive, cache);
            Assert.AreEqual(0, cache.Reused, string.Join("\n", bad));
            Assert.AreEqual(2, cache.Estimated);
        }

        var missing = CompressedSizeCache.Open(Path.Combine(_folder, "none", "x.cache"));
        Read(archive, missing);
        Assert.AreEqual(2, missing.Estimated);
    }

    [TestMethod]
    public void Without_compressed_sizes_the_cache_is_neither_read_nor_filled()
    {
        byte[] archive = Archive(Base, App);
        var first = CompressedSizeCache.Open(CacheFile);
        Read(archive, first);
        Assert.IsNull(first.Save());

        var off = CompressedSizeCache.Open(CacheFile);
        ImageContent image = Read(archive, off, measure: false);
        Assert.IsTrue(image.Layers.All(l => l.CompressedSize is null));
        Assert.AreEqual(0, off.Reused + off.Estimated);
    }

    [TestMethod]
    public void An_oci_layout_folder_keys_its_blobs_by_their_paths()
    {
        string layout = Path.Combine(_folder, "oci");
        foreach (var (path, bytes) in TestImages.OciLayout(new[] { (Base, Base), (App, App) }, TestImages.Config(new[] { Base, App }), "app:1"))
        {
            string full = Path.Combine(layout, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }
        var first = CompressedSizeCache.Open(CacheFile);
        ImageContent one = ImageReader.Read(layout, new ImageReadOptions { CompressedSizeCache = first });
        Assert.AreEqual(2, first.Estimated);
        Assert.IsNull(first.Save());
        StringAssert.Contains(File.ReadAllText(CacheFile), "blobs/sha256/" + TestData.Hex(Base) + "\t" + Base.Length + "\t" + TestData.Sha256(Base) + "\t");

        var second = CompressedSizeCache.Open(CacheFile);
        ImageContent two = ImageReader.Read(layout, new ImageReadOptions { CompressedSizeCache = second });
        Assert.AreEqual(2, second.Reused);
        CollectionAssert.AreEqual(one.Layers.Select(l => l.CompressedSize).ToArray(), two.Layers.Select(l => l.CompressedSize).ToArray());
    }

    [TestMethod]
    public void The_users_cache_lives_in_the_platforms_cache_folder()
    {
        string? Folder(bool windows, params (string Name, string Value)[] variables)
        {
            var cache = CompressedSizeCache.ForUser(name => variables.FirstOrDefault(v => v.Name == name).Value, windows);
            if (cache is null) return null;
            // The path is seen where Save writes it.
            Assert.IsNull(cache.Save());
            return variables.Select(v => v.Value).Where(v => v.StartsWith(_folder, StringComparison.Ordinal))
                .Select(v => Directory.GetFiles(v, "*", SearchOption.AllDirectories).Single()).Single();
        }
        string xdg = Path.Combine(_folder, "xdg"), home = Path.Combine(_folder, "home"), local = Path.Combine(_folder, "local");
        Assert.AreEqual(Path.Combine(xdg, "containeropt", "compressed-sizes.cache"), Folder(false, ("XDG_CACHE_HOME", xdg), ("HOME", "/nowhere")));
        Assert.AreEqual(Path.Combine(home, ".cache", "containeropt", "compressed-sizes.cache"), Folder(false, ("XDG_CACHE_HOME", "relative/ignored"), ("HOME", home)));
        Assert.AreEqual(Path.Combine(local, "containeropt", "compressed-sizes.cache"), Folder(true, ("LOCALAPPDATA", local), ("XDG_CACHE_HOME", "/nowhere")));
        Assert.IsNull(CompressedSizeCache.ForUser(_ => null, windows: false));
        Assert.IsNull(CompressedSizeCache.ForUser(name => name == "HOME" ? "relative" : null, windows: false));
    }

    [TestMethod]
    public void The_users_cache_keeps_earlier_images_after_the_last_one_read()
    {
        // One user reads several images in turn (layers A, layers B, layers A again): the second read of A reuses its estimates.
        string xdg = Path.Combine(_folder, "xdg");
        string? Environment(string name) => name == "XDG_CACHE_HOME" ? xdg : null;
        byte[] other = new TestTarWriter().Directory("srv").File("srv/data.bin", 3000).Finish();
        byte[] imageA = Archive(Base, App);
        // The test archive names layers by position, so B's layers must differ in length to be other entries.
        byte[] imageB = TestImages.DockerSave(new[] { other }, TestImages.Config(new[] { other }), "b:1");

        var a = CompressedSizeCache.ForUser(Environment, windows: false)!;
        Read(imageA, a);
        Assert.IsNull(a.Save());
        var b = CompressedSizeCache.ForUser(Environment, windows: false)!;
        Read(imageB, b);
        Assert.AreEqual(1, b.Estimated);
        Assert.IsNull(b.Save());
        var again = CompressedSizeCache.ForUser(Environment, windows: false)!;
        Read(imageA, again);
        Assert.AreEqual(2, again.Reused, "A's layers are kept after B's read");
        Assert.AreEqual(0, again.Estimated);
        Assert.IsNull(again.Save());

        // The last read's layers come first, then the earlier ones; the build's own file keeps the last read only.
        string[] lines = File.ReadAllLines(Path.Combine(xdg, "containeropt", "compressed-sizes.cache"));
        Assert.AreEqual(4, lines.Length);
        StringAssert.Contains(lines[3], TestData.Sha256(other));
        var build = CompressedSizeCache.Open(CacheFile);
        Read(imageB, build);
        Assert.IsNull(build.Save());
        var next = CompressedSizeCache.Open(CacheFile);
        Read(imageA, next);
        Assert.AreEqual(0, next.Reused);
    }

    /// <summary>
    /// The real engine: `docker save` names an unchanged base layer the same after the app's layer changed, so a rebuild
    /// reuses the base's estimates, estimates the new layer, and every size equals an uncached read's.
    /// </summary>
    [TestMethod]
    [DoNotParallelize]
    public void After_a_rebuild_docker_save_reuses_the_base_layers_and_estimates_the_new_one()
    {
        DockerEngine.Require();
        BuilderInfo builder = BuilderDetector.Detect(BuilderPreference.Docker, new Dictionary<string, string?>
        {
            ["CONTAINEROPT_DOCKER"] = DockerEngine.Client,
            ["DOCKER_BUILDKIT"] = "1",
        });
        string tag = "containeropt-test/sizes-" + Guid.NewGuid().ToString("N") + ":1";
        File.WriteAllText(Path.Combine(_folder, "Dockerfile"),
            "FROM containeropt/bookworm-base:1\nCOPY app.txt /app/app.txt\nRUN head -c 300000 /dev/zero > /app/zeros\n");
        try
        {
            int baseLayers = BuildWith("first version of the app");
            var first = CompressedSizeCache.Open(CacheFile);
            ImageReport one = ImageLayers.FromEngine(builder, tag, TimeSpan.FromMinutes(2), new ImageReadOptions { CompressedSizeCache = first });
            Assert.AreEqual(baseLayers + 2, one.Layers.Count);
            Assert.AreEqual(0, first.Reused);
            Assert.AreEqual(one.Layers.Count, first.Estimated);
            Assert.IsNull(first.Save());

            BuildWith("second version of the app, a little longer");
            var second = CompressedSizeCache.Open(CacheFile);
            ImageReport two = ImageLayers.FromEngine(builder, tag, TimeSpan.FromMinutes(2), new ImageReadOptions { CompressedSizeCache = second });
            Assert.AreEqual(baseLayers, second.Reused, "the base image's layers keep their names in docker save");
            Assert.AreEqual(2, second.Estimated, "the COPY layer changed, and the RUN after it is a new layer");
            ImageReport uncached = ImageLayers.FromEngine(builder, tag, TimeSpan.FromMinutes(2), new ImageReadOptions());
            CollectionAssert.AreEqual(uncached.Layers.Select(l => l.CompressedSize).ToArray(), two.Layers.Select(l => l.CompressedSize).ToArray());
            Assert.IsTrue(two.Layers.All(l => l.CompressedSize > 0));
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
        }

        int BuildWith(string appText)
        {
            File.WriteAllText(Path.Combine(_folder, "app.txt"), appText);
            var build = DockerEngine.Run(new[] { "build", "--network=none", "-t", tag, _folder }, TimeSpan.FromMinutes(5),
                environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
            Assert.AreEqual(0, build.ExitCode, build.Output);
            string layers = DockerEngine.RunChecked("image", "inspect", "--format", "{{len .RootFS.Layers}}", "containeropt/bookworm-base:1").StandardOutput.Trim();
            return int.Parse(layers, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
