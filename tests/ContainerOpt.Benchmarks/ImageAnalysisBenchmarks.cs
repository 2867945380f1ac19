using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Layers;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Benchmarks;

/// <summary>
/// A 1 GiB `docker save` archive (generated on the fly: 4 layers of 63 × 4 MiB incompressible files,
/// 20,000 small files, a deletion layer) streamed through ImageReader and ImageAnalyzer, with and
/// without measuring the gzip size of the plain layers. Throughput = archive bytes / mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ImageAnalysisBenchmarks
{
    [Params(false, true)]
    public bool MeasureCompressedSize { get; set; }

    [Benchmark(Description = "read + analyse a 1 GiB image stream")]
    public ImageReport ReadAndAnalyse()
    {
        using var source = SyntheticImageStream.OneGigabyte();
        ImageContent image = ImageReader.Read(source, "synthetic", new ImageReadOptions { MeasureCompressedSize = MeasureCompressedSize });
        return ImageAnalyzer.Analyze(image);
    }
}
