using System.Text;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Settings given for one run that apply over the configuration files: the CLI's hadolint flags (<c>--ignore</c>,
/// <c>--error</c>/<c>--warning</c>/<c>--info</c>/<c>--style</c>, <c>--trusted-registry</c>, <c>--require-label</c>,
/// <c>--strict-labels</c>, <c>--disable-ignore-pragma</c>, <c>--failure-threshold</c>, <c>--no-fail</c>). As hadolint
/// merges its command line with its file: lists add to the files' (ignored rules, registries, required labels), single
/// values replace theirs, and a severity named here wins over any the files give the same rule (an ignored rule stays
/// ignored). Values are checked by the caller (<see cref="RuleKeys"/>, <see cref="TryParseLabelRequirement"/>,
/// <see cref="HadolintConfigReader.TryParseFailureThreshold"/>); this only applies them.
/// </summary>
public sealed class ConfigurationOverrides
{
    /// <summary>Rules switched off, added to the files' <c>ignored</c>.</summary>
    public IList<string> Ignored { get; } = new List<string>();

    /// <summary>Severities per rule key, in the order given (a later one wins for the same rule).</summary>
    public IList<KeyValuePair<string, DiagnosticSeverity>> Severities { get; } = new List<KeyValuePair<string, DiagnosticSeverity>>();

    /// <summary>Registries allowed in FROM, added to the files' <c>trustedRegistries</c>.</summary>
    public IList<string> TrustedRegistries { get; } = new List<string>();

    /// <summary>Required labels and their type, added to (and replacing the type of the same label in) the files' label schema.</summary>
    public IList<KeyValuePair<string, string>> LabelSchema { get; } = new List<KeyValuePair<string, string>>();

    public bool? StrictLabels { get; set; }

    public bool? DisableIgnorePragma { get; set; }

    public bool? NoFail { get; set; }

    public DiagnosticSeverity? FailureThreshold { get; set; }

    /// <summary>True when nothing is set: the options are the files' own.</summary>
    public bool IsEmpty =>
        Ignored.Count == 0 && Severities.Count == 0 && TrustedRegistries.Count == 0 && LabelSchema.Count == 0
        && StrictLabels is null && DisableIgnorePragma is null && NoFail is null && FailureThreshold is null;

    /// <summary>Applies the settings to options read from the configuration files.</summary>
    public void ApplyTo(AnalysisOptions options)
    {
        foreach (var rule in Ignored)
        {
            options.Ignored.Add(rule);
        }
        if (Severities.Count > 0)
        {
            // The analysis applies the severities in the dictionary's order, the last match winning: the files' first,
            // then these; a key given twice keeps its last place. Rebuilt rather than updated: a dictionary puts a key
            // that is set again back in its old place.
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var ordered = options.Severities.Concat(Severities).Reverse().Where(pair => seen.Add(pair.Key)).Reverse().ToList();
            options.Severities.Clear();
            foreach (var pair in ordered)
            {
                options.Severities.Add(pair.Key, pair.Value);
            }
        }
        foreach (var registry in TrustedRegistries)
        {
            if (!options.TrustedRegistries.Contains(registry, StringComparer.OrdinalIgnoreCase))
            {
                options.TrustedRegistries.Add(registry);
            }
        }
        foreach (var pair in LabelSchema)
        {
            options.LabelSchema[pair.Key] = pair.Value;
        }
        if (StrictLabels is bool strict) options.StrictLabels = strict;
        if (DisableIgnorePragma is bool disable) options.DisableIgnorePragma = disable;
        if (NoFail is bool noFail) options.NoFail = noFail;
        if (FailureThreshold is { } threshold) options.FailureThreshold = threshold;
    }

    /// <summary>A canonical text of every setting: two overrides with the same text give the same options (cache keys).</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("ignore ").Append(string.Join(",", Ignored)).Append('\n');
        text.Append("severity ").Append(string.Join(",", Severities.Select(s => s.Key + "=" + s.Value.ToText()))).Append('\n');
        text.Append("registries ").Append(string.Join(",", TrustedRegistries)).Append('\n');
        text.Append("labels ").Append(string.Join(",", LabelSchema.Select(l => l.Key + ":" + l.Value))).Append('\n');
        text.Append("strict-labels ").Append(StrictLabels?.ToString() ?? "-").Append('\n');
        text.Append("disable-ignore-pragma ").Append(DisableIgnorePragma?.ToString() ?? "-").Append('\n');
        text.Append("no-fail ").Append(NoFail?.ToString() ?? "-").Append('\n');
        text.Append("failure-threshold ").Append(FailureThreshold?.ToText() ?? "-").Append('\n');
        return text.ToString();
    }

    /// <summary>A copy of every setting, for <see cref="SetsTheSameAs"/> to tell later whether these changed.</summary>
    internal ConfigurationOverrides Copy()
    {
        var copy = new ConfigurationOverrides
        {
            StrictLabels = StrictLabels,
            DisableIgnorePragma = DisableIgnorePragma,
            NoFail = NoFail,
            FailureThreshold = FailureThreshold,
        };
        foreach (var rule in Ignored) copy.Ignored.Add(rule);
        foreach (var pair in Severities) copy.Severities.Add(pair);
        foreach (var registry in TrustedRegistries) copy.TrustedRegistries.Add(registry);
        foreach (var pair in LabelSchema) copy.LabelSchema.Add(pair);
        return copy;
    }

    /// <summary>
    /// True when both set the same, setting by setting (then their <see cref="Describe"/> texts are the same): the cheap
    /// question a run asks for every file, where the text would be built each time.
    /// </summary>
    internal bool SetsTheSameAs(ConfigurationOverrides other) =>
        StrictLabels == other.StrictLabels && DisableIgnorePragma == other.DisableIgnorePragma && NoFail == other.NoFail
        && FailureThreshold == other.FailureThreshold && Same(Ignored, other.Ignored) && Same(TrustedRegistries, other.TrustedRegistries)
        && Same(Severities, other.Severities) && Same(LabelSchema, other.LabelSchema);

    private static bool Same(IList<string> a, IList<string> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Same<T>(IList<KeyValuePair<string, T>> a, IList<KeyValuePair<string, T>> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (int i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal) || !EqualityComparer<T>.Default.Equals(a[i].Value, b[i].Value))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Reads hadolint's <c>--require-label LABEL:FORMAT</c>: the label's name before the first colon, its format after
    /// it (one of <see cref="Facts.LabelPairs.SchemaTypes"/>, any case; none or empty is <c>text</c>, as in the files'
    /// label-schema). False with the reason otherwise.
    /// </summary>
    public static bool TryParseLabelRequirement(string text, out string label, out string type, out string? problem)
    {
        int colon = text.IndexOf(':');
        label = (colon < 0 ? text : text.Substring(0, colon)).Trim();
        type = colon < 0 ? "" : text.Substring(colon + 1).Trim();
        problem = null;
        if (label.Length == 0)
        {
            problem = $"'{text}' names no label; use LABEL:FORMAT, as maintainer:text.";
            return false;
        }
        if (!Facts.LabelPairs.IsKnownType(type))
        {
            string? nearest = EditDistance.Nearest(type, Facts.LabelPairs.SchemaTypes);
            problem = $"unknown label format '{type}' in '{text}'; use one of {string.Join(", ", Facts.LabelPairs.SchemaTypes)}."
                + (nearest is null ? "" : $" Did you mean '{nearest}'?");
            return false;
        }
        type = type.Length == 0 ? "text" : type.ToLowerInvariant();
        return true;
    }
}
