using ContainerOpt.Analysis.Configuration;

namespace ContainerOpt.Analysis.Requests;

/// <summary>
/// One folder of a run, by its exact path: its parent, its listing (made once, or the caller's), and what the searches
/// that walk from a Dockerfile's folder upward (configuration files, .editorconfig and .globalconfig files) found in it
/// and above it. The run's cache holds one per path, so the Dockerfiles of a folder, and the folders under a common
/// parent, share that work instead of repeating it per file; <see cref="AnalysisRunCache.None"/> makes a new one per
/// question, which remembers only for that question.
/// </summary>
internal sealed class RunFolder
{
    private readonly AnalysisRunCache _cache;

    /// <summary>Set once the parent is known (<see cref="_parent"/> written before it).</summary>
    private volatile bool _parentKnown;
    private RunFolder? _parent;

    internal RunFolder(AnalysisRunCache cache, string path)
    {
        _cache = cache;
        Path = path;
    }

    /// <summary>The folder's path, exactly as the search that asked for it spelled it.</summary>
    public string Path { get; }

    /// <summary>The folder above (<see cref="System.IO.Path.GetDirectoryName(string)"/>), or null at the file system's root.</summary>
    public RunFolder? Parent
    {
        get
        {
            if (!_parentKnown)
            {
                string? above = System.IO.Path.GetDirectoryName(Path);
                _parent = string.IsNullOrEmpty(above) ? null : _cache.Folder(above!);
                _parentKnown = true;
            }
            return _parent;
        }
    }

    /// <summary>What <c>File.Exists(Path.Combine(Path, name))</c> answers, for a file name.</summary>
    public bool HasFile(string name) => _cache.FileExists(this, name);

    /// <summary>What <c>File.Exists || Directory.Exists</c> answers of <c>Path.Combine(Path, name)</c>, for a file name.</summary>
    public bool HasEntry(string name) => _cache.Exists(this, name);

    /// <summary>The listing the run's cache holds (<see cref="AnalysisRunCache"/> reads and writes it), null until asked.</summary>
    internal AnalysisRunCache.Listing? Listing;

    /// <summary>How many names the cache was asked of this folder before it had a listing (the cache lists it after a few).</summary>
    internal int NamesAsked;

    /// <summary>
    /// The cache's: 0 not asked yet; 1 the path question of <c>Path.Combine(Path, name)</c> asks this folder's listing
    /// for the name; 2 it does not (the path is not plain), so a name is asked by its path.
    /// </summary>
    internal int Listable;

    /// <summary><see cref="ConfigurationFiles"/>' configuration files in this folder alone.</summary>
    internal ConfigurationFiles.FolderFiles? OwnConfiguration;

    /// <summary><see cref="ConfigurationFiles"/>' nearest configuration files from this folder up to the repository root.</summary>
    internal ConfigurationFiles.FolderFiles? NearestConfiguration;

    /// <summary><see cref="EditorConfigFiles"/>' .editorconfig files from this folder upward to a root one.</summary>
    internal EditorConfigFiles.Chain? EditorConfigs;

    /// <summary><see cref="EditorConfigFiles"/>' .globalconfig files from this folder upward.</summary>
    internal EditorConfigFiles.Chain? GlobalConfigs;
}
