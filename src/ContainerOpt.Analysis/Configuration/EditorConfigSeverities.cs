using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// What the .editorconfig and .globalconfig files that apply to one Dockerfile say of its findings' severities, resolved
/// as the compiler resolves them for a source file: an entry for the rule (<c>dotnet_diagnostic.&lt;id&gt;.severity</c>, any
/// of its names) beats one for its category (<c>dotnet_analyzer_diagnostic.category-&lt;category&gt;.severity</c>), which
/// beats the one for every rule (<c>dotnet_analyzer_diagnostic.severity</c>); of entries of one kind the one that applies
/// last wins (the global files' first, the sections naming the file after them, then the .editorconfig files from the
/// farthest to the closest, each in its order). A rule entry set to <c>default</c> gives what the mode gives and keeps the
/// bulk entries off the rule. The bulk entries apply to the rules the mode runs (the compiler's "enabled by default"),
/// and never to ContainerOpt's own problems or the parser's errors (the compiler's own diagnostics); only a rule entry
/// switches on a rule that is off. MSBuild's warning switches keep their place above these files (<see cref="WarningSwitches"/>).
/// </summary>
public sealed class EditorConfigSeverities
{
    public static EditorConfigSeverities None { get; } = new(Array.Empty<EditorConfigEntry>());

    /// <summary>The rules' valid entries, in the order they apply (an unknown severity is ignored, as the compiler ignores it).</summary>
    private readonly EditorConfigEntry[] _rules;

    /// <summary>The last entry of each category; one with an unknown severity hides the category's earlier ones, as in the compiler.</summary>
    private readonly Dictionary<string, EditorConfigEntry> _categories = new(StringComparer.OrdinalIgnoreCase);

    private readonly EditorConfigEntry? _allRules;

    private readonly WarningSwitches _switches = WarningSwitches.None;

    /// <summary>The settings of <paramref name="entries"/>, given in the order they apply (the later wins).</summary>
    public EditorConfigSeverities(IEnumerable<EditorConfigEntry> entries)
    {
        var rules = new List<EditorConfigEntry>();
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case EditorConfigEntryKind.Rule when entry.IsValid:
                    rules.Add(entry);
                    break;
                case EditorConfigEntryKind.Category:
                    _categories[entry.Target] = entry;
                    break;
                case EditorConfigEntryKind.AllRules:
                    _allRules = entry;
                    break;
            }
        }
        _rules = rules.ToArray();
    }

    private EditorConfigSeverities(EditorConfigSeverities settings, WarningSwitches switches)
    {
        _rules = settings._rules;
        _categories = settings._categories;
        _allRules = settings._allRules;
        _switches = switches;
    }

    /// <summary>These settings under MSBuild's warning switches (<see cref="WarningSwitches"/>).</summary>
    public EditorConfigSeverities With(WarningSwitches switches) => IsEmpty || switches.IsEmpty ? this : new EditorConfigSeverities(this, switches);

    /// <summary>The warning switches these settings yield to, when they matter (there are settings): an input of the analysis.</summary>
    public WarningSwitches Switches => _switches;

    /// <summary>The settings for the file at <paramref name="fullPath"/>: the global files' first, then the .editorconfig files from the farthest.</summary>
    public static EditorConfigSeverities For(string fullPath, GlobalAnalyzerConfig global, IEnumerable<EditorConfigDocument> editorConfigs)
    {
        string path = EditorConfigPaths.Normalize(fullPath);
        var entries = new List<EditorConfigEntry>(global.EntriesFor(fullPath));
        foreach (var file in editorConfigs)
        {
            if (!EditorConfigFiles.RelativePath(file.Directory, path, out string relative))
            {
                continue;
            }
            foreach (var section in file.Sections)
            {
                if (section.Glob?.IsMatch(relative) == true)
                {
                    entries.AddRange(section.Entries);
                }
            }
        }
        return entries.Count == 0 ? None : new EditorConfigSeverities(entries);
    }

    /// <summary>True when no setting applies.</summary>
    public bool IsEmpty => _rules.Length == 0 && _categories.Count == 0 && _allRules is null;

    /// <summary>True when the last rule entry naming the rule gives it a severity that reports: it then runs even if it is off by default or in the mode.</summary>
    public bool SwitchesOn(DiagnosticDescriptor descriptor)
    {
        EditorConfigEntry? last = null;
        foreach (var entry in _rules)
        {
            if (descriptor.IsNamedBy(entry.Target))
            {
                last = entry;
            }
        }
        return last?.Severity is { } severity && severity != DiagnosticSeverity.None;
    }

    /// <summary>
    /// The severity of <paramref name="finding"/> once these settings apply, given the severity <paramref name="byMode"/>
    /// the mode (and BuildKit's <c># check=error=true</c>) gives it; <paramref name="runsInMode"/>: whether the mode runs the
    /// rule (bulk entries apply only then).
    /// </summary>
    public DiagnosticSeverity Apply(Finding finding, DiagnosticSeverity byMode, bool runsInMode)
    {
        if (_switches.Specifies(finding))
        {
            return byMode;
        }
        var configured = Configured(finding, byMode, runsInMode);
        return configured == DiagnosticSeverity.Error && byMode == DiagnosticSeverity.Warning && _switches.KeepsWarning(finding) ? byMode : configured;
    }

    private DiagnosticSeverity Configured(Finding finding, DiagnosticSeverity byMode, bool runsInMode)
    {
        EditorConfigEntry? named = null;
        foreach (var entry in _rules)
        {
            // Any of the finding's names: code, short name, hadolint or BuildKit name, a ShellCheck finding's SC code.
            if (finding.IsNamedBy(entry.Target))
            {
                named = entry;
            }
        }
        if (named is not null)
        {
            return named.Severity ?? byMode;
        }
        if (!runsInMode || finding.Descriptor.Category is DiagnosticCategories.Tool or DiagnosticCategories.Syntax)
        {
            return byMode;
        }
        if (_categories.TryGetValue(finding.Descriptor.Category, out var category) && category.IsValid)
        {
            return category.Severity ?? byMode;
        }
        if (_allRules is { IsValid: true } all)
        {
            return all.Severity ?? byMode;
        }
        return byMode;
    }
}
