using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Finds and reads the .editorconfig and global AnalyzerConfig files of one Dockerfile, the same for the MSBuild task and
/// the CLI: every <c>.editorconfig</c> from the Dockerfile's folder upward to the first with <c>root = true</c> (or the file
/// system's root), every <c>.globalconfig</c> in the Dockerfile's folder, the project's folder and the folders above them
/// (where the .NET SDK looks for a project: the folders of its sources and above), and the files the project lists
/// (MSBuild's <c>@(EditorConfigFiles)</c> and <c>@(GlobalAnalyzerConfigFiles)</c>: packages' and users' global files). Each
/// file is then what its content says, as in the compiler: global when named <c>.globalconfig</c> or with
/// <c>is_global</c>; an .editorconfig applies when it stands in the Dockerfile's folder or above, the closest winning and
/// a <c>root = true</c> one hiding those above it. A file named twice is read once. This is the adapters' file access: the
/// readers never touch the disk.
/// </summary>
public static class EditorConfigFiles
{
    /// <summary>
    /// The settings that apply to <paramref name="dockerfile"/> (a full path). <paramref name="fileExists"/> and
    /// <paramref name="read"/> answer for the disk (a run's cache shares them between Dockerfiles).
    /// </summary>
    public static EditorConfigLoad Load(string dockerfile, string? projectDirectory, IEnumerable<string>? projectFiles,
        Func<string, bool> fileExists, Func<string, EditorConfigDocument> read)
    {
        var seen = new HashSet<string>(PathComparer);
        var documents = new List<EditorConfigDocument>();
        void Add(string path)
        {
            if (seen.Add(path) && fileExists(path))
            {
                documents.Add(read(path));
            }
        }

        string folder = Path.GetDirectoryName(dockerfile) ?? dockerfile;
        foreach (var directory in SelfAndAbove(folder))
        {
            string path = Path.Combine(directory, EditorConfigReader.EditorConfigName);
            Add(path);
            if (documents.Count > 0 && documents[documents.Count - 1].Path == path && documents[documents.Count - 1].IsRoot && !documents[documents.Count - 1].IsGlobal)
            {
                break;
            }
        }
        var globalFolders = SelfAndAbove(folder);
        if (!string.IsNullOrEmpty(projectDirectory))
        {
            globalFolders = globalFolders.Concat(SelfAndAbove(projectDirectory!));
        }
        foreach (var directory in globalFolders)
        {
            Add(Path.Combine(directory, EditorConfigReader.GlobalConfigName));
        }
        foreach (var listed in projectFiles ?? Array.Empty<string>())
        {
            if (!string.IsNullOrWhiteSpace(listed))
            {
                Add(Full(listed.Trim()));
            }
        }
        return Resolve(dockerfile, documents);
    }

    /// <summary>The settings of <paramref name="documents"/> (every file found, in any order) for the file at <paramref name="dockerfile"/>.</summary>
    public static EditorConfigLoad Resolve(string dockerfile, IReadOnlyList<EditorConfigDocument> documents)
    {
        string path = EditorConfigPaths.Normalize(dockerfile);
        var globals = documents.Where(d => d.IsGlobal).ToList();
        // The .editorconfig files above the Dockerfile from the farthest to the closest; a root one hides those before it.
        var editorConfigs = documents.Where(d => !d.IsGlobal && RelativePath(d.Directory, path, out _))
            .OrderBy(d => d.Directory.Length).ToList();
        int root = editorConfigs.FindLastIndex(d => d.IsRoot);
        if (root > 0)
        {
            editorConfigs.RemoveRange(0, root);
        }
        var merged = globals.Count == 0 ? GlobalAnalyzerConfig.Empty : GlobalConfigReader.Merge(globals);
        var problems = globals.Concat(editorConfigs).SelectMany(d => d.Problems).Concat(merged.Problems).ToList();
        return new EditorConfigLoad(
            documents.Select(d => d.Path).OrderBy(p => p, StringComparer.Ordinal).ToArray(),
            EditorConfigSeverities.For(dockerfile, merged, editorConfigs),
            problems);
    }

    /// <summary>Reads a file from disk; one that cannot be read is a document with nothing in it and a COPT0018 warning that says why.</summary>
    public static EditorConfigDocument Read(string path)
    {
        try
        {
            return EditorConfigReader.Read(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            var document = EditorConfigReader.Read("", path);
            return EditorConfigReader.WithProblem(document, EditorConfigReader.Problem(path, 1, 1, 1, 0, 0, "the file cannot be read: " + e.Message + " Its settings are ignored."));
        }
    }

    /// <summary>
    /// The path of <paramref name="file"/> relative to <paramref name="directory"/> (both '/'-separated), starting with
    /// '/', as the compiler matches sections; false when the file is not in that folder or below.
    /// </summary>
    internal static bool RelativePath(string directory, string file, out string relative)
    {
        relative = "";
        string prefix = directory.EndsWith("/", StringComparison.Ordinal) ? directory : directory + "/";
        if (!file.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        relative = file.Substring(prefix.Length - 1);
        return true;
    }

    private static IEnumerable<string> SelfAndAbove(string directory)
    {
        for (string? current = Full(directory); !string.IsNullOrEmpty(current); current = Path.GetDirectoryName(current))
        {
            yield return current!;
        }
    }

    private static string Full(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return path;
        }
    }

    /// <summary>Paths compare as the file system does: ignoring case on Windows.</summary>
    private static StringComparer PathComparer => Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
}

/// <summary>The .editorconfig and global AnalyzerConfig files of one Dockerfile: the files read, what they set, and their problems.</summary>
public sealed class EditorConfigLoad
{
    public static EditorConfigLoad Empty { get; } = new(Array.Empty<string>(), EditorConfigSeverities.None, Array.Empty<Finding>());

    public EditorConfigLoad(IReadOnlyList<string> files, EditorConfigSeverities severities, IReadOnlyList<Finding> problems)
    {
        Files = files;
        Severities = severities;
        Problems = problems;
    }

    /// <summary>Every file read (full paths, in ordinal order): inputs of the analysis, whether or not it applies.</summary>
    public IReadOnlyList<string> Files { get; }

    public EditorConfigSeverities Severities { get; }

    /// <summary>COPT0018 warnings of the files that apply.</summary>
    public IReadOnlyList<Finding> Problems { get; }
}
