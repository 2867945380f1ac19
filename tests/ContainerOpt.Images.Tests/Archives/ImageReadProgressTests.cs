using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Archives;

/// <summary>
/// Issue 13 item 5: a read tells <see cref="ImageReadOptions.Progress"/> how far it has come — bytes as they are read
/// (every megabyte or so), each layer as it is scanned, and once more at the end — and the report is the same with or
/// without anyone asking.
/// </summary>
[TestClass]
public sealed class ImageReadProgressTests
{
    /// <summary>Keeps every report, on the reading thread (Progress&lt;T&gt; would post them elsewhere, later).</summary>
    private sealed class Recorder : IProgress<ImageReadProgress>
    {
        public List<ImageReadProgress> Reports { get; } = new();

        public void Report(ImageReadProgress value) => Reports.Add(value);
    }

    private static SyntheticImageStream Synthetic() => new(layers: 3, filesPerLayer: 2, fileSize: 1 << 20, smallFiles: 50);

    [TestMethod]
    public void AStream_IsReportedAsItIsRead_LayerByLayer_WithoutATotal()
    {
        var recorder = new Recorder();
        var stream = Synthetic();
        ImageContent image = ImageReader.Read(stream, "docker save", new ImageReadOptions { Progress = recorder });
        var reports = recorder.Reports;

        ImageReadProgress last = reports[^1];
        Assert.IsTrue(last.Finished);
        Assert.AreEqual(stream.BytesProduced, last.BytesRead);
        Assert.AreEqual(stream.LayerCount, last.LayersRead);
        Assert.AreEqual(image.Layers.Count, last.LayersRead);
        Assert.AreEqual(1, reports.Count(r => r.Finished), "one last report");
        Assert.IsTrue(reports.All(r => r.TotalBytes is null), "a pipe has no length");
        for (int i = 1; i < reports.Count; i++)
        {
            Assert.IsTrue(reports[i].BytesRead >= reports[i - 1].BytesRead && reports[i].LayersRead >= reports[i - 1].LayersRead, $"report {i} went back");
        }
        // Every layer once, in order, and the megabytes in between: 6 MiB of files come in more reports than layers.
        CollectionAssert.AreEqual(Enumerable.Range(1, stream.LayerCount).ToArray(), reports.Select(r => r.LayersRead).Distinct().Where(n => n > 0).ToArray());
        Assert.IsTrue(reports.Count(r => !r.Finished) >= 6 + stream.LayerCount - 1, $"{reports.Count} reports for {stream.BytesProduced} bytes");
        Assert.IsTrue(reports.Count(r => r.LayersRead == 0) >= 1, "the first layer's megabytes are reported before it ends");
    }

    [TestMethod]
    public void AFile_HasItsSizeAsTheTotal_AndEndsAtIt()
    {
        string file = Path.Combine(Path.GetTempPath(), "copt-progress-" + Guid.NewGuid().ToString("N") + ".tar");
        try
        {
            using (var output = File.Create(file))
            {
                Synthetic().CopyTo(output);
            }
            long length = new FileInfo(file).Length;
            var recorder = new Recorder();
            ImageReader.Read(file, new ImageReadOptions { Progress = recorder });
            Assert.IsTrue(recorder.Reports.All(r => r.TotalBytes == length), "the total is the file's size");
            Assert.AreEqual(length, recorder.Reports[^1].BytesRead);
            Assert.AreEqual(5, recorder.Reports[^1].LayersRead);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestMethod]
    public void AnOciFolder_CountsTheLayerFilesItReads()
    {
        byte[] one = new TestTarWriter().Directory("etc").File("etc/os-release", 3 << 20).Finish();
        byte[] two = new TestTarWriter().Directory("app").File("app/app.dll", 4096).Finish();
        var layers = new[] { (TestData.Gzip(one), one), (two, two) };
        string folder = TestImages.WriteFolder(TestImages.OciLayout(layers, TestImages.Config(new[] { one, two }), refName: "1.0"));
        try
        {
            var recorder = new Recorder();
            ImageReader.Read(folder, new ImageReadOptions { Progress = recorder });
            ImageReadProgress last = recorder.Reports[^1];
            Assert.IsTrue(last.Finished);
            Assert.AreEqual(2, last.LayersRead);
            Assert.AreEqual(layers[0].Item1.Length + two.Length, last.BytesRead, "the layer blobs as stored (the first gzipped)");
            Assert.IsNull(last.TotalBytes);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Counting changes nothing read: the JSON report is byte for byte the same, the gzip estimate included.</summary>
    [TestMethod]
    public void TheReportIsTheSame_WithOrWithoutProgress()
    {
        string Json(IProgress<ImageReadProgress>? progress) =>
            ImageReportJson.ToJson(ImageAnalyzer.Analyze(ImageReader.Read(Synthetic(), "docker save", new ImageReadOptions { Progress = progress })));

        Assert.AreEqual(Json(null), Json(new Recorder()));

        byte[] big = new TestTarWriter().Directory("data").File("data/a.bin", 2 << 20).Finish();
        string folder = TestImages.WriteFolder(TestImages.OciLayout(new[] { (big, big) }, TestImages.Config(new[] { big }), refName: "1.0"));
        try
        {
            string Folder(IProgress<ImageReadProgress>? progress) =>
                ImageReportJson.ToJson(ImageAnalyzer.Analyze(ImageReader.Read(folder, new ImageReadOptions { Progress = progress })));
            Assert.AreEqual(Folder(null), Folder(new Recorder()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
