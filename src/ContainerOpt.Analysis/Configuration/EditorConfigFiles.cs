using ContainerOpt.Analysis.Requests;
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
    /// The settings that apply to <paramref name="dockerfile"/> (a full path). <paramref name="disk"/> answers for the
    /// disk: a run's cache lists each folder once, reads each file once, and remembers the files found from each folder
    /// upward, so the Dockerfiles of a folder and the folders under a common parent share the search.
    /// </summary>
    public static EditorConfigLoad Load(string dockerfile, string? projectDirectory, IEnumerable<string>? projectFiles, AnalysisRunCache disk) =>
        Load(dockerfile, Path.GetDirectoryName(dockerfile) ?? dockerfile, projectDirectory, projectFiles, disk);

    /// <summary>As the public Load, <paramref name="directory"/> the Dockerfile's folder as the caller already cut it.</summary>
    internal static EditorConfigLoad Load(string dockerfile, string directory, string? projectDirectory, IEnumerable<string>? projectFiles, AnalysisRunCache disk)
    {
        var folder = disk.NormalizedFolder(directory) ?? disk.Folder(Full(directory));
        var editorConfigs = EditorConfigsFrom(folder, disk).Documents;
        var globalConfigs = GlobalConfigsFrom(folder, disk).Documents;
        bool fromProject = !string.IsNullOrEmpty(projectDirectory) || projectFiles is not null;
        if (!fromProject && editorConfigs.Length == 0 && globalConfigs.Length == 0)
        {
            return EditorConfigLoad.Empty;
        }
        var documents = new List<EditorConfigDocument>(editorConfigs.Length + globalConfigs.Length);
        documents.AddRange(editorConfigs);
        documents.AddRange(globalConfigs);
        if (fromProject)
        {
            // A file named again (the project's folder above the Dockerfile's, a listed file already found) is read once:
            // every path the searches above asked for, found or not, is taken.
            var seen = new HashSet<string>(PathComparer);
            for (var current = folder; current is not null && current.Path.Length > 0; current = current.Parent)
            {
                seen.Add(Path.Combine(current.Path, EditorConfigReader.EditorConfigName));
                if (EditorConfigsFrom(current, disk).Own is { IsRoot: true, IsGlobal: false })
                {
                    break;
                }
            }
            for (var current = folder; current is not null && current.Path.Length > 0; current = current.Parent)
            {
                seen.Add(Path.Combine(current.Path, EditorConfigReader.GlobalConfigName));
            }
            void Add(string path)
            {
                if (seen.Add(path) && disk.FileExists(path))
                {
                    documents.Add(disk.ReadEditorConfig(path));
                }
            }
            if (!string.IsNullOrEmpty(projectDirectory))
            {
                for (var current = disk.Folder(Full(projectDirectory!)); current is not null && current.Path.Length > 0; current = current.Parent)
                {
                    Add(Path.Combine(current.Path, EditorConfigReader.GlobalConfigName));
                }
            }
            foreach (var listed in projectFiles ?? Array.Empty<string>())
            {
                if (!string.IsNullOrWhiteSpace(listed))
                {
                    Add(Full(listed.Trim()));
                }
            }
        }
        return Resolve(dockerfile, documents);
    }

    /// <summary>
    /// The .editorconfig files from <paramref name="folder"/> upward, the closest first, up to and with the first that
    /// says <c>root = true</c> (none above it is read): the folder's own, then its parent's answer.
    /// </summary>
    private static Chain EditorConfigsFrom(RunFolder folder, AnalysisRunCache disk)
    {
        if (Volatile.Read(ref folder.EditorConfigs) is { } known)
        {
            return known;
        }
        var own = ReadIn(folder, EditorConfigReader.EditorConfigName, disk);
        Chain chain;
        if (own is { IsRoot: true, IsGlobal: false })
        {
            chain = new Chain(own, new[] { own });
        }
        else
        {
            var above = folder.Parent is { Path.Length: > 0 } parent ? EditorConfigsFrom(parent, disk).Documents : Array.Empty<EditorConfigDocument>();
            chain = new Chain(own, Prepend(own, above));
        }
        Volatile.Write(ref folder.EditorConfigs, chain);
        return chain;
    }

    /// <summary>The .globalconfig files from <paramref name="folder"/> up to the file system's root, the closest first.</summary>
    private static Chain GlobalConfigsFrom(RunFolder folder, AnalysisRunCache disk)
    {
        if (Volatile.Read(ref folder.GlobalConfigs) is { } known)
        {
            return known;
        }
        var own = ReadIn(folder, EditorConfigReader.GlobalConfigName, disk);
        var above = folder.Parent is { Path.Length: > 0 } parent ? GlobalConfigsFrom(parent, disk).Documents : Array.Empty<EditorConfigDocument>();
        var chain = new Chain(own, Prepend(own, above));
        Volatile.Write(ref folder.GlobalConfigs, chain);
        return chain;
    }

    private static EditorConfigDocument? ReadIn(RunFolder folder, string name, AnalysisRunCache disk) =>
        folder.Path.Length > 0 && folder.HasFile(name) ? disk.ReadEditorConfig(Path.Combine(folder.Path, name)) : null;

    private static EditorConfigDocument[] Prepend(EditorConfigDocument? first, EditorConfigDocument[] rest)
    {
        if (first is null)
        {
            return rest;
        }
        var documents = new EditorConfigDocument[rest.Length + 1];
        documents[0] = first;
        Array.Copy(rest, 0, documents, 1, rest.Length);
        return documents;
    }

    /// <summary>A folder's own file of one name (null: none) and the files of that name from it upward, the closest first.</summary>
    internal sealed class Chain
    {
        public Chain(EditorConfigDocument? own, EditorConfigDocument[] documents)
        {
            Own = own;
            Documents = documents;
        }

        public EditorConfigDocument? Own { get; }
        public EditorConfigDocument[] Documents { get; }
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
