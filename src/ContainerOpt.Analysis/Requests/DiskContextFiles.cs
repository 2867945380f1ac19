namespace ContainerOpt.Analysis.Requests;

/// <summary>
/// The build context on disk, asked lazily: each question is a stat (or, for a pattern, a walk of the folders the pattern
/// names) and its answer is remembered as a probe. The MSBuild task stores the probes with its cached findings and asks
/// them again on the next build (<see cref="StillHolds"/>): a few stats instead of listing a context that may hold a whole
/// repository.
/// </summary>
public sealed class DiskContextFiles : Facts.IContextFiles
{
    private readonly string _root;
    private readonly AnalysisRunCache _cache;
    // Made on the first question (a Dockerfile that copies nothing asks none).
    private Dictionary<string, bool>? _probes;

    private static readonly IReadOnlyDictionary<string, bool> NoProbes = new Dictionary<string, bool>();

    public DiskContextFiles(string contextDirectory)
        : this(contextDirectory, AnalysisRunCache.None)
    {
    }

    /// <summary>The context, its existence questions answered through a run's cache of the folders (<see cref="AnalysisRunCache.None"/>: a stat each).</summary>
    public DiskContextFiles(string contextDirectory, AnalysisRunCache cache)
    {
        _root = cache.FullPath(contextDirectory);
        _cache = cache;
    }

    /// <summary>Every question asked and its answer ('p:' marks a pattern).</summary>
    public IReadOnlyDictionary<string, bool> Probes => _probes ?? NoProbes;

    public bool Exists(string relativePath)
    {
        var probes = _probes ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!probes.TryGetValue(relativePath, out bool answer))
        {
            probes[relativePath] = answer = ExistsOnDisk(_root, relativePath, _cache);
        }
        return answer;
    }

    public bool AnyMatch(string relativePattern)
    {
        string key = "p:" + relativePattern;
        var probes = _probes ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!probes.TryGetValue(key, out bool answer))
        {
            probes[key] = answer = MatchesOnDisk(_root, relativePattern);
        }
        return answer;
    }

    /// <summary>True when every recorded probe still gets the same answer.</summary>
    public static bool StillHolds(string contextDirectory, IEnumerable<KeyValuePair<string, bool>> probes)
    {
        string root = Path.GetFullPath(contextDirectory);
        foreach (var probe in probes)
        {
            bool now = probe.Key.StartsWith("p:", StringComparison.Ordinal) ? MatchesOnDisk(root, probe.Key.Substring(2)) : ExistsOnDisk(root, probe.Key, AnalysisRunCache.None);
            if (now != probe.Value)
            {
                return false;
            }
        }
        return true;
    }

    private static bool ExistsOnDisk(string root, string relative, AnalysisRunCache cache)
    {
        try
        {
            return cache.Exists(root, relative);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return true; // unknown: never claim a file is missing
        }
    }

    /// <summary>Go's filepath.Match per segment (<see cref="Facts.PathGlob"/>), walking only the folders the pattern's segments select.</summary>
    private static bool MatchesOnDisk(string root, string pattern)
    {
        var segments = pattern.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
        try
        {
            return Match(root, segments, 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return true;
        }
    }

    private static bool Match(string folder, string[] segments, int index)
    {
        if (index == segments.Length)
        {
            return true;
        }
        string segment = segments[index];
        if (!Facts.PathGlob.IsGlob(segment))
        {
            string next = Path.Combine(folder, segment);
            return index == segments.Length - 1 ? File.Exists(next) || Directory.Exists(next) : Directory.Exists(next) && Match(next, segments, index + 1);
        }
        var regex = Facts.PathGlob.ToRegex(segment, doubleStarCrossesFolders: false);
        if (!Directory.Exists(folder))
        {
            return false;
        }
        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            string name = Path.GetFileName(entry);
            if (!regex.IsMatch(name))
            {
                continue;
            }
            if (index == segments.Length - 1 || (Directory.Exists(entry) && Match(entry, segments, index + 1)))
            {
                return true;
            }
        }
        return false;
    }
}
