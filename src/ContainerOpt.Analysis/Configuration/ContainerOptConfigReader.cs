using ContainerOpt.Dockerfile.Text;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using YamlDotNet.RepresentationModel;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Reads ContainerOpt's own configuration file (<c>containeropt.yaml</c>; JSON is YAML, so
/// <c>containeropt.json</c> reads the same) into <see cref="AnalysisOptions"/>:
/// <c>mode</c> (recommended | minimum | all | hadolint), <c>rules</c> (rule key → error | warning | info | style | none,
/// or true/false), <c>enableAllRules</c>,
/// <c>trustedRegistries</c>, <c>labelSchema</c>, <c>strictLabels</c>, <c>disableIgnorePragma</c>,
/// <c>buildArgs</c>. No I/O: the caller reads the file.
/// </summary>
public static class ContainerOptConfigReader
{
    /// <summary>The file name ContainerOpt looks for.</summary>
    public const string FileName = "containeropt.yaml";

    private static readonly string[] Keys =
    {
        "mode", "rules", "enableAllRules", "trustedRegistries", "labelSchema", "strictLabels", "disableIgnorePragma", "buildArgs",
    };

    private static readonly string[] ModeNames = { "recommended", "minimum", "all", "hadolint" };

    private static readonly string[] SeverityNames = { "error", "warning", "info", "style", "suggestion", "none" };

    /// <summary>
    /// Applies the settings of <paramref name="text"/> (YAML or JSON) to <paramref name="into"/> (lists and
    /// maps add to what is there; single values replace it). Never throws for any text: problems come
    /// back as COPT0005 findings in <paramref name="fileName"/> at the line and column of the value at
    /// fault — errors for unreadable text, wrong types, unknown severities and label types; warnings for
    /// unknown keys and rule keys that name no rule. Settings that are fine are applied even when others are not.
    /// </summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The file's path, for the findings.</param>
    /// <param name="into">The options to fill.</param>
    public static IReadOnlyList<Finding> Read(string text, string fileName, AnalysisOptions into)
    {
        if (into is null) throw new ArgumentNullException(nameof(into));
        var doc = ConfigDocument.Parse(text, fileName, out var root);
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
                case "mode":
                    if (doc.Scalar(value, key, "a mode (recommended, minimum, all, hadolint)") is { } modeText)
                    {
                        if (AnalysisModeText.TryParse(modeText, out var mode))
                        {
                            into.Mode = mode;
                        }
                        else
                        {
                            string? nearestMode = EditDistance.Nearest(modeText.Trim(), ModeNames);
                            doc.Problem(value, $"unknown mode '{modeText}'; use recommended, minimum, all or hadolint." + (nearestMode is null ? "" : $" Did you mean '{nearestMode}'?"));
                        }
                    }
                    break;
                case "rules":
                    ReadRules(doc, value, into);
                    break;
                case "enableAllRules":
                    if (doc.Bool(value, key) is bool all) into.EnableAllRules = all;
                    break;
                case "trustedRegistries":
                    doc.TrustedRegistries(value, key, into);
                    break;
                case "labelSchema":
                    doc.LabelSchema(value, key, into);
                    break;
                case "strictLabels":
                    if (doc.Bool(value, key) is bool strict) into.StrictLabels = strict;
                    break;
                case "disableIgnorePragma":
                    if (doc.Bool(value, key) is bool disable) into.DisableIgnorePragma = disable;
                    break;
                case "buildArgs":
                    ReadBuildArgs(doc, value, into);
                    break;
                default:
                    doc.UnknownKey(pair.Key, key, Keys, "");
                    break;
            }
        }
        return doc.Problems;
    }

    private static void ReadRules(ConfigDocument doc, YamlNode value, AnalysisOptions into)
    {
        if (ConfigDocument.IsNull(value))
        {
            return;
        }
        if (value is not YamlMappingNode mapping)
        {
            doc.Problem(value, "'rules' must be a mapping of rule keys to severities (COPT2008: error), not " + ConfigDocument.Describe(value) + ".");
            return;
        }
        foreach (var pair in doc.Entries(mapping))
        {
            string rule = pair.Name;
            rule = rule.Trim();
            doc.CheckRuleKey(rule, pair.Key);
            string? text = doc.Scalar(pair.Value, "rules." + rule, "a severity (error, warning, info, none)");
            if (text is null || rule.Length == 0)
            {
                continue;
            }
            switch (text.Trim().ToLowerInvariant())
            {
                case "false":
                    into.Severities[rule] = DiagnosticSeverity.None;
                    continue;
                case "true":
                    // On at its default severity: switches on a rule that is off by default.
                    into.Severities[rule] = DiagnosticCatalog.Find(rule)?.DefaultSeverity ?? DiagnosticSeverity.Warning;
                    continue;
            }
            if (DiagnosticSeverityText.TryParse(text, out var severity))
            {
                into.Severities[rule] = severity;
                continue;
            }
            string? nearest = EditDistance.Nearest(text.Trim(), SeverityNames);
            doc.Problem(pair.Value, $"unknown severity '{text}' for rule '{rule}'; use error, warning, info, style or none."
                + (nearest is null ? "" : $" Did you mean '{nearest}'?"));
        }
    }

    private static void ReadBuildArgs(ConfigDocument doc, YamlNode value, AnalysisOptions into)
    {
        if (ConfigDocument.IsNull(value))
        {
            return;
        }
        if (value is not YamlMappingNode mapping)
        {
            doc.Problem(value, "'buildArgs' must be a mapping of argument names to values (VERSION: 1.2.3), not " + ConfigDocument.Describe(value) + ".");
            return;
        }
        foreach (var pair in doc.Entries(mapping))
        {
            string name = pair.Name;
            if (name.Length == 0 || name.Contains('=') || name.Any(char.IsWhiteSpace))
            {
                doc.Problem(pair.Key, $"'{name}' is not a build argument name.");
                continue;
            }
            string? argValue = ConfigDocument.IsNull(pair.Value) ? "" : doc.Scalar(pair.Value, "buildArgs." + name, "a text value");
            if (argValue is not null)
            {
                into.BuildArgs[name] = argValue;
            }
        }
    }
}
