using System.IO.Enumeration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Requests;
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

    /// <summary>What a lint of <paramref name="folder"/> says when the folder holds no Dockerfile: what was searched, and what counts as one.</summary>
    public static string NoneFound(string folder) =>
        $"no Dockerfile in '{folder}' or its subfolders ({string.Join(", ", SkippedFolders.OrderBy(f => f, StringComparer.Ordinal))} are not searched). "
        + "A Dockerfile is named Dockerfile or Containerfile, Dockerfile.* or Containerfile.* (but not *.dockerignore), or *.Dockerfile, in any case.";

    /// <summary>
    /// Expands the operands: files as given, folders searched (sorted, deterministic). The listings of the folders
    /// searched are handed to <paramref name="listings"/>, when given, so that a run asks no folder twice. A folder
    /// with no Dockerfile gives none (<see cref="NoneFound"/> says so).
    /// </summary>
    public static IEnumerable<string> Expand(string operand, AnalysisRunCache? listings = null)
    {
        var found = new List<string>();
        Find(operand, found.Add, listings);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>
    /// Hands each Dockerfile of <paramref name="operand"/> to <paramref name="found"/> as the search finds it (a file
    /// operand as given; a folder's in the order of its listings, not sorted), so that a lint can start on the first
    /// before the search is over. Returns whether the operand is a folder.
    /// </summary>
    public static bool Find(string operand, Action<string> found, AnalysisRunCache? listings = null)
    {
        if (Directory.Exists(operand))
        {
            Walk(operand, found, listings);
            return true;
        }
        found(operand);
        return false;
    }

    private static void Walk(string folder, Action<string> found, AnalysisRunCache? listings)
    {
        // One listing of the folder, files and folders told apart as Directory.EnumerateFiles/EnumerateDirectories do
        // (links to folders are folders), by the listing's own entry types: no stat per entry, as a FileSystemInfo would make.
        var files = new List<string>();
        var folders = new List<string>();
        try
        {
            foreach (var (name, isFolder) in new FileSystemEnumerable<(string Name, bool IsFolder)>(folder,
                (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory), EveryEntry))
            {
                (isFolder ? folders : files).Add(name);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        // The listing is the run's before any of the folder's Dockerfiles is handed on: their analyses look it up.
        listings?.AddListing(folder, folders, files);
        foreach (var file in files)
        {
            if (IsDockerfileName(file))
            {
                found(Path.Combine(folder, file));
            }
        }
        foreach (var sub in folders)
        {
            if (!SkippedFolders.Contains(sub))
            {
                Walk(Path.Combine(folder, sub), found, listings);
            }
        }
    }

    /// <summary>Every entry, hidden ones too, and an error for a folder that cannot be read: what DirectoryInfo's enumeration gives.</summary>
    private static readonly EnumerationOptions EveryEntry = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
}
