using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ContainerOpt.Images.Compression;

namespace ContainerOpt.Benchmarks;

/// <summary>
/// Decoding a realistic image layer: a tar of the machine's .NET shared runtimes (/usr/share/dotnet/shared,
/// about 105 MB, what a runtime image's biggest layer holds), compressed by the zstd CLI at level 3 (the
/// default for zstd layers). .NET's own GZipStream on the same tar is the baseline. Throughput is output
/// bytes (<see cref="LayerBytes"/>) over the mean time. Needs /usr/bin/zstd.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class ZstdBenchmarks
{
    private const string RuntimeFolder = "/usr/share/dotnet/shared";
    private byte[] _zstdLayer = Array.Empty<byte>();
    private byte[] _gzipLayer = Array.Empty<byte>();
    private readonly byte[] _buffer = new byte[1 << 20];

    public static long LayerBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var tar = new MemoryStream();
        TarFile.CreateFromDirectory(RuntimeFolder, tar, includeBaseDirectory: true);
        byte[] layer = tar.ToArray();
        LayerBytes = layer.Length;
        _zstdLayer = CompressWithCli(layer, "-3");
        var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Optimal, leaveOpen: true)) compressor.Write(layer);
        _gzipLayer = gzip.ToArray();
        Console.WriteLine($"// layer: {layer.Length} bytes; zstd -3: {_zstdLayer.Length} bytes; gzip: {_gzipLayer.Length} bytes");
    }

    [Benchmark(Description = "zstd decode ~105 MB layer (zstd -3)")]
    public long DecodeZstd() => Drain(new ZstdDecompressionStream(new MemoryStream(_zstdLayer)));

    [Benchmark(Baseline = true, Description = "gzip decode same layer (.NET GZipStream)")]
    public long DecodeGzip() => Drain(new GZipStream(new MemoryStream(_gzipLayer), CompressionMode.Decompress));

    private long Drain(Stream stream)
    {
        using (stream)
        {
            long total = 0;
            int n;
            while ((n = stream.Read(_buffer, 0, _buffer.Length)) > 0) total += n;
            if (total != LayerBytes) throw new InvalidOperationException($"decoded {total} bytes, expected {LayerBytes}");
            return total;
        }
    }

    private static byte[] CompressWithCli(byte[] data, string level)
    {
        var start = new ProcessStartInfo("/usr/bin/zstd") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-q", level, "-T2", "-c" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("zstd CLI not installed: apt-get install zstd");
        var output = new MemoryStream();
        Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        process.StandardInput.BaseStream.Write(data);
        process.StandardInput.Close();
        copy.Wait();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"zstd exited {process.ExitCode}");
        return output.ToArray();
    }
}
