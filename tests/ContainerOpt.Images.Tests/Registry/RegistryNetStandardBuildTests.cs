using System.Collections;
using System.Reflection;
using System.Runtime.Loader;
using ContainerOpt.Images.Registry;
using ContainerOpt.TestSupport.Registry;

namespace ContainerOpt.Images.Tests.Registry;

/// <summary>
/// The netstandard2.0 build (Visual Studio's net472 MSBuild task) talks HTTP through HttpClientHandler and SendAsync,
/// not SocketsHttpHandler and Send: its assembly, loaded in a context of its own, reads the same image from the
/// docker-env registry, and from a registry with Basic auth the test starts, as the net8.0 build does.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class RegistryNetStandardBuildTests
{
    [TestMethod]
    public void The_netstandard_build_reads_registries_like_the_net8_build()
    {
        RegistryTestImages.Require();
        string repositoryRoot = typeof(RegistryNetStandardBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "ContainerOptRepoRoot").Value!;
        string configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        string assemblyPath = Path.Combine(repositoryRoot, "src", "ContainerOpt.Images", "bin", configuration, "netstandard2.0", "ContainerOpt.Images.dll");
        Assert.IsTrue(File.Exists(assemblyPath), $"{assemblyPath} is built with the solution");

        string reference = RegistryTestImages.LocalRegistry + "/" + RegistryTestImages.Repository + ":multi";
        string[] expected = RegistryReader.Read(reference, registry: RegistryTestSupport.Options()).Layers.Select(l => l.Digest).ToArray();

        string storage = RegistryTestImages.SeedStorage();
        string folder = RegistryServer.TempFolder("htpasswd");
        File.WriteAllText(Path.Combine(folder, "htpasswd"), Htpasswd.Line("ns-user", "ns-pass") + "\n");
        var context = new AssemblyLoadContext("containeropt-images-netstandard2.0-registry", isCollectible: true);
        try
        {
            using var registry = RegistryServer.Start(storage, "auth:\n  htpasswd:\n    realm: test\n    path: " + Path.Combine(folder, "htpasswd") + "\n");
            string config = RegistryTestSupport.DockerConfigFolder(RegistryTestSupport.AuthsJson(registry.Host, "ns-user", "ns-pass"));
            Assembly library = context.LoadFromAssemblyPath(assemblyPath);
            Assert.AreEqual(".NETStandard,Version=v2.0", library.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName);
            Type readerType = library.GetType("ContainerOpt.Images.Registry.RegistryReader", throwOnError: true)!;
            Type optionsType = library.GetType("ContainerOpt.Images.Registry.RegistryOptions", throwOnError: true)!;
            MethodInfo read = readerType.GetMethod("Read")!;

            string[] Read(string image, Func<string, string?> environment)
            {
                object options = Activator.CreateInstance(optionsType)!;
                optionsType.GetProperty("Environment")!.SetValue(options, environment);
                object content = read.Invoke(null, new object?[] { image, null, options })!;
                var layers = (IEnumerable)content.GetType().GetProperty("Layers")!.GetValue(content)!;
                return layers.Cast<object>().Select(l => (string)l.GetType().GetProperty("Digest")!.GetValue(l)!).ToArray();
            }

            CollectionAssert.AreEqual(expected, Read(reference, _ => null));
            CollectionAssert.AreEqual(expected, Read(registry.Host + "/" + RegistryTestImages.Repository + ":multi", name => name == "DOCKER_CONFIG" ? config : null));
        }
        finally
        {
            context.Unload();
            Directory.Delete(storage, recursive: true);
        }
    }
}
