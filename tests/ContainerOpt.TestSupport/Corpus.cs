using System.Reflection;

namespace ContainerOpt.TestSupport;

/// <summary>
/// Locates the shared conformance corpus: $CONTAINEROPT_CORPUS, else ../shared/corpus beside the
/// repository. Third-party data, read in place and never copied into the repository.
/// </summary>
public static class Corpus
{
    public static string RepoRoot { get; } = typeof(Corpus).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "ContainerOptRepoRoot").Value!;

    public static string? Root { get; } = Locate();

    private static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CONTAINEROPT_CORPUS");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }
        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "corpus"));
        return Directory.Exists(beside) ? beside : null;
    }

    /// <summary>The full path of a corpus file or folder; marks the test skipped when the corpus is absent.</summary>
    public static string Require(params string[] parts)
    {
        if (Root is null)
        {
            Assert.Inconclusive("Conformance corpus not found: set CONTAINEROPT_CORPUS or place it at ../shared/corpus beside the repository.");
        }
        return Path.Combine(new[] { Root! }.Concat(parts).ToArray());
    }

    /// <summary>Sub-folders of a corpus folder as test rows; one placeholder row when the corpus is absent.</summary>
    public static IEnumerable<object[]> Folders(params string[] parts)
    {
        if (Root is null)
        {
            yield return new object[] { "(corpus missing)" };
            yield break;
        }
        var dir = Path.Combine(new[] { Root }.Concat(parts).ToArray());
        foreach (var d in Directory.GetDirectories(dir).OrderBy(d => d, StringComparer.Ordinal))
        {
            yield return new object[] { Path.GetFileName(d) };
        }
    }
}
