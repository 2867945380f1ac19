using System.Collections.Concurrent;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.ShellCheck;

namespace ContainerOpt.Analysis.Requests;

/// <summary>
/// What the Dockerfiles of one run share, asked once per run instead of once per file: whether a path exists (one
/// listing per folder asked about more than a few names, instead of a stat per question: the configuration files beside each Dockerfile and in its context,
/// the .dockerignore files, the COPY sources; a path under a folder that a listing lacks needs no question of its own),
/// what each folder holds of configuration and the nearest files above it (<see cref="RunFolder"/>: the Dockerfiles of a
/// folder, and the folders under a common parent, share the search upward), a context's .dockerignore text, the
/// configuration read from a set of files, each .editorconfig and .globalconfig file, the ShellCheck on PATH. For one process that lints many files (the CLI); the MSBuild task, whose process
/// outlives the files it reads, uses <see cref="None"/>, which answers every question from the disk and remembers nothing.
/// Safe to share between threads. The answers are those of the disk when
/// first asked: a file created during the run may be missed, as it would be by a run that had looked a moment earlier.
/// </summary>
public sealed class AnalysisRunCache
{
    private readonly ConcurrentDictionary<string, RunFolder> _folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Configured> _configurations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Located> _shellChecks = new(StringComparer.Ordinal);
    private int _foldersListed;
    private readonly bool _remembers;

    /// <summary>A new folder, as one delegate for every lookup (a method group would allocate one per call).</summary>
    private readonly Func<string, RunFolder> _newFolder;

    /// <summary>The user's hadolint files last asked about, and the first of them that exists.</summary>
    private FirstFile? _firstUserFile;

    public AnalysisRunCache()
        : this(remembers: true)
    {
    }

    private AnalysisRunCache(bool remembers)
    {
        _remembers = remembers;
        _newFolder = path => new RunFolder(this, path);
    }

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

    /// <summary>
    /// What <c>File.Exists(Path.Combine(folder, name))</c> answers, for a file name: asked of the folder's listing by the
    /// name, without the path joined and cut again.
    /// </summary>
    internal bool FileExists(string folder, string name) => FileExists(Folder(folder), name);

    /// <summary>What <c>File.Exists(path) || Directory.Exists(path)</c> answers.</summary>
    public bool Exists(string path) => Lookup(path) switch
    {
        EntryKind.Directory => true,
        EntryKind.Missing => false,
        _ => File.Exists(path) || Directory.Exists(path),
    };

    /// <summary>
    /// What <see cref="Exists(string)"/> answers of <paramref name="relative"/> ('/'-separated) in <paramref name="folder"/>:
    /// the folders on the way are asked of the listings, so a path under a folder that is not there (<c>src/Api/Api.csproj</c>
    /// where the context has no <c>src</c>) is settled by the listing above it.
    /// </summary>
    internal bool Exists(string folder, string relative)
    {
        if (_remembers && Path.DirectorySeparatorChar == '/')
        {
            var current = Folder(folder);
            for (int start = 0; ;)
            {
                int slash = relative.IndexOf('/', start);
                string name = slash < 0 ? relative.Substring(start) : relative.Substring(start, slash - start);
                if (!IsPlainName(name))
                {
                    break;
                }
                if (slash < 0)
                {
                    return Exists(current, name);
                }
                var kind = Lookup(current, name);
                if (kind == EntryKind.Missing)
                {
                    return false;
                }
                if (kind != EntryKind.Directory)
                {
                    break;
                }
                current = Folder(Path.Combine(current.Path, name));
                start = slash + 1;
            }
        }
        return Exists(Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar)));
    }

    /// <summary>
    /// True when the listing of the path's folder has it as a file or link (the disk would confirm it exists unless the
    /// link dangles), false when the listing settles that <see cref="FileExists(string)"/> is false, null when no listing tells.
    /// </summary>
    internal bool? ListedAsFile(string path) => Lookup(path) switch
    {
        EntryKind.Missing or EntryKind.Directory => false,
        EntryKind.NotDirectory => true,
        _ => null,
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
        foreach (var name in others)
        {
            entries[name] = EntryKind.NotDirectory;
        }
        foreach (var name in folders)
        {
            entries[name] = EntryKind.Directory;
        }
        var known = Folder(FullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        Interlocked.CompareExchange(ref known.Listing, new Listing(entries, unreadable: false), null);
    }

    /// <summary>
    /// What <c>Path.GetFullPath</c> answers, with the working folder read once per run (a run does not change it) where
    /// each relative path asked the system for it again, and a plain full path given back as it is (GetFullPath's walk
    /// over its characters, for every Dockerfile and its context, was a hundredth of a lint of many files) (Unix;
    /// elsewhere, and for <see cref="None"/>, as GetFullPath).
    /// </summary>
    internal string FullPath(string path)
    {
        if (!_remembers || Path.DirectorySeparatorChar != '/' || string.IsNullOrEmpty(path))
        {
            return Path.GetFullPath(path);
        }
        if (IsPlainUnixPath(path))
        {
            return path;
        }
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        var working = Volatile.Read(ref _workingFolder);
        if (working is null)
        {
            working = Directory.GetCurrentDirectory();
            Volatile.Write(ref _workingFolder, working);
        }
        // As GetFullPath does on Unix: the relative path joined to the working folder, then normalised.
        return Path.GetFullPath(Path.Combine(working, path));
    }

    private string? _workingFolder;

    /// <summary>
    /// The folder at <paramref name="path"/> when the path is already what <c>Path.GetFullPath</c> would make of it with
    /// any trailing separator trimmed (a plain path on Unix, decided once per folder), else null: the searches that
    /// normalise a folder's path for every Dockerfile skip it for the folders they have seen.
    /// </summary>
    internal RunFolder? NormalizedFolder(string path)
    {
        if (!_remembers || Path.DirectorySeparatorChar != '/' || string.IsNullOrEmpty(path))
        {
            return null;
        }
        var folder = Folder(path);
        return IsListable(folder) ? folder : null;
    }

    /// <summary>
    /// The folder at <paramref name="path"/> (its exact spelling): one per path for the run, so that what is found in it
    /// and above it is found once; a new one each time for <see cref="None"/>.
    /// </summary>
    internal RunFolder Folder(string path) => _remembers ? _folders.GetOrAdd(path, _newFolder) : new RunFolder(this, path);

    /// <summary>The first of <paramref name="files"/> that exists (the user's hadolint files), asked once per run while the list is the same.</summary>
    internal string? FirstExistingFile(IReadOnlyList<string>? files)
    {
        if (files is null)
        {
            return null;
        }
        if (_remembers && Volatile.Read(ref _firstUserFile) is { } known && known.IsFor(files))
        {
            return known.First;
        }
        string? first = null;
        foreach (var file in files)
        {
            if (FileExists(file))
            {
                first = file;
                break;
            }
        }
        if (_remembers)
        {
            Volatile.Write(ref _firstUserFile, new FirstFile(files, first));
        }
        return first;
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
    /// <remarks>
    /// <paramref name="read"/> is given the question (a static method: no closure per Dockerfile, where nearly every
    /// question is answered by the last few asked).
    /// </remarks>
    internal Configured Configure(IReadOnlyList<string> configFiles, Core.Diagnostics.AnalysisMode? mode, Configuration.ConfigurationOverrides? overrides,
        string? searchPath, ReadConfiguration read)
    {
        if (!_remembers)
        {
            return read(configFiles, mode, overrides, searchPath, this);
        }
        // The files of a run share a few configurations (often none), taking turns: the last few asked answer without
        // building their key.
        foreach (var known in _recentConfigurations.Items)
        {
            if (known.IsFor(configFiles, mode, overrides, searchPath))
            {
                return known.Configured;
            }
        }
        return ConfigureAnew(configFiles, mode, overrides, searchPath, read);
    }

    /// <summary>Reads a set of configuration files (<see cref="Configure"/>) with the caller's mode, overrides and PATH.</summary>
    internal delegate Configured ReadConfiguration(IReadOnlyList<string> configFiles, Core.Diagnostics.AnalysisMode? mode,
        Configuration.ConfigurationOverrides? overrides, string? searchPath, AnalysisRunCache cache);

    /// <summary>A configuration none of the last few asked for: by its key, read at most once per run (a method of its own: its closure is made only here).</summary>
    private Configured ConfigureAnew(IReadOnlyList<string> configFiles, Core.Diagnostics.AnalysisMode? mode, Configuration.ConfigurationOverrides? overrides,
        string? searchPath, ReadConfiguration read)
    {
        var configured = _configurations.GetOrAdd(ConfigurationKey(configFiles, mode, overrides, searchPath), _ => read(configFiles, mode, overrides, searchPath, this));
        _recentConfigurations.Add(new LastConfiguration(configFiles, mode, overrides, searchPath, configured));
        return configured;
    }

    /// <summary>The configurations last asked for and what each was asked with, the latest first.</summary>
    private readonly Core.Collections.RecentlyUsed<LastConfiguration> _recentConfigurations = new(capacity: 8);

    /// <summary>
    /// A configuration and the question that gave it (one of the last asked): the same files (by their paths), mode, overrides and PATH give the
    /// same answer, as <see cref="ConfigurationKey"/> tells. The files and the overrides are copied, so a caller that changes
    /// its list or its overrides asks again.
    /// </summary>
    private sealed class LastConfiguration
    {
        private readonly string[] _files;
        private readonly Core.Diagnostics.AnalysisMode? _mode;
        /// <summary>A copy of the overrides, null when they set nothing.</summary>
        private readonly Configuration.ConfigurationOverrides? _overrides;
        private readonly string? _searchPath;

        public LastConfiguration(IReadOnlyList<string> files, Core.Diagnostics.AnalysisMode? mode, Configuration.ConfigurationOverrides? overrides,
            string? searchPath, Configured configured)
        {
            _files = files.Count == 0 ? Array.Empty<string>() : files.ToArray();
            _mode = mode;
            _overrides = overrides is null || overrides.IsEmpty ? null : overrides.Copy();
            _searchPath = searchPath;
            Configured = configured;
        }

        public Configured Configured { get; }

        public bool IsFor(IReadOnlyList<string> files, Core.Diagnostics.AnalysisMode? mode, Configuration.ConfigurationOverrides? overrides, string? searchPath)
        {
            if (files.Count != _files.Length || mode != _mode || !string.Equals(searchPath, _searchPath, StringComparison.Ordinal))
            {
                return false;
            }
            bool setsNothing = overrides is null || overrides.IsEmpty;
            if (setsNothing != (_overrides is null) || !setsNothing && !overrides!.SetsTheSameAs(_overrides!))
            {
                return false;
            }
            for (int i = 0; i < _files.Length; i++)
            {
                if (!string.Equals(files[i], _files[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
    }

    /// <summary>What tells one configuration of a run from another; overrides that set nothing give what none give.</summary>
    private static string ConfigurationKey(IReadOnlyList<string> configFiles, Core.Diagnostics.AnalysisMode? mode, Configuration.ConfigurationOverrides? overrides,
        string? searchPath)
    {
        string files = configFiles.Count switch
        {
            0 => "",
            1 => configFiles[0],
            _ => string.Join("\n", configFiles),
        };
        string named = mode is { } m ? ((int)m).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        string set = overrides is null || overrides.IsEmpty ? "-" : overrides.Describe();
        return files + "\n" + named + "\n" + set + "\n" + (searchPath ?? "\0process");
    }

    /// <summary>How many folders this run has listed (each at most once, but for a race of two threads on the same folder).</summary>
    public int FoldersListed => Volatile.Read(ref _foldersListed);

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

    internal enum EntryKind
    {
        /// <summary>Not known from a listing: ask the disk.</summary>
        Unknown,
        Missing,

        /// <summary>Listed, and not listed as a folder: a file, or a link (which the disk may find dangling: ask it).</summary>
        NotDirectory,

        /// <summary>A folder, or a link to one.</summary>
        Directory,
    }

    /// <summary>What <c>File.Exists(Path.Combine(folder.Path, name))</c> answers, for a file name.</summary>
    internal bool FileExists(RunFolder folder, string name) => Lookup(folder, name) switch
    {
        EntryKind.Missing or EntryKind.Directory => false,
        _ => File.Exists(Path.Combine(folder.Path, name)),
    };

    /// <summary>What <c>File.Exists || Directory.Exists</c> answers of <c>Path.Combine(folder.Path, name)</c>, for a file name.</summary>
    internal bool Exists(RunFolder folder, string name) => Lookup(folder, name) switch
    {
        EntryKind.Directory => true,
        EntryKind.Missing => false,
        _ => File.Exists(Path.Combine(folder.Path, name)) || Directory.Exists(Path.Combine(folder.Path, name)),
    };

    /// <summary>
    /// What a listing of the path's folder says of it: Missing settles the question (a name the listing lacks does not
    /// exist), and Directory settles it for the folder questions; whatever else the listing holds is confirmed by the disk
    /// (a link may dangle, or point to a folder). Anything a listing cannot settle is Unknown: paths that are not plain (relative, '.', '..',
    /// a trailing separator, non-ASCII names that a file system may normalise), a name that differs only in case from
    /// an entry (the file system may ignore case), folders that cannot be listed.
    /// </summary>
    private EntryKind Lookup(string path)
    {
        if (_remembers && path is not null && Path.DirectorySeparatorChar == '/')
        {
            return LookupUnix(path);
        }
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
        return Find(Folder(folder!), name);
    }

    /// <summary>
    /// <see cref="Lookup(string)"/> on Unix, where a plain path is a plain name in a plain folder (or in the root): whether
    /// the folder is plain is known once per folder (<see cref="IsListable"/>), so only the name is read here, where
    /// <see cref="IsPlain"/> of the whole path and <c>Path.GetDirectoryName</c> cost more per question than the rest of it.
    /// </summary>
    private EntryKind LookupUnix(string path)
    {
        int slash = path.LastIndexOf('/');
        // Relative, or an empty segment before the name ("//name", "/a//name"): not plain.
        if (slash < 0 || path[0] != '/' || (slash > 0 && path[slash - 1] == '/'))
        {
            return EntryKind.Unknown;
        }
        string name = path.Substring(slash + 1);
        if (!IsPlainName(name))
        {
            return EntryKind.Unknown;
        }
        var folder = Folder(slash == 0 ? "/" : path.Substring(0, slash));
        return IsListable(folder) ? Find(folder, name) : EntryKind.Unknown;
    }

    /// <summary>
    /// <see cref="Lookup(string)"/> of <c>Path.Combine(folder.Path, name)</c>, without building the path: on Unix a plain
    /// name in a folder whose paths are plain is the name in that folder's listing. Anything else is asked by the path.
    /// </summary>
    private EntryKind Lookup(RunFolder folder, string name)
    {
        if (!_remembers)
        {
            return EntryKind.Unknown;
        }
        if (Path.DirectorySeparatorChar != '/' || !IsPlainName(name) || !IsListable(folder))
        {
            return Lookup(Path.Combine(folder.Path, name));
        }
        return Find(folder, name);
    }

    /// <summary>
    /// How many names of a folder the disk answers (a stat each) before the folder is listed. A folder the run's search
    /// did not list is mostly one above it, asked about the few configuration files that could be there (about ten names:
    /// .hadolint.yaml, containeropt.yaml, .git, .editorconfig, ...): a stat for each costs less than listing it, and much
    /// less when it is crowded (/tmp's 8,000 entries took 24 million instructions and both workers' first milliseconds).
    /// A folder asked about more (the COPY sources of a context the search did not list) is listed once.
    /// </summary>
    private const int NamesAskedBeforeListing = 16;

    /// <summary>What the folder's listing says of the name; Unknown while the folder is not worth listing yet (<see cref="NamesAskedBeforeListing"/>).</summary>
    private EntryKind Find(RunFolder folder, string name)
    {
        if (Volatile.Read(ref folder.Listing) is null && Interlocked.Increment(ref folder.NamesAsked) <= NamesAskedBeforeListing
            && !IsKnownMissing(folder))
        {
            return EntryKind.Unknown;
        }
        return Find(ListingOf(folder), name);
    }

    private static EntryKind Find(Listing listing, string name)
    {
        if (listing.Unreadable)
        {
            return EntryKind.Unknown;
        }
        if (listing.Entries is null)
        {
            return EntryKind.Missing;
        }
        if (!listing.MayHold(name))
        {
            return EntryKind.Missing;
        }
        if (listing.Entries.TryGetValue(name, out var kind))
        {
            return kind;
        }
        return listing.HoldsIgnoringCase(name) ? EntryKind.Unknown : EntryKind.Missing;
    }

    /// <summary>
    /// True when <see cref="Lookup(string)"/> of <c>Path.Combine(folder.Path, name)</c>, for a plain name, asks this folder's
    /// listing: the folder's paths are plain, and the folder is their folder as Path.GetDirectoryName spells it.
    /// </summary>
    private static bool IsListable(RunFolder folder)
    {
        int known = Volatile.Read(ref folder.Listable);
        if (known == 0)
        {
            bool listable;
            try
            {
                if (Path.DirectorySeparatorChar == '/')
                {
                    // A plain folder's path joined with a name is plain, and its folder is that path again; the root
                    // ("/", not plain for its trailing separator) joins without adding one.
                    listable = folder.Path == "/" || IsPlain(folder.Path);
                }
                else
                {
                    string probe = Path.Combine(folder.Path, "x");
                    listable = IsPlain(probe) && string.Equals(Path.GetDirectoryName(probe), folder.Path, StringComparison.Ordinal);
                }
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
            {
                listable = false;
            }
            known = listable ? 1 : 2;
            Volatile.Write(ref folder.Listable, known);
        }
        return known == 1;
    }

    /// <summary>A name that <see cref="IsPlain"/> accepts as the last segment of a plain path (Unix): printable ASCII, no separator, no wildcard, not '.' or '..'.</summary>
    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || name == "." || name == "..")
        {
            return false;
        }
        foreach (char c in name)
        {
            if (c > 0x7E || c < 0x20 || c == '*' || c == '?' || c == '/')
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsPlain(string path)
    {
        if (Path.DirectorySeparatorChar == '/')
        {
            return IsPlainUnixPath(path);
        }
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
        // Windows (Unix returned above): whatever Path.GetFullPath would change (separators, '.', '..', trailing dots,
        // device forms) is not plain.
        return string.Equals(Path.GetFullPath(path), path, StringComparison.Ordinal);
    }

    /// <summary>
    /// <see cref="IsPlain"/> on Unix in one pass (it is asked of every path looked up): rooted, no trailing separator,
    /// printable ASCII without wildcards, and none of what <c>Path.GetFullPath</c> changes: doubled separators, '.' and
    /// '..' segments.
    /// </summary>
    private static bool IsPlainUnixPath(string path)
    {
        if (path.Length == 0 || path[0] != '/' || path[path.Length - 1] == '/')
        {
            return false;
        }
        for (int i = 0; i < path.Length; i++)
        {
            char c = path[i];
            if (c > 0x7E || c < 0x20 || c == '*' || c == '?')
            {
                return false;
            }
            if (c == '/')
            {
                // The segment after this separator must not be empty, "." or "..".
                int dots = 0;
                while (i + 1 + dots < path.Length && path[i + 1 + dots] == '.' && dots < 3)
                {
                    dots++;
                }
                int after = i + 1 + dots;
                if (dots < 3 && (after == path.Length || path[after] == '/'))
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>The folder's listing, made on first need (a folder the listings held show cannot exist is not asked).</summary>
    private Listing ListingOf(RunFolder folder)
    {
        var listing = Volatile.Read(ref folder.Listing);
        if (listing is not null)
        {
            return listing;
        }
        // One thread lists a folder while another asking about it waits for that listing, instead of making the same one:
        // the first files of a run all ask about the folders above them at once (both workers listed each, /tmp's
        // thousands of entries among them).
        lock (folder)
        {
            listing = Volatile.Read(ref folder.Listing);
            if (listing is null)
            {
                if (IsKnownMissing(folder))
                {
                    listing = Listing.Missing;
                }
                else
                {
                    Interlocked.Increment(ref _foldersListed);
                    listing = List(folder.Path);
                }
                // The CLI's folder search may have handed its own listing meanwhile (AddListing): either is the folder's.
                listing = Interlocked.CompareExchange(ref folder.Listing, listing, null) ?? listing;
            }
            return listing;
        }
    }

    /// <summary>
    /// True when a listing already held says the folder does not exist: a folder above lacks the name of the next one down
    /// (in any case), or is itself missing. Listings are never made for this, so it costs no I/O: the COPY sources under a
    /// folder the context does not have (<c>src/Api/Api.csproj</c> without <c>src</c>) need no stat of their own.
    /// </summary>
    private static bool IsKnownMissing(RunFolder folder)
    {
        for (var current = folder; IsListable(current) && current.Parent is { } parent; current = parent)
        {
            var held = Volatile.Read(ref parent.Listing);
            if (held is null)
            {
                continue;
            }
            if (held.Unreadable)
            {
                return false;
            }
            if (held.Entries is null)
            {
                return true;
            }
            string name = Path.GetFileName(current.Path);
            return !IsPlainName(name) ? false : !held.Entries.ContainsKey(name) && !held.HoldsIgnoringCase(name);
        }
        return false;
    }

    private static Listing List(string folder)
    {
        try
        {
            if (!Directory.Exists(folder))
            {
                return Listing.Missing;
            }
            // No stat per entry: the enumeration of folders and of files tells them apart by what the folder's listing
            // says (links to folders are folders, as Directory.Exists follows links), where a FileSystemInfo per
            // entry would stat each one (DirectoryInfo.EnumerateFileSystemInfos, one pass, makes two lstat calls an entry).
            var entries = new Dictionary<string, EntryKind>(StringComparer.Ordinal);
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                entries[Path.GetFileName(path)] = EntryKind.NotDirectory;
            }
            foreach (var path in Directory.EnumerateDirectories(folder))
            {
                entries[Path.GetFileName(path)] = EntryKind.Directory;
            }
            return new Listing(entries, unreadable: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException or ArgumentException or NotSupportedException)
        {
            return Listing.CannotList;
        }
    }

    /// <summary>A list of files and the first of them that exists; the list is copied, so a caller that changes its list asks again.</summary>
    private sealed class FirstFile
    {
        private readonly string[] _files;

        public FirstFile(IReadOnlyList<string> files, string? first)
        {
            _files = files.ToArray();
            First = first;
        }

        public string? First { get; }

        public bool IsFor(IReadOnlyList<string> files)
        {
            if (files.Count != _files.Length)
            {
                return false;
            }
            for (int i = 0; i < _files.Length; i++)
            {
                if (!string.Equals(files[i], _files[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }
    }

    internal sealed class Listing
    {
        public static readonly Listing Missing = new(null, unreadable: false);
        public static readonly Listing CannotList = new(null, unreadable: true);

        public Listing(Dictionary<string, EntryKind>? entries, bool unreadable)
        {
            Entries = entries;
            Unreadable = unreadable;
            if (entries is not null)
            {
                foreach (var name in entries.Keys)
                {
                    _shapes |= Shape(name);
                }
            }
        }

        /// <summary>The <see cref="Shape"/> of every entry, or'ed: a name whose shape is not in it is not there, in any case.</summary>
        private readonly ulong _shapes;

        /// <summary>
        /// False when no entry can be <paramref name="name"/>, even ignoring case: most questions are of configuration files
        /// a folder does not have, and this answers them without hashing the name twice (exactly, then ignoring case).
        /// </summary>
        public bool MayHold(string name) => (_shapes & Shape(name)) != 0;

        /// <summary>
        /// One bit of 64 from a name's length and its first and last characters, the same for names that are equal
        /// ignoring case (ASCII letters folded); a name that starts or ends beyond ASCII has every bit, so it never rules one out.
        /// </summary>
        private static ulong Shape(string name)
        {
            if (name.Length == 0)
            {
                return ulong.MaxValue;
            }
            char first = name[0], last = name[name.Length - 1];
            if (first > 0x7F || last > 0x7F)
            {
                return ulong.MaxValue;
            }
            int hash = (name.Length * 31 + (first | 0x20) * 7 + (last | 0x20)) & 63;
            return 1UL << hash;
        }

        /// <summary>The folder's entries by exact name; null when the folder does not exist.</summary>
        public Dictionary<string, EntryKind>? Entries { get; }

        /// <summary>
        /// The same names, compared ignoring case; made on the first question a name's exact spelling does not answer (most
        /// folders of a run are never asked one: the CLI's folder search lists thousands).
        /// </summary>
        private HashSet<string>? Folded
        {
            get
            {
                if (Entries is null)
                {
                    return null;
                }
                // Two threads that both make it make the same set; one is kept.
                return Volatile.Read(ref _folded)
                    ?? Interlocked.CompareExchange(ref _folded, new HashSet<string>(Entries.Keys, StringComparer.OrdinalIgnoreCase), null)
                    ?? _folded;
            }
        }

        private HashSet<string>? _folded;

        /// <summary>
        /// How many entries a listing may have and still be asked ignoring case one by one: <see cref="Folded"/>, made for
        /// the folder of a single Dockerfile, cost more than the questions asked of it.
        /// </summary>
        private const int FewEntries = 8;

        /// <summary>True when an entry equals <paramref name="name"/> ignoring case (a listing of a folder that exists).</summary>
        public bool HoldsIgnoringCase(string name)
        {
            if (Entries!.Count <= FewEntries)
            {
                foreach (var entry in Entries.Keys)
                {
                    if (string.Equals(entry, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
                return false;
            }
            return Folded!.Contains(name);
        }

        public bool Unreadable { get; }
    }
}
