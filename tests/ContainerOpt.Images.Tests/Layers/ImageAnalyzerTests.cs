using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Tests.Archives;

namespace ContainerOpt.Images.Tests.Layers;

[TestClass]
public sealed class ImageAnalyzerTests
{
    private static long[] Removed(ImageReport r) => r.Layers.Select(l => l.RemovedBytes).ToArray();

    [TestMethod]
    public void OverwrittenFileIsWasteOfTheLayerThatWroteIt()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().File("app/config.json", 100).File("app/keep", 5).Finish(),
            new TestTarWriter().File("app/config.json", 40).Finish(),
            new TestTarWriter().File("app/config.json", 30).Finish()));
        CollectionAssert.AreEqual(new long[] { 100, 40, 0 }, Removed(report));
        Assert.AreEqual(175, report.Size);
        Assert.AreEqual(140, report.WastedBytes);
        Assert.AreEqual(1 - 140.0 / 175, report.Efficiency, 1e-12);
        CollectionAssert.AreEqual(new[]
        {
            new WastedFile("app/config.json", 100, 0, WasteKind.Overwritten),
            new WastedFile("app/config.json", 40, 1, WasteKind.Overwritten),
        }, report.LargestWastedFiles.ToArray());
    }

    [TestMethod]
    public void FileWhiteoutRemovesOneFile()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().File("big.bin", 5242880).File("small", 3).Finish(),
            new TestTarWriter().File(".wh.big.bin", "").Finish()));
        CollectionAssert.AreEqual(new long[] { 5242880, 0 }, Removed(report));
        Assert.AreEqual(new WastedFile("big.bin", 5242880, 0, WasteKind.Removed), report.LargestWastedFiles[0]);
        Assert.AreEqual(0, report.Layers[1].Size);
        Assert.AreEqual(0, report.Layers[1].FileCount);
    }

    [TestMethod]
    public void DirectoryWhiteoutRemovesTheWholeSubtreeFromEveryLowerLayer()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().Directory("data").File("data/a", 10).Directory("data/sub").File("data/sub/b", 20).Symlink("data/link", "a").File("other", 1).Finish(),
            new TestTarWriter().File("data/sub/c", 300).Finish(),
            new TestTarWriter().File(".wh.data", "").Finish()));
        // data/link is a 1-byte symlink ("a"): it counts, as docker counts it.
        CollectionAssert.AreEqual(new long[] { 31, 300, 0 }, Removed(report));
        Assert.AreEqual(1, report.Layers[0].Size - 31);
    }

    [TestMethod]
    public void SymlinksWeighTheirTargetLengthExceptInBuildKitLayersAsDockerCounts()
    {
        byte[] layer = new TestTarWriter().File("f", 100).Symlink("l", "target-of-12").Finish();
        byte[] remove = new TestTarWriter().File(".wh.l", "").Finish();
        var legacy = ImageAnalyzer.Analyze(Synthetic.Image(new[] { layer, remove }, new[] { "/bin/sh -c ln -s target-of-12 /l", "/bin/sh -c rm /l" }));
        Assert.AreEqual(112, legacy.Layers[0].Size);
        Assert.AreEqual(12, legacy.Layers[0].RemovedBytes);
        var buildKit = ImageAnalyzer.Analyze(Synthetic.Image(new[] { layer, remove }, new[] { "RUN /bin/sh -c ln -s target-of-12 /l # buildkit", "RUN /bin/sh -c rm /l # buildkit" }));
        Assert.AreEqual(100, buildKit.Layers[0].Size);
        Assert.AreEqual(0, buildKit.Layers[0].RemovedBytes);
        Assert.AreEqual(112, buildKit.Layers[0].Scan.Size);
        Assert.AreEqual(12, buildKit.Layers[0].Scan.SymlinkBytes);
    }

    [TestMethod]
    public void OpaqueDirectoryHidesLowerContentButKeepsItsOwn()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().Directory("var/lib/thing").File("var/lib/thing/x", 10).File("var/lib/thing/deep/y", 5).File("var/lib/other", 2).Finish(),
            // The marker after the new content: order in the tar must not matter.
            new TestTarWriter().Directory("var/lib/thing").File("var/lib/thing/new", 7).File("var/lib/thing/.wh..wh..opq", "").Finish(),
            new TestTarWriter().File("var/lib/thing/new", 1).Finish()));
        CollectionAssert.AreEqual(new long[] { 15, 7, 0 }, Removed(report));
        Assert.AreEqual(WasteKind.HiddenByOpaqueDirectory, report.LargestWastedFiles.Single(f => f.Path == "var/lib/thing/x").Kind);
    }

    [TestMethod]
    public void RemovalsInOneLayerCountEachFileOnceAndNeverTouchThatLayersOwnFiles()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().File("d/a", 100).File("e", 9).Finish(),
            // Whiteouts of d/a and of d (which holds d/a), plus a whiteout of a file this same layer adds.
            new TestTarWriter().File("d/.wh.a", "").File(".wh.d", "").File("n", 4).File(".wh.n", "").Finish()));
        CollectionAssert.AreEqual(new long[] { 100, 0 }, Removed(report));
        Assert.AreEqual(4, report.Layers[1].Size);
    }

    [TestMethod]
    public void HardLinkedBytesAreWastedOnlyWhenTheLastLinkGoes()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().File("f", 100).HardLink("g", "f").Finish(),
            new TestTarWriter().File(".wh.f", "").Finish(),
            new TestTarWriter().File(".wh.g", "").Finish()));
        Assert.AreEqual(100, report.Layers[0].Size);
        CollectionAssert.AreEqual(new long[] { 100, 0, 0 }, Removed(report));
        var kept = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().File("f", 100).HardLink("g", "f").Finish(),
            new TestTarWriter().File(".wh.f", "").Finish()));
        Assert.AreEqual(0, kept.WastedBytes);
    }

    [TestMethod]
    public void FileReplacedByDirectoryAndDirectoryByFileAreOverwrites()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().File("x", 50).Directory("y").File("y/inner", 60).Finish(),
            new TestTarWriter().File("x/now-a-dir", 1).File("y", 2).Finish()));
        CollectionAssert.AreEqual(new long[] { 110, 0 }, Removed(report));
    }

    [TestMethod]
    public void FilesLeftUnderCacheDirectoriesAreLeftoverWaste()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(
            new TestTarWriter().File("var/lib/apt/lists/lock", 0).File("usr/bin/tool", 1000).File("var/cache/apt/pkgcache.bin", 200).Finish(),
            new TestTarWriter()
                .File("var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease", 300)
                .File("tmp/build.log", 7)
                .File("root/.nuget/packages/newtonsoft.json/13.0.1/lib.dll", 11)
                .File("root/.cache/pip/x", 13)
                .File("var/tmp/t", 17)
                .File("var/cache/apk/APKINDEX.tar.gz", 19)
                .File("root/.nuget/NuGet/NuGet.Config", 23) // not the packages folder
                .File("tmpfile", 29) // not under tmp/
                .Finish(),
            new TestTarWriter().File("var/cache/apt/.wh.pkgcache.bin", "").Finish()));
        CollectionAssert.AreEqual(new long[] { 200, 0, 0 }, Removed(report));
        CollectionAssert.AreEqual(new long[] { 0, 300 + 7 + 11 + 13 + 17 + 19, 0 }, report.Layers.Select(l => l.LeftoverCacheBytes).ToArray());
        Assert.AreEqual(200 + 367, report.WastedBytes);
        Assert.AreEqual(new WastedFile("var/lib/apt/lists/deb.debian.org_dists_bookworm_InRelease", 300, 1, WasteKind.LeftoverCache), report.LargestWastedFiles[0]);
        Assert.AreEqual(new WastedFile("var/cache/apt/pkgcache.bin", 200, 0, WasteKind.Removed), report.LargestWastedFiles[1]);
    }

    [TestMethod]
    public void LargestFilesPerLayerAreTheTopTenBySize()
    {
        var tar = new TestTarWriter();
        for (int i = 1; i <= 12; i++) tar.File($"f{i:00}", i * 10);
        var report = ImageAnalyzer.Analyze(Synthetic.Image(tar.Finish()), new ImageAnalysisOptions { LargestFileCount = 3 });
        CollectionAssert.AreEqual(new[] { new FileSize("f12", 120), new FileSize("f11", 110), new FileSize("f10", 100) }, report.Layers[0].LargestFiles.ToArray());
        Assert.AreEqual(12, report.Layers[0].FileCount);
        Assert.AreEqual(780, report.Size);
        Assert.AreEqual(1.0, report.Efficiency);
    }

    [TestMethod]
    public void HistoryEntriesWithoutLayersAreSkipped()
    {
        var history = new[]
        {
            new ImageHistoryEntry(null, false, null, "imported"),
            new ImageHistoryEntry("ENV A=1", true, null, null),
            new ImageHistoryEntry("RUN /bin/sh -c make # buildkit", false, null, null),
            new ImageHistoryEntry("CMD [\"app\"]", true, null, null),
        };
        var matched = ImageAnalyzer.MatchHistory(history, 2);
        Assert.AreSame(history[0], matched[0]);
        Assert.AreSame(history[2], matched[1]);
        var fewer = ImageAnalyzer.MatchHistory(history, 3);
        Assert.IsNull(fewer[0]);
        Assert.AreSame(history[2], fewer[2]);
    }
}
