using System.Diagnostics;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Layers;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Layers;

/// <summary>A 1 GiB image (made on the fly, never on disk) streamed through the reader and analyzer: memory stays flat.</summary>
[TestClass]
[DoNotParallelize]
public sealed class StreamingPerformanceTests
{
    [TestMethod]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void OneGigabyteImageStreamsInFlatMemory()
    {
        var source = SyntheticImageStream.OneGigabyte();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                try { await Task.Delay(20, stop.Token); } catch (TaskCanceledException) { }
            }
        });
        var watch = Stopwatch.StartNew();
        ImageContent image = ImageReader.Read(source, "synthetic 1 GiB", new ImageReadOptions { MeasureCompressedSize = false });
        ImageReport report = ImageAnalyzer.Analyze(image);
        watch.Stop();
        stop.Cancel();
        sampler.Wait();
        peak = Math.Max(peak, GC.GetTotalMemory(false));

        Assert.AreEqual(source.LayerCount, report.Layers.Count);
        Assert.AreEqual(source.FileBytes, report.Size);
        Assert.AreEqual(source.ExpectedWaste, report.WastedBytes);
        Assert.IsTrue(source.BytesProduced > 1_073_741_824L, source.BytesProduced.ToString());
        // Measuring the gzip size of plain layers costs gzip's speed (~40 MB/s on incompressible data here);
        // ImageAnalysisBenchmarks measures that path. This test is about streaming and memory.
        Assert.IsNull(report.Layers[0].CompressedSize);

        long growth = peak - baseline;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"1 GiB image ({source.BytesProduced:N0} bytes, {image.Layers.Sum(l => l.FileCount):N0} files): "
            + SyntheticImageStream.Describe(source.BytesProduced, watch.Elapsed)
            + $"; managed heap growth at peak {growth / 1e6:F1} MB; process peak working set {process.PeakWorkingSet64 / 1e6:F0} MB");
        Assert.IsTrue(growth < 64_000_000, $"managed memory grew by {growth:N0} bytes");
    }
}
