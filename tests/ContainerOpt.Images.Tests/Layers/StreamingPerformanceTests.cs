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
    [DataRow(false)]
    [DataRow(true)]
    [Timeout(300_000, CooperativeCancellation = true)]
    public void OneGigabyteImageStreamsInFlatMemory(bool measureCompressedSize)
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
        ImageContent image = ImageReader.Read(source, "synthetic 1 GiB", new ImageReadOptions { MeasureCompressedSize = measureCompressedSize });
        ImageReport report = ImageAnalyzer.Analyze(image);
        watch.Stop();
        stop.Cancel();
        sampler.Wait();
        peak = Math.Max(peak, GC.GetTotalMemory(false));

        Assert.AreEqual(source.LayerCount, report.Layers.Count);
        Assert.AreEqual(source.FileBytes, report.Size);
        Assert.AreEqual(source.ExpectedWaste, report.WastedBytes);
        Assert.IsTrue(source.BytesProduced > 1_073_741_824L, source.BytesProduced.ToString());
        if (measureCompressedSize)
        {
            // Random files: gzip stores them, 5 bytes per 16,383 plus its 18 (so do zlib's and Go's level 6, checked on
            // 64 MiB of random bytes); CompressedSizeTests compares with real gzip on a smaller copy of this image.
            long tar = image.Layers[0].TarSize, stored = tar + 5 * ((tar + 16382) / 16383) + 18;
            double error = Math.Abs((double)(report.Layers[0].CompressedSize!.Value - stored) / stored);
            Assert.IsTrue(error <= Compression.GzipSizeEstimatorTests.IncompressibleBound, $"{report.Layers[0].CompressedSize:N0} vs {stored:N0}");
        }
        else Assert.IsNull(report.Layers[0].CompressedSize);

        long growth = peak - baseline;
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"1 GiB image{(measureCompressedSize ? ", gzip sizes estimated" : "")} ({source.BytesProduced:N0} bytes, {image.Layers.Sum(l => l.FileCount):N0} files): "
            + SyntheticImageStream.Describe(source.BytesProduced, watch.Elapsed)
            + $"; managed heap growth at peak {growth / 1e6:F1} MB; process peak working set {process.PeakWorkingSet64 / 1e6:F0} MB");
        Assert.IsTrue(growth < 64_000_000, $"managed memory grew by {growth:N0} bytes");
    }
}
