using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Cli.Commands;

/// <summary>Finds the Dockerfiles a lint names: files as given, folders searched.</summary>
internal static class DockerfileFiles
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", "bin", "obj", "node_modules", ".vs", ".vscode", ".idea",
    };

    /// <summary>
    /// Dockerfile, Containerfile and their named variants; not <c>Dockerfile.dockerignore</c>, the ignore file docker
    /// reads beside a Dockerfile of that name.
    /// </summary>
    public static bool IsDockerfileName(string fileName) =>
        !fileName.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase) && (
        fileName.Equals("Dockerfile", StringComparison.OrdinalIgnoreCase)
        || fileName.Equals("Containerfile", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("Dockerfile.", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
        || fileName.StartsWith("Containerfile.", StringComparison.OrdinalIgnoreCase));

    /// <summary>Expands the operands: files as given, folders searched (sorted, deterministic).</summary>
    public static IEnumerable<string> Expand(string operand)
    {
        if (Directory.Exists(operand))
        {
            var found = new List<string>();
            Walk(operand, found);
            found.Sort(StringComparer.Ordinal);
            return found;
        }
        return new[] { operand };
    }

    private static void Walk(string folder, List<string> found)
    {
        IEnumerable<string> files, folders;
        try
        {
            files = Directory.EnumerateFiles(folder);
            folders = Directory.EnumerateDirectories(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var file in files)
        {
            if (IsDockerfileName(Path.GetFileName(file)))
            {
                found.Add(file);
            }
        }
        foreach (var sub in folders)
        {
            if (!SkippedFolders.Contains(Path.GetFileName(sub)))
            {
                Walk(sub, found);
            }
        }
    }
}
