using System.Reflection;

namespace ContainerOpt.Images.Tests.Builders;

/// <summary>Fixture files (recorded builder outputs, their Dockerfiles) and scratch folders for the builder tests.</summary>
internal static class BuilderTestFiles
{
    private static readonly string RepoRoot = typeof(BuilderTestFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "ContainerOptRepoRoot").Value!;

    public static string FixturePath(string name) =>
        Path.Combine(RepoRoot, "tests", "ContainerOpt.Images.Tests", "Builders", "Fixtures", name);

    public static string Fixture(string name) => File.ReadAllText(FixturePath(name));

    /// <summary>A new empty folder under the temp directory; the caller deletes it.</summary>
    public static string NewFolder(string purpose)
    {
        string path = Path.Combine(Path.GetTempPath(), "containeropt-builders-" + purpose + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(path);
        return path;
    }

    public static void DeleteFolder(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
