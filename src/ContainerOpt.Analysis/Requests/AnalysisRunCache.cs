using System.Collections.Concurrent;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.ShellCheck;

namespace ContainerOpt.Analysis.Requests;

/// <summary>
/// What the Dockerfiles of one run share, asked once per run instead of once per file: whether a path exists (one
/// listing per folder instead of a stat per question: the configuration files beside each Dockerfile and in its context,
/// the .dockerignore files, the COPY sources), a context's .dockerignore text, the configuration read from a set of
/// files, each .editorconfig and .globalconfig file, the ShellCheck on PATH. For one process that lints many files (the CLI); the MSBuild task, whose process
/// outlives the files it reads, uses <see cref="None"/>, which answers every question from the disk and remembers nothing.
/// Safe to share between threads. The answers are those of the disk when
/// first asked: a file created during the run may be missed, as it would be by a run that had looked a moment earlier.
/// </summary>
public sealed class AnalysisRunCache
{
    private readonly ConcurrentDictionary<string, Listing> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Configured> _configurations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Located> _shellChecks = new(StringComparer.Ordinal);
    private readonly bool _remembers;

    public AnalysisRunCache()
        : this(remembers: true)
    {
    }

    private AnalysisRunCache(bool remembers) => _remembers = remembers;

    /// <summary>Asks the disk each time and remembers nothing: the loading of one file alone, and the MSBuild task.</summary>
    public static AnalysisRunCache None { get; } = new(remembers: false);

    /// <summary>What <c>File.Exists</c> answers for <paramref name="path"/>.</summary>
    public bool FileExists(string path) => Lookup(path) switch
    {
        EntryKind.Missing or EntryKind.Directory => false,
        _ => File.Exists(path),
    };

    /// <summary>What <c>Directory.Exists</c> answers for <paramref name="path"/>.</summary>
    public bool DirectoryExists(string path) => Lookup(path) switch
    {
        EntryKind.Directory => true,
        EntryKind.Missing => false,
        _ => Directory.Exists(path),
    };

    /// <summary>What <c>File.Exists(path) || Directory.Exists(path)</c> answers.</summary>
    public bool Exists(string path) => Lookup(path) switch
    {
        EntryKind.Directory => true,
        EntryKind.Missing => false,
        _ => File.Exists(path) || Directory.Exists(path),
    };

    /// <summary>
    /// Takes a listing the caller made anyway (the CLI's search of the folders it was given for Dockerfiles), so the
    /// questions about that folder need no listing of their own: <paramref name="folders"/> are the entries that are
    /// folders (or links to folders), <paramref name="others"/> the rest, by name.
    /// </summary>
    public void AddListing(string folder, IEnumerable<string> folders, IEnumerable<string> others)
    {
        if (!_remembers)
        {
            return;
        }
        var entries = new Dictionary<string, EntryKind>(StringComparer.Ordinal);
        var folded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in others)
        {
            entries[name] = EntryKind.NotDirectory;
            folded.Add(name);
        }
        foreach (var name in folders)
        {
            entries[name] = EntryKind.Directory;
            folded.Add(name);
        }
        _listings.TryAdd(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), new Listing(entries, folded, unreadable: false));
    }

    /// <summary>The text of a file read once per run (null when it cannot be read: the caller then reads it itself and reports why).</summary>
    internal string? ReadText(string path) => _remembers ? _texts.GetOrAdd(path, ReadOrNull) : ReadOrNull(path);

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The options and problems of a set of configuration files with the caller's mode and PATH, read once per run. The
    /// options are shared by every Dockerfile they apply to: the analysis only reads them.
    /// </summary>
    internal Configured Configure(IReadOnlyList<string> configFiles, Core.Diagnostics.AnalysisMode? mode, string? searchPath, Func<Configured> read) =>
        _remembers ? _configurations.GetOrAdd(string.Join("\n", configFiles) + "\n" + (mode?.ToString() ?? "-") + "\n" + (searchPath ?? "\0process"), _ => read()) : read();

    /// <summary>The ShellCheck on a PATH, located once per run and PATH.</summary>
    internal Located LocateShellCheck(string? searchPath) =>
        _remembers ? _shellChecks.GetOrAdd(searchPath ?? "\0process", _ => Locate(searchPath)) : Locate(searchPath);

    private static Located Locate(string? searchPath)
    {
        var tool = ShellCheckLocator.Locate(searchPath, out var note, out var problem);
        return new Located(tool, note, problem);
    }

    /// <summary>An .editorconfig or global AnalyzerConfig file read once per run: the Dockerfiles of a repository share them.</summary>
    internal EditorConfigDocument ReadEditorConfig(string path) =>
        _remembers ? _editorConfigs.GetOrAdd(path, EditorConfigFiles.Read) : EditorConfigFiles.Read(path);

    private readonly ConcurrentDictionary<string, EditorConfigDocument> _editorConfigs = new(StringComparer.Ordinal);

    /// <summary>The options of a set of configuration files, their problems, and what became of ShellCheck.</summary>
    internal sealed class Configured
    {
        public Configured(AnalysisOptions options, IReadOnlyList<Core.Diagnostics.Finding> problems, string shellCheckNote, (string Path, string Reason)? shellCheckProblem)
        {
            Options = options;
            Problems = problems;
            ShellCheckNote = shellCheckNote;
            ShellCheckProblem = shellCheckProblem;
        }

        public AnalysisOptions Options { get; }
        public IReadOnlyList<Core.Diagnostics.Finding> Problems { get; }
        public string ShellCheckNote { get; }
        public (string Path, string Reason)? ShellCheckProblem { get; }
    }

    internal sealed class Located
    {
        public Located(ShellCheckTool? tool, string note, (string Path, string Reason)? problem)
        {
            Tool = tool;
            Note = note;
            Problem = problem;
        }

        public ShellCheckTool? Tool { get; }
        public string Note { get; }
        public (string Path, string Reason)? Problem { get; }
    }

    private enum EntryKind
    {
        /// <summary>Not known from a listing: ask the disk.</summary>
        Unknown,
        Missing,

        /// <summary>Listed, and not listed as a folder: a file, or a link (which the disk may find dangling: ask it).</summary>
        NotDirectory,

        /// <summary>A folder, or a link to one.</summary>
        Directory,
    }

    /// <summary>
    /// What a listing of the path's folder says of it: Missing settles the question (a name the listing lacks does not
    /// exist), and Directory settles it for the folder questions; whatever else the listing holds is confirmed by the disk
    /// (a link may dangle, or point to a folder). Anything a listing cannot settle is Unknown: paths that are not plain (relative, '.', '..',
    /// a trailing separator, non-ASCII names that a file system may normalise), a name that differs only in case from
    /// an entry (the file system may ignore case), folders that cannot be listed.
    /// </summary>
    private EntryKind Lookup(string path)
    {
        string? folder;
        string name;
        try
        {
            if (!_remembers || path is null || !IsPlain(path))
            {
                return EntryKind.Unknown;
            }
            folder = Path.GetDirectoryName(path);
            name = Path.GetFileName(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return EntryKind.Unknown; // the disk's own answer (File.Exists says false) stands
        }
        if (string.IsNullOrEmpty(folder) || name.Length == 0)
        {
            return EntryKind.Unknown;
        }
        var listing = _listings.GetOrAdd(folder!, List);
        if (listing.Unreadable)
        {
            return EntryKind.Unknown;
        }
        if (listing.Entries is null)
        {
            return EntryKind.Missing;
        }
        if (listing.Entries.TryGetValue(name, out var kind))
        {
            return kind;
        }
        return listing.Folded!.Contains(name) ? EntryKind.Unknown : EntryKind.Missing;
    }

    private static bool IsPlain(string path)
    {
        if (!Path.IsPathRooted(path) || path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || path.EndsWith(Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal))
        {
            return false;
        }
        foreach (char c in path)
        {
            if (c > 0x7E || c < 0x20 || c == '*' || c == '?')
            {
                return false;
            }
        }
        if (Path.DirectorySeparatorChar != '/')
        {
            // Windows: whatever Path.GetFullPath would change (separators, '.', '..', trailing dots, device forms) is not plain.
            return string.Equals(Path.GetFullPath(path), path, StringComparison.Ordinal);
        }
        // Unix: what Path.GetFullPath changes in a rooted path is doubled separators and '.' and '..' segments.
        return path.IndexOf("//", StringComparison.Ordinal) < 0 && path.IndexOf("/./", StringComparison.Ordinal) < 0
            && path.IndexOf("/../", StringComparison.Ordinal) < 0 && !path.EndsWith("/.", StringComparison.Ordinal)
            && !path.EndsWith("/..", StringComparison.Ordinal);
    }

    private static Listing List(string folder)
    {
        try
        {
            if (!Directory.Exists(folder))
            {
                return Listing.Missing;
            }
            // One pass, no stat per entry: enumeration tells folders (links to folders included, as Directory.Exists
            // follows links) from the rest.
            var entries = new Dictionary<string, EntryKind>(StringComparer.Ordinal);
            var folded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var info in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                entries[info.Name] = info is DirectoryInfo ? EntryKind.Directory : EntryKind.NotDirectory;
                folded.Add(info.Name);
            }
            return new Listing(entries, folded, unreadable: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return Listing.CannotList;
        }
    }

    private sealed class Listing
    {
        public static readonly Listing Missing = new(null, null, unreadable: false);
        public static readonly Listing CannotList = new(null, null, unreadable: true);

        public Listing(Dictionary<string, EntryKind>? entries, HashSet<string>? folded, bool unreadable)
        {
            Entries = entries;
            Folded = folded;
            Unreadable = unreadable;
        }

        /// <summary>The folder's entries by exact name; null when the folder does not exist.</summary>
        public Dictionary<string, EntryKind>? Entries { get; }

        /// <summary>The same names, compared ignoring case.</summary>
        public HashSet<string>? Folded { get; }

        public bool Unreadable { get; }
    }
}
