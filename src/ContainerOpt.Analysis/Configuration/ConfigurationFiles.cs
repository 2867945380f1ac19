using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Requests;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Finds and reads the configuration files of one Dockerfile. Each kind — hadolint's <c>.hadolint.yaml</c> and
/// ContainerOpt's <c>containeropt.yaml</c> (or <c>.yml</c>/<c>.json</c>) — is taken from the nearest folder that has
/// one: the Dockerfile's folder, the build context when it is not above the Dockerfile, then each folder above the
/// Dockerfile up to the repository root (the first folder holding <c>.git</c>; the file system's root when there is
/// none). When no folder has a hadolint file, the first of the user's hadolint files (<see cref="UserConfigFiles"/>)
/// that exists is read, as hadolint reads it when its working folder has none. hadolint's file is read first, so
/// ContainerOpt's own settings win where both speak. This is the adapters' file access; the readers and the rules never
/// touch the disk.
/// </summary>
public static class ConfigurationFiles
{
    private static readonly string[] HadolintNames = { ".hadolint.yaml", ".hadolint.yml" };
    private static readonly string[] ContainerOptNames = { "containeropt.yaml", "containeropt.yml", "containeropt.json", ".containeropt.yaml" };

    /// <summary>What marks a repository's root: a folder, or a file in a worktree or submodule.</summary>
    private const string RepositoryMarker = ".git";

    private static readonly StringComparer PathComparer = Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The configuration files of a Dockerfile in <paramref name="dockerfileDirectory"/>, asking the disk.</summary>
    public static IReadOnlyList<string> Discover(string dockerfileDirectory, string? contextDirectory) =>
        Discover(dockerfileDirectory, contextDirectory, null, AnalysisRunCache.None);

    /// <summary>
    /// As <see cref="Discover(string, string)"/>, with the user's hadolint files to fall back on (null: none) and a
    /// run's cache of the folders answering whether each candidate is there (a folder is listed once per run, however
    /// many Dockerfiles ask) and remembering what each folder holds and the nearest files above it (sibling folders
    /// share the search above them).
    /// </summary>
    public static IReadOnlyList<string> Discover(string dockerfileDirectory, string? contextDirectory, IReadOnlyList<string>? userConfigFiles, AnalysisRunCache disk)
    {
        // The folders of SearchedFolders, nearest first: the Dockerfile's, the context when not one of those above, then
        // those above up to the repository root. Each kind is taken from the first folder that has one.
        var folder = disk.NormalizedFolder(dockerfileDirectory) ?? disk.Folder(Normalize(dockerfileDirectory));
        var found = Nearest(folder);
        if (!string.IsNullOrEmpty(contextDirectory))
        {
            string context = disk.NormalizedFolder(contextDirectory!)?.Path ?? Normalize(contextDirectory!);
            if (!IsSearched(folder, context))
            {
                var own = Own(folder);
                var inContext = Own(disk.Folder(context));
                var above = own.IsRepositoryRoot || folder.Parent is not { } parent ? FolderFiles.None : Nearest(parent);
                found = new FolderFiles(own.Hadolint ?? inContext.Hadolint ?? above.Hadolint, own.ContainerOpt ?? inContext.ContainerOpt ?? above.ContainerOpt,
                    own.IsRepositoryRoot);
            }
        }
        string? hadolint = found.Hadolint ?? disk.FirstExistingFile(userConfigFiles);
        string? containerOpt = found.ContainerOpt;
        return hadolint is null
            ? containerOpt is null ? Array.Empty<string>() : new[] { containerOpt }
            : containerOpt is null ? new[] { hadolint } : new[] { hadolint, containerOpt };
    }

    /// <summary>
    /// The files of each kind in <paramref name="folder"/> alone, and whether it is a repository's root: asked once per
    /// folder and run.
    /// </summary>
    private static FolderFiles Own(RunFolder folder)
    {
        if (Volatile.Read(ref folder.OwnConfiguration) is { } known)
        {
            return known;
        }
        var own = new FolderFiles(FirstIn(folder, HadolintNames), FirstIn(folder, ContainerOptNames), folder.HasEntry(RepositoryMarker));
        Volatile.Write(ref folder.OwnConfiguration, own);
        return own;
    }

    /// <summary>The nearest file of each kind from <paramref name="folder"/> up to the repository root: a folder's answer is its own, else its parent's.</summary>
    private static FolderFiles Nearest(RunFolder folder)
    {
        if (Volatile.Read(ref folder.NearestConfiguration) is { } known)
        {
            return known;
        }
        var own = Own(folder);
        var nearest = own;
        if ((own.Hadolint is null || own.ContainerOpt is null) && !own.IsRepositoryRoot && folder.Parent is { } parent)
        {
            var above = Nearest(parent);
            nearest = new FolderFiles(own.Hadolint ?? above.Hadolint, own.ContainerOpt ?? above.ContainerOpt, own.IsRepositoryRoot);
        }
        Volatile.Write(ref folder.NearestConfiguration, nearest);
        return nearest;
    }

    /// <summary>True when <paramref name="context"/> is one of the folders from <paramref name="folder"/> up to the repository root (compared as the file system compares paths).</summary>
    private static bool IsSearched(RunFolder folder, string context)
    {
        for (RunFolder? current = folder; current is not null; current = current.Parent)
        {
            if (PathComparer.Equals(current.Path, context))
            {
                return true;
            }
            if (Own(current).IsRepositoryRoot)
            {
                return false;
            }
        }
        return false;
    }

    private static string? FirstIn(RunFolder folder, string[] names)
    {
        foreach (var name in names)
        {
            if (folder.HasFile(name))
            {
                return Path.Combine(folder.Path, name);
            }
        }
        return null;
    }

    /// <summary>The configuration files of one kind and the other found in a folder (or from it upward), and whether the folder is a repository's root.</summary>
    internal sealed class FolderFiles
    {
        public static readonly FolderFiles None = new(null, null, false);

        public FolderFiles(string? hadolint, string? containerOpt, bool isRepositoryRoot)
        {
            Hadolint = hadolint;
            ContainerOpt = containerOpt;
            IsRepositoryRoot = isRepositoryRoot;
        }

        public string? Hadolint { get; }
        public string? ContainerOpt { get; }
        public bool IsRepositoryRoot { get; }
    }

    /// <summary>
    /// The folders searched for the configuration of a Dockerfile in <paramref name="dockerfileDirectory"/>, nearest
    /// first: that folder, the context when it is not one of the folders above, then the folders above up to the
    /// repository root (the first holding <c>.git</c>) or, outside a repository, the file system's root.
    /// </summary>
    public static IReadOnlyList<string> SearchedFolders(string dockerfileDirectory, string? contextDirectory, AnalysisRunCache disk)
    {
        var upward = new List<string>();
        for (string? folder = Normalize(dockerfileDirectory); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            upward.Add(folder);
            if (disk.Exists(Path.Combine(folder, RepositoryMarker)))
            {
                break;
            }
        }
        if (!string.IsNullOrEmpty(contextDirectory))
        {
            string context = Normalize(contextDirectory!);
            if (!upward.Contains(context, PathComparer))
            {
                upward.Insert(1, context);
            }
        }
        return upward;
    }

    /// <summary>
    /// hadolint's own configuration files outside any project, in the order hadolint tries them (its
    /// <c>Hadolint.Config.Configfile</c>): <c>$XDG_CONFIG_HOME/hadolint.yaml</c> (default <c>~/.config</c>;
    /// <c>%APPDATA%</c> on Windows), <c>~/.hadolint/hadolint.yaml</c> and <c>~/.hadolint/config.yaml</c>
    /// (<c>%APPDATA%\hadolint\…</c> on Windows), <c>~/.hadolint.yaml</c>; each also as <c>.yml</c>. Read from
    /// <paramref name="environment"/> (HOME, XDG_CONFIG_HOME, APPDATA, USERPROFILE), so a caller can point it elsewhere.
    /// </summary>
    public static IReadOnlyList<string> UserConfigFiles(Func<string, string?> environment, bool windows)
    {
        static string? Absolute(string? path) => string.IsNullOrWhiteSpace(path) || !Path.IsPathRooted(path) ? null : path;
        string? home = Absolute(environment(windows ? "USERPROFILE" : "HOME"));
        string? configHome, appData;
        if (windows)
        {
            configHome = appData = Absolute(environment("APPDATA"));
        }
        else
        {
            // XDG: a relative XDG_CONFIG_HOME is invalid and ignored.
            configHome = Absolute(environment("XDG_CONFIG_HOME")) ?? (home is null ? null : Path.Combine(home, ".config"));
            appData = home is null ? null : Path.Combine(home, ".hadolint");
        }
        var files = new List<string>();
        void Add(string? folder, params string[] names)
        {
            if (folder is not null)
            {
                files.AddRange(names.Select(n => Path.Combine(folder, n)));
            }
        }
        Add(configHome, "hadolint.yaml", "hadolint.yml");
        Add(windows && appData is not null ? Path.Combine(appData, "hadolint") : appData, "hadolint.yaml", "hadolint.yml", "config.yaml", "config.yml");
        Add(home, ".hadolint.yaml", ".hadolint.yml");
        return files;
    }

    private static string Normalize(string folder)
    {
        string full = Path.GetFullPath(folder);
        string trimmed = full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        // A root keeps its separator ("/", "C:\").
        return trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? full : trimmed;
    }

    /// <summary>
    /// True for hadolint's file by name (or a <c>config.yaml</c> in hadolint's own folder, <c>~/.hadolint/</c>);
    /// everything else is read as ContainerOpt's format.
    /// </summary>
    public static bool IsHadolintFile(string path) =>
        Path.GetFileName(path).IndexOf("hadolint", StringComparison.OrdinalIgnoreCase) >= 0
        || Path.GetFileName(Path.GetDirectoryName(path) ?? "").TrimStart('.').Equals("hadolint", StringComparison.OrdinalIgnoreCase);

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
