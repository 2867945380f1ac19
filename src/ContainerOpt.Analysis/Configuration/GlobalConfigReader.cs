using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Merges the global AnalyzerConfig files (<c>.globalconfig</c>, files with <c>is_global</c>) of a project into one, as
/// the compiler does: a key set by several files takes the value of the file with the highest <c>global_level</c>; at the
/// same level the key is unset — whatever the values — and a COPT0018 warning names the files (the compiler's
/// MultipleGlobalAnalyzerKeys). The settings before the first section apply to every file; a section applies to the one
/// file whose absolute path it names. Only the keys ContainerOpt reads are merged (<see cref="EditorConfigReader"/>).
/// </summary>
public static class GlobalConfigReader
{
    /// <summary>Merges <paramref name="globals"/> (each read by <see cref="EditorConfigReader"/> and global).</summary>
    public static GlobalAnalyzerConfig Merge(IEnumerable<EditorConfigDocument> globals)
    {
        var files = globals.ToList();
        var sections = new Dictionary<string, SectionState>(StringComparer.Ordinal);
        for (int f = 0; f < files.Count; f++)
        {
            var file = files[f];
            MergeSection(sections, "", file, f, file.GlobalEntries);
            foreach (var section in file.Sections)
            {
                // The compiler compares a section's path with the file's, escapes removed, case-sensitively.
                MergeSection(sections, EditorConfigPaths.Normalize(EditorConfigGlob.Unescape(section.Name)), file, f, section.Entries);
            }
        }

        var problems = new List<Finding>();
        var merged = new Dictionary<string, IReadOnlyList<EditorConfigEntry>>(StringComparer.Ordinal);
        foreach (var pair in sections)
        {
            foreach (var duplicate in pair.Value.Duplicates.Values)
            {
                var last = duplicate.Entries[duplicate.Entries.Count - 1];
                var lastFile = duplicate.Files[duplicate.Files.Count - 1];
                string others = string.Join(", ", duplicate.Files.Take(duplicate.Files.Count - 1).Distinct().Select(p => "'" + p + "'"));
                string where = pair.Key.Length == 0 ? "" : $" in the section [{pair.Key}]";
                problems.Add(EditorConfigReader.Problem(lastFile, last.Line, last.Column, last.Column + last.KeyText.Length, last.Offset, last.Offset + last.KeyText.Length,
                    $"'{last.KeyText}'{where} is also set by {others} at the same global_level ({duplicate.Level}); as the compiler does (MultipleGlobalAnalyzerKeys), the key is unset. Keep it in one file, or give one file a higher global_level."));
            }
            // In the order they apply: a lower level first, so that of two names of one rule the higher level's wins.
            merged[pair.Key] = pair.Value.Values.Values
                .OrderBy(v => v.Level).ThenBy(v => v.FileIndex).ThenBy(v => v.Entry.Line)
                .Select(v => v.Entry).ToArray();
        }
        problems.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath) != 0 ? string.CompareOrdinal(a.FilePath, b.FilePath) : a.Location.Start.Line.CompareTo(b.Location.Start.Line));
        return new GlobalAnalyzerConfig(merged, problems);
    }

    private static void MergeSection(Dictionary<string, SectionState> sections, string name, EditorConfigDocument file, int fileIndex, IReadOnlyList<EditorConfigEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }
        if (!sections.TryGetValue(name, out var state))
        {
            sections[name] = state = new SectionState();
        }
        // Within one file a key set twice keeps its last value, as the compiler reads it.
        var own = new Dictionary<string, EditorConfigEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            own[entry.Key] = entry;
        }
        foreach (var entry in own.Values)
        {
            int level = file.GlobalLevel;
            if (state.Values.TryGetValue(entry.Key, out var current))
            {
                if (current.Level < level)
                {
                    state.Values[entry.Key] = new Value(entry, level, fileIndex, file.Path);
                }
                else if (current.Level == level)
                {
                    state.Values.Remove(entry.Key);
                    state.Duplicates[entry.Key] = new Duplicate(level, new List<string> { current.File, file.Path }, new List<EditorConfigEntry> { current.Entry, entry });
                }
            }
            else if (state.Duplicates.TryGetValue(entry.Key, out var duplicate))
            {
                if (duplicate.Level < level)
                {
                    state.Duplicates.Remove(entry.Key);
                    state.Values[entry.Key] = new Value(entry, level, fileIndex, file.Path);
                }
                else if (duplicate.Level == level)
                {
                    duplicate.Files.Add(file.Path);
                    duplicate.Entries.Add(entry);
                }
            }
            else
            {
                state.Values[entry.Key] = new Value(entry, level, fileIndex, file.Path);
            }
        }
    }

    private sealed class SectionState
    {
        public Dictionary<string, Value> Values { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, Duplicate> Duplicates { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>A key's setting that stands: the entry, its file's level and place among the files.</summary>
    private sealed record Value(EditorConfigEntry Entry, int Level, int FileIndex, string File);

    /// <summary>A key unset because files of the same level set it: those files and their entries, in order.</summary>
    private sealed record Duplicate(int Level, List<string> Files, List<EditorConfigEntry> Entries);
}

/// <summary>The global AnalyzerConfig files of a project merged into one (<see cref="GlobalConfigReader.Merge"/>).</summary>
public sealed class GlobalAnalyzerConfig
{
    public static GlobalAnalyzerConfig Empty { get; } = new(new Dictionary<string, IReadOnlyList<EditorConfigEntry>>(), Array.Empty<Finding>());

    private readonly IReadOnlyDictionary<string, IReadOnlyList<EditorConfigEntry>> _sections;

    internal GlobalAnalyzerConfig(IReadOnlyDictionary<string, IReadOnlyList<EditorConfigEntry>> sections, IReadOnlyList<Finding> problems)
    {
        _sections = sections;
        Problems = problems;
    }

    /// <summary>COPT0018 warnings for keys unset because files of the same level set them.</summary>
    public IReadOnlyList<Finding> Problems { get; }

    /// <summary>
    /// The settings for the file at <paramref name="fullPath"/>, in the order they apply: those for every file, then those
    /// of the section naming this file (which win where both speak).
    /// </summary>
    public IEnumerable<EditorConfigEntry> EntriesFor(string fullPath)
    {
        if (_sections.TryGetValue("", out var global))
        {
            foreach (var entry in global)
            {
                yield return entry;
            }
        }
        if (_sections.TryGetValue(EditorConfigPaths.Normalize(fullPath), out var own))
        {
            foreach (var entry in own)
            {
                yield return entry;
            }
        }
    }
}
