using System.Reflection;
using System.Runtime.Loader;
using static ContainerOpt.Images.Tests.Compression.ZstdTestSupport;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>
/// The netstandard2.0 build (what Visual Studio's net472 MSBuild loads) has its own code paths: no spans,
/// no array pool, no vector copies. Its assembly is loaded here in a separate context and must decode every
/// fixture exactly like the net8.0 build.
/// </summary>
[TestClass]
public sealed class ZstdNetStandardBuildTests
{
    [TestMethod]
    public void TheNetStandardBuildDecodesEveryFixture()
    {
        string repositoryRoot = typeof(ZstdNetStandardBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "ContainerOptRepoRoot").Value!;
        // The tests run from bin/<Configuration>/net10.0/: the library was built in the same configuration.
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string assemblyPath = Path.Combine(repositoryRoot, "src", "ContainerOpt.Images", "bin", configuration, "netstandard2.0", "ContainerOpt.Images.dll");
        Assert.IsTrue(File.Exists(assemblyPath), $"{assemblyPath} is built with the solution");

        var context = new AssemblyLoadContext("containeropt-images-netstandard2.0", isCollectible: true);
        try
        {
            Assembly library = context.LoadFromAssemblyPath(assemblyPath);
            Assert.AreEqual(".NETStandard,Version=v2.0", library.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName);
            Type streamType = library.GetType("ContainerOpt.Images.Compression.ZstdDecompressionStream", throwOnError: true)!;

            foreach (string line in File.ReadAllLines(FixturePath("expected.txt")).Where(l => !l.StartsWith('#')))
            {
                string[] fields = line.Split(' ');
                using var stream = (Stream)Activator.CreateInstance(streamType, new MemoryStream(Fixture(fields[0])), false, 1L << 27)!;
                var output = new MemoryStream();
                if (fields[1] == "error")
                {
                    Assert.ThrowsExactly<InvalidDataException>(() => stream.CopyTo(output), fields[0]);
                    continue;
                }
                // Odd-sized reads go through the array overload, the only one netstandard2.0 has.
                var buffer = new byte[7777];
                int n;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) output.Write(buffer, 0, n);
                Assert.AreEqual(fields[2], Sha256(output.ToArray()), fields[0]);
            }
        }
        finally
        {
            context.Unload();
        }
    }
}
