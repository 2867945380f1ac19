namespace ContainerOpt.Core.Projects;

/// <summary>
/// Finds the restore inputs that live above a project rather than in it: the nearest NuGet.config
/// and global.json, searching upward and stopping at the repository root (the folder with .git).
/// The adapters (CLI, MSBuild task) call this; rules never touch the disk.
/// </summary>
public static class RestoreInputFiles
{
    public static IReadOnlyList<string> FindUpward(string startDirectory, params string[] fileNames)
    {
        var found = new List<string>();
        var pending = new HashSet<string>(fileNames, StringComparer.OrdinalIgnoreCase);
        for (var dir = new DirectoryInfo(startDirectory); dir is not null && pending.Count > 0; dir = dir.Parent)
        {
            FileSystemInfo[] entries;
            try
            {
                entries = dir.GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                break;
            }
            foreach (var entry in entries)
            {
                if (entry is FileInfo && pending.Contains(entry.Name))
                {
                    pending.Remove(entry.Name);
                    found.Add(entry.FullName);
                }
            }
            if (entries.Any(e => e.Name == ".git"))
            {
                break; // the repository root: above it is someone else's
            }
        }
        return found;
    }

    /// <summary>
    /// Every file restore of these projects reads besides the project files: the imports already known
    /// (from an evaluation, or the properties MSBuild passes a task), and for each project the nearest
    /// Directory.Build.props/.targets, Directory.Packages.props, NuGet.config and global.json above it.
    /// Sorted, existing files only. The CLI and the MSBuild task both build a project's restore inputs here.
    /// </summary>
    public static IReadOnlyList<string> ForProjects(IEnumerable<string> projectPaths, IEnumerable<string> knownImports)
    {
        var inputs = new SortedSet<string>(knownImports.Where(File.Exists), StringComparer.Ordinal);
        foreach (var project in projectPaths)
        {
            string? directory = Path.GetDirectoryName(project);
            if (directory is not null)
            {
                inputs.UnionWith(FindUpward(directory, "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "nuget.config", "global.json"));
            }
        }
        return inputs.ToArray();
    }

    /// <summary>NuGet.config and global.json that restore of this project reads.</summary>
    public static IReadOnlyList<string> NuGetConfigAndGlobalJson(string projectDirectory) =>
        FindUpward(projectDirectory, "nuget.config", "global.json");

    /// <summary>
    /// The local folders the given NuGet.config files list under packageSources (a feed of .nupkg files
    /// checked into the repository, say), as full paths of existing folders. URLs, missing folders and
    /// unreadable configs are skipped: restore itself reports those.
    /// </summary>
    public static IReadOnlyList<string> LocalPackageSources(IEnumerable<string> restoreInputs)
    {
        var folders = new List<string>();
        foreach (var config in restoreInputs.Where(p => string.Equals(Path.GetFileName(p), "nuget.config", StringComparison.OrdinalIgnoreCase)))
        {
            System.Xml.Linq.XDocument document;
            try
            {
                document = System.Xml.Linq.XDocument.Load(config);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
            {
                continue;
            }
            var sources = document.Root?.Element("packageSources");
            if (sources is null)
            {
                continue;
            }
            foreach (var add in sources.Elements("add"))
            {
                string? value = add.Attribute("value")?.Value;
                if (string.IsNullOrWhiteSpace(value) || value!.Contains("://"))
                {
                    continue;
                }
                string folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(config)!, value.Replace('\\', Path.DirectorySeparatorChar)));
                if (Directory.Exists(folder) && !folders.Contains(folder, StringComparer.Ordinal))
                {
                    folders.Add(folder);
                }
            }
        }
        return folders;
    }

    /// <summary>
    /// The SDK the global.json nearest the project pins (the one the SDK's upward search finds first), or null when none
    /// pins a version or it cannot be read. The adapters call this; the rules and the generator read the result.
    /// </summary>
    public static DotNet.SdkPin? SdkPin(string projectDirectory, IEnumerable<string> restoreInputs)
    {
        string project = Path.GetFullPath(projectDirectory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var nearest = restoreInputs
            .Where(p => string.Equals(Path.GetFileName(p), "global.json", StringComparison.OrdinalIgnoreCase))
            .Select(p => (Path: p, Directory: Path.GetDirectoryName(Path.GetFullPath(p))!.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar))
            .Where(g => project.StartsWith(g.Directory, StringComparison.Ordinal))
            .OrderByDescending(g => g.Directory.Length)
            .FirstOrDefault();
        if (nearest.Path is null)
        {
            return null;
        }
        try
        {
            return DotNet.SdkPin.Parse(File.ReadAllText(nearest.Path), nearest.Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
