using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Cli.Commands;

/// <summary>
/// hadolint's environment variables (its README, "Configure"): HADOLINT_NOFAIL, _VERBOSE, _FORMAT, _FAILURE_THRESHOLD,
/// _OVERRIDE_ERROR/_WARNING/_INFO/_STYLE, _IGNORE, _STRICT_LABELS, _DISABLE_IGNORE_PRAGMA, _TRUSTED_REGISTRIES,
/// _REQUIRE_LABELS, so a CI job that configured hadolint this way keeps working. As in hadolint they sit between the
/// configuration file and the command line: lists add to both, a single value or a flag on the command line wins.
/// A value that names nothing is a usage error, as the same value of the flag is.
/// </summary>
internal sealed class HadolintEnvironment
{
    private readonly Func<string, string?> _environment;

    public HadolintEnvironment(Func<string, string?> environment) => _environment = environment;

    /// <summary>hadolint's truthy values: 1, true, yes (and y, on), in any case.</summary>
    public bool Flag(string name) =>
        _environment(name)?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "y" or "on";

    /// <summary>The variable's value, or null when unset or blank.</summary>
    public string? Value(string name) => _environment(name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary>A comma-separated list, blanks dropped.</summary>
    public IReadOnlyList<string> List(string name) =>
        Value(name)?.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToArray() ?? Array.Empty<string>();

    /// <summary>The rules a list names; any other name is a usage error that says which variable holds it.</summary>
    public IReadOnlyList<string> Rules(string name)
    {
        var rules = List(name);
        foreach (var rule in rules)
        {
            if (!RuleKeys.NamesARule(rule))
            {
                string? nearest = RuleKeys.Nearest(rule);
                throw new UsageException($"{name}: no rule is named '{rule}'." + (nearest is null ? "" : $" Did you mean '{nearest}'?"));
            }
        }
        return rules;
    }

    /// <summary>Adds what the environment sets to <paramref name="overrides"/>, before the command line's own values are applied.</summary>
    public void AddTo(ConfigurationOverrides overrides)
    {
        if (Value("HADOLINT_FAILURE_THRESHOLD") is { } level)
        {
            overrides.FailureThreshold = HadolintConfigReader.TryParseFailureThreshold(level, out var threshold) ? threshold
                : throw new UsageException($"HADOLINT_FAILURE_THRESHOLD: '{level}' is not a level; use {string.Join(", ", HadolintConfigReader.FailureThresholdNames)}.");
        }
        if (Flag("HADOLINT_NOFAIL")) overrides.NoFail = true;
        if (Flag("HADOLINT_STRICT_LABELS")) overrides.StrictLabels = true;
        if (Flag("HADOLINT_DISABLE_IGNORE_PRAGMA")) overrides.DisableIgnorePragma = true;
        foreach (var rule in Rules("HADOLINT_IGNORE")) overrides.Ignored.Add(rule);
        foreach (var (variable, severity) in new[]
        {
            ("HADOLINT_OVERRIDE_ERROR", DiagnosticSeverity.Error), ("HADOLINT_OVERRIDE_WARNING", DiagnosticSeverity.Warning),
            ("HADOLINT_OVERRIDE_INFO", DiagnosticSeverity.Info), ("HADOLINT_OVERRIDE_STYLE", DiagnosticSeverity.Style),
        })
        {
            foreach (var rule in Rules(variable)) overrides.Severities.Add(new KeyValuePair<string, DiagnosticSeverity>(rule, severity));
        }
        foreach (var registry in List("HADOLINT_TRUSTED_REGISTRIES")) overrides.TrustedRegistries.Add(registry);
        foreach (var label in List("HADOLINT_REQUIRE_LABELS"))
        {
            if (!ConfigurationOverrides.TryParseLabelRequirement(label, out var key, out var type, out var problem))
            {
                throw new UsageException("HADOLINT_REQUIRE_LABELS: " + problem);
            }
            overrides.LabelSchema.Add(new KeyValuePair<string, string>(key, type));
        }
    }
}
