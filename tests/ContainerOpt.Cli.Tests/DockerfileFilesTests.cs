using ContainerOpt.Cli.Commands;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// The search of a folder hands its Dockerfiles on in the order of their paths (string.CompareOrdinal): the order the
/// report prints them in, which the workers must follow for the report to keep up with them.
/// </summary>
[TestClass]
public sealed class DockerfileFilesTests
{
    [TestMethod]
    public void A_folder_is_searched_in_the_ordinal_order_of_the_paths()
    {
        string root = Path.Combine(Path.GetTempPath(), "containeropt-tests", "walk-" + Guid.NewGuid().ToString("N"));
        // Around the separator: '-' and '.' sort before it, '0' and letters after it; a file's name that a folder's name
        // starts ("Dockerfile.d" and "Dockerfile.dev"); upper case before lower case.
        string[] files =
        {
            "Dockerfile", "Dockerfile.dev", "a.Dockerfile", "x.Dockerfile", "Containerfile",
            Path.Combine("a", "Dockerfile"), Path.Combine("a-b", "Dockerfile"), Path.Combine("a.b", "Dockerfile"),
            Path.Combine("a0", "Dockerfile"), Path.Combine("A", "Dockerfile"), Path.Combine("Dockerfile.d", "Dockerfile"),
            Path.Combine("a", "b", "Dockerfile"), Path.Combine("a", "b.Dockerfile"), Path.Combine("a", "b-c", "Dockerfile"),
        };
        try
        {
            foreach (var file in files)
            {
                string path = Path.Combine(root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, "FROM alpine:3.20\n");
            }
            var found = new List<string>();

            Assert.IsTrue(DockerfileFiles.Find(root, found.Add));

            var expected = files.Select(f => Path.Combine(root, f)).ToList();
            expected.Sort(StringComparer.Ordinal);
            CollectionAssert.AreEqual(expected, found);
            // Spelled out, so that the test does not only agree with itself.
            CollectionAssert.AreEqual(new[]
            {
                Path.Combine("A", "Dockerfile"), "Containerfile", "Dockerfile", "Dockerfile.d/Dockerfile".Replace('/', Path.DirectorySeparatorChar),
                "Dockerfile.dev", Path.Combine("a-b", "Dockerfile"), "a.Dockerfile", Path.Combine("a.b", "Dockerfile"),
                Path.Combine("a", "Dockerfile"), Path.Combine("a", "b-c", "Dockerfile"), Path.Combine("a", "b.Dockerfile"),
                Path.Combine("a", "b", "Dockerfile"), Path.Combine("a0", "Dockerfile"), "x.Dockerfile",
            }.Select(f => Path.Combine(root, f)).ToList(), found);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
