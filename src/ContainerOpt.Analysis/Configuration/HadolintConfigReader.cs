using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Core.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Reads hadolint's configuration file (<c>.hadolint.yaml</c>) into <see cref="AnalysisOptions"/>, so
/// teams keep the file they have. Keys: <c>ignored</c>, <c>override</c> (<c>error</c>, <c>warning</c>,
/// <c>info</c>, <c>style</c>), <c>trustedRegistries</c>, <c>label-schema</c>, <c>strict-labels</c>,
/// <c>failure-threshold</c>, <c>no-fail</c>, <c>disable-ignore-pragma</c>; hadolint's output settings
/// (<c>format</c>, <c>no-color</c>, <c>verbose</c>) are accepted and have no effect. Rule keys may be
/// hadolint codes, ContainerOpt codes or rule names. No I/O: the caller reads the file.
/// </summary>
public static class HadolintConfigReader
{
    /// <summary>The file name hadolint looks for first (<c>.hadolint.yml</c> is also accepted by hadolint).</summary>
    public const string FileName = ".hadolint.yaml";

    private static readonly string[] Keys =
    {
        "ignored", "override", "trustedRegistries", "label-schema", "strict-labels", "failure-threshold",
        "no-fail", "disable-ignore-pragma", "format", "no-color", "verbose",
    };

    private static readonly string[] OverrideKeys = { "error", "warning", "info", "style" };

    /// <summary>
    /// Applies the settings of <paramref name="yamlText"/> to <paramref name="into"/> (lists add to what is
    /// there; single values replace it). Never throws for any text: problems come back as COPT0005
    /// findings in <paramref name="fileName"/> at the line and column of the value at fault — errors for
    /// unreadable YAML, wrong types and unknown severities or label types; warnings for unknown keys and
    /// rule keys that name no rule. Settings that are fine are applied even when others are not.
    /// </summary>
    /// <param name="yamlText">The file's text.</param>
    /// <param name="fileName">The file's path, for the findings.</param>
    /// <param name="into">The options to fill.</param>
    public static IReadOnlyList<Finding> Read(string yamlText, string fileName, AnalysisOptions into)
    {
        if (into is null) throw new ArgumentNullException(nameof(into));
        // A team that brings its .hadolint.yaml gets hadolint's rule set and severities unless a mode is named.
        into.ConfiguredByHadolint = true;
        var doc = ConfigDocument.Parse(yamlText, fileName, out var root);
        if (root is null)
        {
            return doc.Problems;
        }
        foreach (var pair in doc.Entries(root))
        {
            string key = pair.Name;
            var value = pair.Value;
            switch (key)
            {
                case "ignored":
                    foreach (var (rule, node) in doc.TextList(value, key, "rule code") ?? new())
                    {
                        doc.CheckRuleKey(rule, node);
                        if (rule.Length > 0) into.Ignored.Add(rule);
                    }
                    break;
                case "override":
                    ReadOverride(doc, value, into);
                    break;
                case "trustedRegistries":
                case "trusted-registries":
                    doc.TrustedRegistries(value, key, into);
                    break;
                case "label-schema":
                    doc.LabelSchema(value, key, into);
                    break;
                case "strict-labels":
                    if (doc.Bool(value, key) is bool strict) into.StrictLabels = strict;
                    break;
                case "no-fail":
                    if (doc.Bool(value, key) is bool noFail) into.NoFail = noFail;
                    break;
                case "disable-ignore-pragma":
                    if (doc.Bool(value, key) is bool disable) into.DisableIgnorePragma = disable;
                    break;
                case "failure-threshold":
                    ReadThreshold(doc, value, into);
                    break;
                case "format":
                case "output-format":
                case "no-color":
                case "verbose":
                    // hadolint's own output settings: ContainerOpt's CLI and MSBuild have their own.
                    break;
                default:
                    doc.UnknownKey(pair.Key, key, Keys, "");
                    break;
            }
        }
        return doc.Problems;
    }

    private static void ReadOverride(ConfigDocument doc, YamlNode value, AnalysisOptions into)
    {
        if (ConfigDocument.IsNull(value))
        {
            return;
        }
        if (value is not YamlMappingNode mapping)
        {
            doc.Problem(value, "'override' must be a mapping with the lists error, warning, info and style, not " + ConfigDocument.Describe(value) + ".");
            return;
        }
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in doc.Entries(mapping))
        {
            string level = pair.Name;
            DiagnosticSeverity severity;
            switch (level)
            {
                case "error": severity = DiagnosticSeverity.Error; break;
                case "warning": severity = DiagnosticSeverity.Warning; break;
                case "info": severity = DiagnosticSeverity.Info; break;
                case "style": severity = DiagnosticSeverity.Style; break;
                default:
                    string? nearest = EditDistance.Nearest(level, OverrideKeys);
                    doc.Problem(pair.Key, $"unknown severity '{level}' in 'override'; use error, warning, info or style." + (nearest is null ? "" : $" Did you mean '{nearest}'?"));
                    continue;
            }
            foreach (var (rule, node) in doc.TextList(pair.Value, "override." + level, "rule code") ?? new())
            {
                if (rule.Length == 0)
                {
                    continue;
                }
                doc.CheckRuleKey(rule, node);
                if (seen.TryGetValue(rule, out var earlier) && earlier != level)
                {
                    doc.Warning(node, $"'{rule}' is in both override.{earlier} and override.{level}; the later one, {level}, applies.");
                }
                seen[rule] = level;
                into.Severities[rule] = severity;
            }
        }
    }

    private static void ReadThreshold(ConfigDocument doc, YamlNode value, AnalysisOptions into)
    {
        var text = doc.Scalar(value, "failure-threshold", "a severity");
        if (text is null)
        {
            return;
        }
        if (TryParseFailureThreshold(text, out var threshold))
        {
            into.FailureThreshold = threshold;
            return;
        }
        string? nearest = EditDistance.Nearest(text.Trim(), FailureThresholdNames);
        doc.Problem(value, $"unknown severity '{text}' for 'failure-threshold'; use error, warning, info, style, ignore or none."
            + (nearest is null ? "" : $" Did you mean '{nearest}'?"));
    }

    /// <summary>The levels of hadolint's failure-threshold (the file's key and the CLI's <c>--failure-threshold</c>).</summary>
    public static IReadOnlyList<string> FailureThresholdNames { get; } = new[] { "error", "warning", "info", "style", "ignore", "none" };

    /// <summary>
    /// Reads a failure-threshold level as hadolint does: error, warning, info, style (any case); ignore and none read as
    /// <see cref="DiagnosticSeverity.None"/>, which fails the run for any finding.
    /// </summary>
    public static bool TryParseFailureThreshold(string text, out DiagnosticSeverity threshold)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": threshold = DiagnosticSeverity.Error; return true;
            case "warning": threshold = DiagnosticSeverity.Warning; return true;
            case "info": threshold = DiagnosticSeverity.Info; return true;
            case "style": threshold = DiagnosticSeverity.Style; return true;
            case "ignore":
            case "none": threshold = DiagnosticSeverity.None; return true;
            default: threshold = DiagnosticSeverity.None; return false;
        }
    }
}
