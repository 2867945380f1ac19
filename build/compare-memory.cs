#:project ../src/ContainerOpt.Images/ContainerOpt.Images.csproj
// What `containeropt layers A --compare B` costs in managed memory: the heap the two layer reports keep, what the
// comparison allocates and keeps, and what two plain path -> size maps of the same images would keep (the alternative
// the streaming walk avoids). Reads both images from the local engine (docker save), without the gzip estimate.
//   dotnet run --file build/compare-memory.cs -c Release -- mcr.microsoft.com/dotnet/aspnet:10.0 mcr.microsoft.com/dotnet/sdk:10.0
using ContainerOpt.Images;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: dotnet run --file build/compare-memory.cs -c Release -- IMAGE-A IMAGE-B");
    return 2;
}
var builder = BuilderDetector.Detect(BuilderPreferences.TryParse("auto", out var preference) ? preference : default);
ImageReport Read(string image) => ImageLayers.FromEngine(builder, image, TimeSpan.FromMinutes(10), new ImageReadOptions { MeasureCompressedSize = false });
static long Heap()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    return GC.GetTotalMemory(true);
}

long start = Heap();
ImageReport a = Read(args[0]);
long afterA = Heap();
ImageReport b = Read(args[1]);
long afterB = Heap();
Console.WriteLine($"entries: A {a.Layers.Sum(l => l.Scan.Entries.Count):N0}, B {b.Layers.Sum(l => l.Scan.Entries.Count):N0}");
Console.WriteLine($"heap kept by the reports: A {(afterA - start) / 1e6:F2} MB, B {(afterB - afterA) / 1e6:F2} MB");

long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
var comparison = ImageLayers.Compare(a, b);
long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
long afterCompare = Heap();
Console.WriteLine($"comparison: allocated {allocated / 1e6:F2} MB, kept {(afterCompare - afterB) / 1e6:F3} MB ({comparison.Files.Added:N0} files added, {comparison.Files.Removed:N0} removed, {comparison.Files.Unchanged:N0} unchanged)");

var maps = new[] { new Dictionary<string, long>(StringComparer.Ordinal), new Dictionary<string, long>(StringComparer.Ordinal) };
foreach (var (report, map) in new[] { (a, maps[0]), (b, maps[1]) })
{
    foreach (LayerReport layer in report.Layers)
    {
        foreach (LayerEntry entry in layer.Scan.Entries) map[entry.Path] = entry.Size;
    }
}
long afterMaps = Heap();
Console.WriteLine($"two path -> size maps instead: kept {(afterMaps - afterCompare) / 1e6:F3} MB ({maps[0].Count + maps[1].Count:N0} paths)");
GC.KeepAlive(a);
GC.KeepAlive(b);
GC.KeepAlive(comparison);
GC.KeepAlive(maps);
return 0;
