using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Reads one <c>.editorconfig</c> or global AnalyzerConfig file (<c>.globalconfig</c>, or any file with <c>is_global</c>)
/// line by line as the .NET compiler does: blank lines and lines starting with <c>#</c> or <c>;</c> are comments; a
/// section is <c>[glob]</c> (an unescaped <c>#</c> or <c>;</c> after it starts a comment); a setting is <c>key = value</c> or
/// <c>key: value</c>, with a key of letters, digits, <c>_</c>, <c>.</c> and <c>-</c>, lowercased (keys are case-insensitive),
/// and a value that ends before the first <c>#</c> or <c>;</c>, trimmed. The settings before the first section are the
/// file's own: <c>root</c>, <c>is_global</c>, <c>global_level</c>, and in a global file the settings for every file. Of the
/// rest, only what configures ContainerOpt's rules is kept: <c>dotnet_diagnostic.&lt;id&gt;.severity</c> where the id is
/// one of a rule's names (<see cref="DiagnosticDescriptor.IsNamedBy"/>) or a ShellCheck code,
/// <c>dotnet_analyzer_diagnostic.category-&lt;category&gt;.severity</c> for a category of the catalogue, and
/// <c>dotnet_analyzer_diagnostic.severity</c>; the file's other settings (C# style, other analyzers' rules) are not
/// ContainerOpt's and pass silently. A line that is none of these forms, a severity Roslyn does not know, or a glob that
/// cannot match is a COPT0018 warning at its line and column; the line is ignored, as the compiler ignores it.
/// Hand-written rather than a library: no EditorConfig reader restores from the package mirror that is small,
/// netstandard2.0 and Native AOT-safe (it lists only an INI parser, which knows neither globs nor Roslyn's rules).
/// </summary>
public static class EditorConfigReader
{
    /// <summary>The file name the .NET SDK gives a user's global AnalyzerConfig: global without <c>is_global</c>, level 100 by default.</summary>
    public const string GlobalConfigName = ".globalconfig";

    /// <summary>The file name searched from a file's folder upward.</summary>
    public const string EditorConfigName = ".editorconfig";

    /// <summary>Unreadable lines reported per file: a binary file named .editorconfig must not flood the build's log.</summary>
    private const int MaxLineProblems = 10;

    private const string DiagnosticPrefix = "dotnet_diagnostic.";
    private const string SeveritySuffix = ".severity";
    private const string AllRulesKey = "dotnet_analyzer_diagnostic.severity";
    private const string CategoryPrefix = "dotnet_analyzer_diagnostic.category-";

    /// <summary>Reads <paramref name="text"/>, the file at the full path <paramref name="path"/>. Never throws for any text.</summary>
    public static EditorConfigDocument Read(string text, string path)
    {
        var problems = new List<Finding>();
        var preamble = new List<EditorConfigEntry>();
        var sections = new List<EditorConfigSection>();
        bool isRoot = false, hasGlobalKey = false;
        string? globalLevel = null;
        int badLines = 0;
        (int Number, int First, int Offset, int End)? firstUnreported = null;

        string? sectionName = null;
        int sectionLine = 0, sectionColumn = 0, sectionStart = 0;
        var sectionEntries = new List<EditorConfigEntry>();
        var lines = Lines(text ?? "");
        foreach (var (line, number, offset) in lines)
        {
            int first = FirstNonSpace(line);
            if (first < 0 || line[first] == '#' || line[first] == ';')
            {
                continue;
            }
            if (TrySection(line, first, out string name))
            {
                CloseSection();
                sectionName = name;
                sectionLine = number;
                sectionColumn = first + 1;
                sectionStart = offset + first;
                sectionEntries = new List<EditorConfigEntry>();
                continue;
            }
            if (TrySetting(line, first, out int keyEnd, out int valueStart, out int valueEnd))
            {
                string keyText = line.Substring(first, keyEnd - first);
                string key = keyText.ToLowerInvariant();
                string value = line.Substring(valueStart, valueEnd - valueStart);
                if (sectionName is null)
                {
                    switch (key)
                    {
                        case "root":
                            isRoot = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                            continue;
                        case "is_global":
                            hasGlobalKey = true;
                            continue;
                        case "global_level":
                            globalLevel = value;
                            continue;
                    }
                }
                if (Entry(keyText, key, value, number, first + 1, valueStart + 1, offset, problems, path) is { } entry)
                {
                    (sectionName is null ? preamble : sectionEntries).Add(entry);
                }
                continue;
            }
            if (++badLines == MaxLineProblems + 1)
            {
                firstUnreported = (number, first, offset, line.TrimEnd().Length);
            }
            if (badLines <= MaxLineProblems)
            {
                string shown = line.Trim();
                int end = line.TrimEnd().Length;
                problems.Add(Problem(path, number, first + 1, end + 1, offset + first, offset + end,
                    $"'{Shorten(shown)}' is not a section ([glob]), a setting (key = value) or a comment; the line is ignored."));
            }
        }
        CloseSection();
        if (firstUnreported is { } unreported)
        {
            problems.Add(Problem(path, unreported.Number, unreported.First + 1, unreported.End + 1, unreported.Offset + unreported.First, unreported.Offset + unreported.End,
                $"this line and {badLines - MaxLineProblems - 1} more below it are not sections, settings or comments either; they are ignored. Is this an .editorconfig file?"));
        }

        bool named = Path.GetFileName(path).Equals(GlobalConfigName, StringComparison.OrdinalIgnoreCase);
        bool isGlobal = named || hasGlobalKey;
        int level = globalLevel is not null && int.TryParse(globalLevel, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed)
            ? parsed
            : named ? 100 : 0;
        if (!isGlobal && preamble.Count > 0)
        {
            foreach (var entry in preamble)
            {
                problems.Add(Problem(path, entry.Line, entry.Column, entry.Column + entry.KeyText.Length, entry.Offset, entry.Offset + entry.KeyText.Length,
                    $"'{entry.KeyText}' stands before the first section, where it applies to no file; put it under a section such as [*] or [Dockerfile]."));
            }
            preamble.Clear();
        }
        foreach (var section in sections)
        {
            if (isGlobal ? !EditorConfigGlob.IsAbsolutePath(section.Name) : section.Glob is null)
            {
                problems.Add(Problem(path, section.Line, section.Column, section.Column + section.Name.Length + 2, section.Offset, section.Offset + section.Name.Length + 2,
                    isGlobal
                        ? $"the section [{section.Name}] of a global configuration is not an absolute path (a global file's sections name files, such as [/repo/src/Api/Dockerfile]); its settings are ignored."
                        : $"the section [{section.Name}] is not a valid glob; its settings apply to no file."));
            }
        }
        problems.Sort((a, b) => a.Location.Start.Line != b.Location.Start.Line ? a.Location.Start.Line.CompareTo(b.Location.Start.Line) : a.Location.Start.Column.CompareTo(b.Location.Start.Column));
        return new EditorConfigDocument(path, isRoot, isGlobal, level, preamble, isGlobal ? sections.Where(s => EditorConfigGlob.IsAbsolutePath(s.Name)).ToArray() : sections.Where(s => s.Glob is not null).ToArray(), problems);

        void CloseSection()
        {
            // Sections with nothing for ContainerOpt are dropped: a team's .editorconfig may hold hundreds for C#.
            if (sectionName is not null && sectionEntries.Count > 0)
            {
                sections.Add(new EditorConfigSection(sectionName, sectionLine, sectionColumn, sectionStart, sectionEntries));
            }
        }
    }

    /// <summary>The entry a setting makes, or null when the key is not one ContainerOpt reads (a problem is added for a bad value of one it reads).</summary>
    private static EditorConfigEntry? Entry(string keyText, string key, string value, int line, int column, int valueColumn, int lineOffset,
        List<Finding> problems, string path)
    {
        EditorConfigEntryKind kind;
        string target;
        if (key == AllRulesKey)
        {
            kind = EditorConfigEntryKind.AllRules;
            target = "";
        }
        else if (key.StartsWith(CategoryPrefix, StringComparison.Ordinal) && key.EndsWith(SeveritySuffix, StringComparison.Ordinal)
            && key.Length > CategoryPrefix.Length + SeveritySuffix.Length)
        {
            target = keyText.Substring(CategoryPrefix.Length, key.Length - CategoryPrefix.Length - SeveritySuffix.Length);
            string? category = Categories.FirstOrDefault(c => c.Equals(target, StringComparison.OrdinalIgnoreCase));
            if (category is null)
            {
                // Another analyzer's category (Performance, Style…): not ContainerOpt's.
                return null;
            }
            if (category is DiagnosticCategories.Tool or DiagnosticCategories.Syntax)
            {
                problems.Add(Problem(path, line, column, column + keyText.Length, lineOffset + column - 1, lineOffset + column - 1 + keyText.Length,
                    $"the category {category} (ContainerOpt's own problems and the Dockerfile parser's errors) is not configured in bulk, as the compiler's own diagnostics are not; the setting has no effect. Name a code instead: dotnet_diagnostic.<code>.severity."));
                return null;
            }
            kind = EditorConfigEntryKind.Category;
            target = category;
        }
        else if (key.StartsWith(DiagnosticPrefix, StringComparison.Ordinal) && key.EndsWith(SeveritySuffix, StringComparison.Ordinal)
            && key.Length > DiagnosticPrefix.Length + SeveritySuffix.Length)
        {
            target = keyText.Substring(DiagnosticPrefix.Length, key.Length - DiagnosticPrefix.Length - SeveritySuffix.Length);
            if (!RuleKeys.NamesARule(target))
            {
                if (LooksLikeContainerOptCode.IsMatch(target))
                {
                    string? nearest = EditDistance.Nearest(target, DiagnosticCatalog.All.SelectMany(d => d.Equivalents.Concat(new[] { d.Id })));
                    problems.Add(Problem(path, line, column, column + keyText.Length, lineOffset + column - 1, lineOffset + column - 1 + keyText.Length,
                        $"no rule is named '{target}'; the setting has no effect." + (nearest is null ? "" : $" Did you mean '{nearest}'?")));
                }
                // Another analyzer's rule (CA1000, IDE0005…): not ContainerOpt's.
                return null;
            }
            kind = EditorConfigEntryKind.Rule;
        }
        else
        {
            return null;
        }
        bool valid = TryParseSeverity(value, out var severity);
        if (!valid)
        {
            string? nearest = EditDistance.Nearest(value, SeverityNames);
            problems.Add(Problem(path, line, valueColumn, valueColumn + Math.Max(1, value.Length), lineOffset + valueColumn - 1, lineOffset + valueColumn - 1 + value.Length,
                $"'{value}' is not a severity for '{keyText}'; use none, silent, suggestion, warning, error or default. The setting is ignored."
                + (nearest is null ? "" : $" Did you mean '{nearest}'?")));
        }
        return new EditorConfigEntry(kind, target, key, keyText, valid, severity, line, column, lineOffset + column - 1);
    }

    /// <summary>The severities the compiler reads in these settings, case-insensitively.</summary>
    private static readonly string[] SeverityNames = { "none", "silent", "suggestion", "warning", "error", "default" };

    /// <summary>
    /// Roslyn's severity names: none, silent (and refactoring) switch the rule off; suggestion is info; warning and error
    /// are themselves; default (a null severity) is what the analysis mode gives.
    /// </summary>
    public static bool TryParseSeverity(string value, out DiagnosticSeverity? severity)
    {
        switch (value.ToLowerInvariant())
        {
            case "default": severity = null; return true;
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "suggestion": severity = DiagnosticSeverity.Info; return true;
            case "silent": case "refactoring": case "none": severity = DiagnosticSeverity.None; return true;
            default: severity = null; return false;
        }
    }

    private static readonly string[] Categories =
    {
        DiagnosticCategories.Tool, DiagnosticCategories.Syntax, DiagnosticCategories.Correctness, DiagnosticCategories.Practice,
        DiagnosticCategories.SizeAndCache, DiagnosticCategories.DotNet,
    };

    /// <summary>The categories a bulk setting configures (<c>dotnet_analyzer_diagnostic.category-&lt;name&gt;.severity</c>).</summary>
    public static IReadOnlyList<string> ConfigurableCategories { get; } = Categories.Skip(2).ToArray();

    /// <summary>Codes of ContainerOpt's and hadolint's forms (COPT2008, DL3008): one that names no rule is a typo worth saying, unlike CA1000.</summary>
    private static readonly System.Text.RegularExpressions.Regex LooksLikeContainerOptCode =
        new(@"^(COPT|DL)[0-9]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);


    /// <summary>
    /// <c>[name]</c> as the compiler reads a section header: after the '[' any text up to the first '#' or ';' that no
    /// backslash escapes, ending with ']' and optional blanks (the rest is a comment). The name is all between.
    /// </summary>
    private static bool TrySection(string line, int first, out string name)
    {
        name = "";
        if (line[first] != '[')
        {
            return false;
        }
        int stop = first + 1;
        while (stop < line.Length && !((line[stop] == '#' || line[stop] == ';') && line[stop - 1] != '\\'))
        {
            stop++;
        }
        int close = stop - 1;
        while (close > first && char.IsWhiteSpace(line[close]))
        {
            close--;
        }
        if (close <= first + 1 || line[close] != ']')
        {
            return false;
        }
        name = line.Substring(first + 1, close - first - 1);
        return true;
    }

    /// <summary><c>key = value</c> (or <c>key: value</c>): the key's end, and the value's bounds (before a comment, trimmed).</summary>
    private static bool TrySetting(string line, int first, out int keyEnd, out int valueStart, out int valueEnd)
    {
        keyEnd = valueStart = valueEnd = first;
        int i = first;
        while (i < line.Length && (char.IsLetterOrDigit(line[i]) || line[i] == '_' || line[i] == '.' || line[i] == '-'
            || CharUnicodeInfo.GetUnicodeCategory(line[i]) is UnicodeCategory.NonSpacingMark or UnicodeCategory.ConnectorPunctuation))
        {
            i++;
        }
        if (i == first)
        {
            return false;
        }
        keyEnd = i;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
        if (i >= line.Length || (line[i] != '=' && line[i] != ':'))
        {
            return false;
        }
        i++;
        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }
        valueStart = i;
        int end = i;
        while (end < line.Length && line[end] != '#' && line[end] != ';')
        {
            end++;
        }
        while (end > valueStart && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }
        valueEnd = end;
        return true;
    }

    private static int FirstNonSpace(string line)
    {
        for (int i = 0; i < line.Length; i++)
        {
            if (!char.IsWhiteSpace(line[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The lines as the compiler splits them (CR, LF, CRLF and the Unicode line separators), with their 1-based number and offset.</summary>
    private static IEnumerable<(string Line, int Number, int Offset)> Lines(string text)
    {
        int start = 0, number = 1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                yield return (text.Substring(start, i - start), number++, start);
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            yield return (text.Substring(start), number, start);
        }
    }

    private static string Shorten(string text) => text.Length > 60 ? text.Substring(0, 57) + "..." : text;

    /// <summary>The document with one more problem (a file that could not be read).</summary>
    internal static EditorConfigDocument WithProblem(EditorConfigDocument document, Finding problem) =>
        new(document.Path, document.IsRoot, document.IsGlobal, document.GlobalLevel, document.GlobalEntries, document.Sections, document.Problems.Concat(new[] { problem }).ToArray());

    internal static Finding Problem(string path, int line, int column, int endColumn, int start, int end, string message)
    {
        var descriptor = DiagnosticCatalog.InvalidAnalyzerConfig;
        return new Finding(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(path, message), path,
            new LinePositionSpan(new LinePosition(line, column), new LinePosition(line, Math.Max(column, endColumn))),
            TextSpan.FromBounds(start, Math.Max(start, end)));
    }
}

/// <summary>What a severity setting configures.</summary>
public enum EditorConfigEntryKind
{
    /// <summary><c>dotnet_diagnostic.&lt;id&gt;.severity</c>: one rule, by any of its names.</summary>
    Rule,

    /// <summary><c>dotnet_analyzer_diagnostic.category-&lt;category&gt;.severity</c>: every rule of a category.</summary>
    Category,

    /// <summary><c>dotnet_analyzer_diagnostic.severity</c>: every rule.</summary>
    AllRules,
}

/// <summary>One severity setting of an .editorconfig or global AnalyzerConfig file that configures ContainerOpt's rules.</summary>
public sealed class EditorConfigEntry
{
    internal EditorConfigEntry(EditorConfigEntryKind kind, string target, string key, string keyText, bool isValid, DiagnosticSeverity? severity, int line, int column, int offset)
    {
        Kind = kind;
        Target = target;
        Key = key;
        KeyText = keyText;
        IsValid = isValid;
        Severity = severity;
        Line = line;
        Column = column;
        Offset = offset;
    }

    public EditorConfigEntryKind Kind { get; }

    /// <summary>The rule's name as written (<c>DL3008</c>), the catalogue's category (<c>SizeAndCache</c>), or empty for every rule.</summary>
    public string Target { get; }

    /// <summary>The key, lowercased: settings of the same key replace each other.</summary>
    public string Key { get; }

    /// <summary>The key as written, for messages.</summary>
    public string KeyText { get; }

    /// <summary>False when the value is not one of Roslyn's severities (the setting is then ignored).</summary>
    public bool IsValid { get; }

    /// <summary>The severity (None for none and silent, Info for suggestion), or null for <c>default</c>: what the mode gives.</summary>
    public DiagnosticSeverity? Severity { get; }

    public int Line { get; }
    public int Column { get; }

    /// <summary>The key's offset in the file.</summary>
    internal int Offset { get; }
}

/// <summary>A section of an .editorconfig (a glob) or of a global file (an absolute path), with its settings for ContainerOpt.</summary>
public sealed class EditorConfigSection
{
    private readonly Lazy<EditorConfigGlob?> _glob;

    internal EditorConfigSection(string name, int line, int column, int offset, IReadOnlyList<EditorConfigEntry> entries)
    {
        Name = name;
        Line = line;
        Column = column;
        Offset = offset;
        Entries = entries;
        _glob = new Lazy<EditorConfigGlob?>(() => EditorConfigGlob.TryCreate(name));
    }

    /// <summary>The name between the brackets, as written.</summary>
    public string Name { get; }

    public int Line { get; }
    public int Column { get; }
    internal int Offset { get; }

    public IReadOnlyList<EditorConfigEntry> Entries { get; }

    /// <summary>The section's glob, or null when the name is not a valid one.</summary>
    public EditorConfigGlob? Glob => _glob.Value;
}

/// <summary>One .editorconfig or global AnalyzerConfig file as read: what it says of itself, its sections, and its problems.</summary>
public sealed class EditorConfigDocument
{
    internal EditorConfigDocument(string path, bool isRoot, bool isGlobal, int globalLevel, IReadOnlyList<EditorConfigEntry> globalEntries,
        IReadOnlyList<EditorConfigSection> sections, IReadOnlyList<Finding> problems)
    {
        Path = path;
        Directory = EditorConfigPaths.Normalize(System.IO.Path.GetDirectoryName(path) ?? path);
        IsRoot = isRoot;
        IsGlobal = isGlobal;
        GlobalLevel = globalLevel;
        GlobalEntries = globalEntries;
        Sections = sections;
        Problems = problems;
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <summary>The file's folder, '/'-separated.</summary>
    public string Directory { get; }

    /// <summary><c>root = true</c> before the first section: no .editorconfig above this one applies.</summary>
    public bool IsRoot { get; }

    /// <summary>A global AnalyzerConfig: named <c>.globalconfig</c>, or with an <c>is_global</c> key (whatever its value, as the compiler reads it).</summary>
    public bool IsGlobal { get; }

    /// <summary><c>global_level</c>, else 100 for a file named <c>.globalconfig</c> and 0 for others: the higher wins a key two global files set.</summary>
    public int GlobalLevel { get; }

    /// <summary>A global file's settings before its first section: they apply to every file.</summary>
    public IReadOnlyList<EditorConfigEntry> GlobalEntries { get; }

    /// <summary>The sections with settings for ContainerOpt that can apply: valid globs (an .editorconfig) or absolute paths (a global file).</summary>
    public IReadOnlyList<EditorConfigSection> Sections { get; }

    /// <summary>COPT0018 warnings: lines that cannot be read, severities Roslyn does not know, sections that match nothing.</summary>
    public IReadOnlyList<Finding> Problems { get; }
}

/// <summary>Paths as the compiler compares them with sections: '/'-separated, the drive letter upper-case on Windows.</summary>
internal static class EditorConfigPaths
{
    public static string Normalize(string path)
    {
        string normalized = path.Replace('\\', '/');
        if (normalized.Length >= 2 && normalized[1] == ':' && char.IsLetter(normalized[0]))
        {
            normalized = char.ToUpperInvariant(normalized[0]) + normalized.Substring(1);
        }
        return normalized;
    }
}
