#:project ../src/ContainerOpt.Images/ContainerOpt.Images.csproj
// What the gzip-size estimate of plain layers costs and how close it comes: each layer tar (from an unpacked
// `docker save`) is read into memory, estimated by GzipSizeEstimator (best of REPEATS, in CPU-seconds of the
// process: the thread-pool workers included), and gzip'ed at level 6 (.NET's CompressionLevel.Optimal, what the
// tests compare with). Measure on a quiet machine, or say the load average (`uptime`) beside the numbers.
//   docker save mcr.microsoft.com/dotnet/aspnet:10.0 | tar -x -C /tmp/aspnet
//   dotnet run --file build/gzip-estimate-speed.cs -c Release -- 3 /tmp/aspnet/*/layer.tar
using System.Diagnostics;
using System.IO.Compression;
using ContainerOpt.Images.Compression;

if (args.Length < 2 || !int.TryParse(args[0], out int repeats) || repeats < 1)
{
    Console.Error.WriteLine("usage: dotnet run --file build/gzip-estimate-speed.cs -c Release -- REPEATS LAYER.tar...");
    return 2;
}
using var process = Process.GetCurrentProcess();
double totalCpu = 0;
long totalBytes = 0, totalEstimate = 0, totalGzip = 0;
Console.WriteLine($"{"layer",-40} {"bytes",13} {"CPU-s",7} {"MB/CPU-s",8} {"estimate",12} {"gzip -6",12} {"error",7}");
foreach (string path in args.Skip(1))
{
    byte[] layer = File.ReadAllBytes(path);
    double best = double.MaxValue;
    long estimate = 0;
    for (int run = 0; run < repeats; run++)
    {
        GC.Collect();
        process.Refresh();
        TimeSpan before = process.TotalProcessorTime;
        using (var estimator = new GzipSizeEstimator(layer.Length))
        {
            // The reader hands the scanner 80 KiB at a time.
            for (int offset = 0; offset < layer.Length; offset += 81920) estimator.Write(layer, offset, Math.Min(81920, layer.Length - offset));
            estimate = estimator.Complete();
        }
        process.Refresh();
        best = Math.Min(best, (process.TotalProcessorTime - before).TotalSeconds);
    }
    var counter = new MemoryStream();
    using (var gzip = new GZipStream(counter, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(layer, 0, layer.Length);
    long gzipped = counter.Length;
    totalCpu += best;
    totalBytes += layer.Length;
    totalEstimate += estimate;
    totalGzip += gzipped;
    string name = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? path;
    Console.WriteLine($"{name[..Math.Min(40, name.Length)],-40} {layer.Length,13:N0} {best,7:F3} {layer.Length / 1e6 / best,8:F0} {estimate,12:N0} {gzipped,12:N0} {(double)(estimate - gzipped) / gzipped,7:+0.00%;-0.00%}");
}
Console.WriteLine($"{"all",-40} {totalBytes,13:N0} {totalCpu,7:F3} {totalBytes / 1e6 / totalCpu,8:F0} {totalEstimate,12:N0} {totalGzip,12:N0} {(double)(totalEstimate - totalGzip) / totalGzip,7:+0.00%;-0.00%}");
return 0;
