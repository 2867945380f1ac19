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
        return found;
    }

    /// <summary>
    /// Hands each Dockerfile of <paramref name="operand"/> to <paramref name="found"/> as the search finds it (a file
    /// operand as given; a folder's in the order <see cref="string.CompareOrdinal(string, string)"/> gives their paths), so
    /// that a lint can start on the first before the search is over. Returns whether the operand is a folder.
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
        var entries = new List<Entry>();
        try
        {
            foreach (var entry in new FileSystemEnumerable<Entry>(folder,
                (ref FileSystemEntry entry) => new Entry(entry.FileName.ToString(), entry.IsDirectory), EveryEntry))
            {
                entries.Add(entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        // The listing is the run's before any of the folder's Dockerfiles is handed on: their analyses look it up.
        listings?.AddListing(folder, Names(entries, folders: true), Names(entries, folders: false));
        // The files in the order of their paths, which is the report's: the workers lint them in the order the report
        // prints them, so each file's findings are printed and dropped soon after it is linted (in the listing's order,
        // the report waited for nearly the last file, holding every finding of the run until then).
        entries.Sort(InPathOrder);
        foreach (var entry in entries)
        {
            if (!entry.IsFolder)
            {
                if (IsDockerfileName(entry.Name))
                {
                    found(Path.Combine(folder, entry.Name));
                }
            }
            else if (!SkippedFolders.Contains(entry.Name))
            {
                Walk(Path.Combine(folder, entry.Name), found, listings);
            }
        }
    }

    internal readonly record struct Entry(string Name, bool IsFolder);

    private static IEnumerable<string> Names(List<Entry> entries, bool folders)
    {
        foreach (var entry in entries)
        {
            if (entry.IsFolder == folders)
            {
                yield return entry.Name;
            }
        }
    }

    /// <summary>
    /// Orders the entries of one folder as <see cref="string.CompareOrdinal(string, string)"/> orders the paths of the
    /// files under them: a file's path ends with its name, a folder's paths go on after its name with a separator. So a
    /// walk that takes each folder's entries in this order hands on every Dockerfile in the order of its full path.
    /// </summary>
    internal static int InPathOrder(Entry a, Entry b)
    {
        int common = Math.Min(a.Name.Length, b.Name.Length);
        int byName = string.CompareOrdinal(a.Name, 0, b.Name, 0, common);
        return byName != 0 ? byName : After(a, common).CompareTo(After(b, common));

        // What the path has at that index: the name's character, the separator Path.Combine puts after a folder, or
        // nothing (a file's path ends there, and ordinal order puts a string before every longer one it starts).
        static int After(Entry entry, int index) =>
            index < entry.Name.Length ? entry.Name[index] : entry.IsFolder ? Path.DirectorySeparatorChar : -1;
    }

    /// <summary>Every entry, hidden ones too, and an error for a folder that cannot be read: what DirectoryInfo's enumeration gives.</summary>
    private static readonly EnumerationOptions EveryEntry = new() { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false };
}
