using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Finds and reads the configuration files of one Dockerfile: <c>.hadolint.yaml</c> and
/// <c>containeropt.yaml</c> (or <c>.yml</c>/<c>.json</c>) beside the Dockerfile, else in the build
/// context. hadolint's file is read first, so ContainerOpt's own settings win where both speak.
/// This is the adapters' file access; the readers and the rules never touch the disk.
/// </summary>
public static class ConfigurationFiles
{
    private static readonly string[] HadolintNames = { ".hadolint.yaml", ".hadolint.yml" };
    private static readonly string[] ContainerOptNames = { "containeropt.yaml", "containeropt.yml", "containeropt.json", ".containeropt.yaml" };

    public static IReadOnlyList<string> Discover(string dockerfileDirectory, string? contextDirectory) => Discover(dockerfileDirectory, contextDirectory, File.Exists);

    /// <summary>As <see cref="Discover(string, string)"/>, asking <paramref name="fileExists"/> (a run's cache of the folders) whether each candidate is there.</summary>
    public static IReadOnlyList<string> Discover(string dockerfileDirectory, string? contextDirectory, Func<string, bool> fileExists)
    {
        var found = new List<string>();
        foreach (var names in new[] { HadolintNames, ContainerOptNames })
        {
            var file = new[] { dockerfileDirectory, contextDirectory }
                .Where(d => !string.IsNullOrEmpty(d))
                .SelectMany(d => names.Select(n => Path.Combine(d!, n)))
                .FirstOrDefault(fileExists);
            if (file is not null)
            {
                found.Add(file);
            }
        }
        return found;
    }

    /// <summary>True for hadolint's file by name; everything else is read as ContainerOpt's format.</summary>
    public static bool IsHadolintFile(string path) => Path.GetFileName(path).IndexOf("hadolint", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Reads the files into <paramref name="into"/>; problems (including unreadable files) are COPT0005 findings.</summary>
    public static IReadOnlyList<Finding> Load(IEnumerable<string> paths, AnalysisOptions into)
    {
        var problems = new List<Finding>();
        foreach (var path in paths.OrderBy(p => IsHadolintFile(p) ? 0 : 1))
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                problems.Add(DockerfileInput.FileProblem(DiagnosticCatalog.InvalidConfiguration, path, path, "the file cannot be read: " + e.Message));
                continue;
            }
            problems.AddRange(IsHadolintFile(path)
                ? HadolintConfigReader.Read(text, path, into)
                : ContainerOptConfigReader.Read(text, path, into));
        }
        return problems;
    }
}
