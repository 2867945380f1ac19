using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Configuration;

/// <summary>
/// Settings of one analysis, merged from .hadolint.yaml, the ContainerOpt config and MSBuild.
/// Rule keys may be a code (COPT2008), a name (apt-get-pin-versions) or an equivalent (DL3008,
/// JSONArgsRecommended): all three name the same rule.
/// </summary>
public sealed class AnalysisOptions
{
    public static AnalysisOptions Default { get; } = new();

    /// <summary>Rules switched off.</summary>
    public ISet<string> Ignored { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Severity per rule (None switches it off; any other severity switches an off-by-default rule on).</summary>
    public IDictionary<string, DiagnosticSeverity> Severities { get; } = new Dictionary<string, DiagnosticSeverity>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registries allowed in FROM (empty: any). hadolint's trustedRegistries.</summary>
    public IList<string> TrustedRegistries { get; } = new List<string>();

    /// <summary>Required labels and their type (text, url, rfc3339, spdx, hash, semver, email). hadolint's label-schema.</summary>
    public IDictionary<string, string> LabelSchema { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Labels not in the schema are reported (DL3050).</summary>
    public bool StrictLabels { get; set; }

    /// <summary>
    /// hadolint's failure-threshold: the run fails only for findings at or above this severity (style reads
    /// as Info; ignore/none as None, so any finding fails). For the caller's exit code: the analysis does
    /// not filter by it.
    /// </summary>
    public DiagnosticSeverity? FailureThreshold { get; set; }

    /// <summary>Findings never fail the run (hadolint's no-fail); for the CLI's exit code, the analysis ignores it.</summary>
    public bool NoFail { get; set; }

    /// <summary>
    /// In-file <c>ignore=</c> pragmas (<c># hadolint ignore=</c>, <c># containeropt ignore=</c> and their
    /// <c>global</c> forms) have no effect (hadolint's disable-ignore-pragma). BuildKit's <c># check=</c>
    /// directive still applies: <c>docker build</c> honours it too.
    /// </summary>
    public bool DisableIgnorePragma { get; set; }

    /// <summary>Build arguments (<c>--build-arg</c>) for expanding FROM and ARG defaults.</summary>
    public IDictionary<string, string> BuildArgs { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Turn on every off-by-default rule (their findings then follow the mode like any other's).</summary>
    public bool EnableAllRules { get; set; }

    /// <summary>
    /// The analysis mode, or null for the default: hadolint mode when the configuration came from a
    /// .hadolint.yaml alone, else recommended. Set by MSBuild's ContainerOptAnalysisMode, the CLI's --mode
    /// or the configuration's <c>mode:</c>.
    /// </summary>
    public AnalysisMode? Mode { get; set; }

    /// <summary>True when a .hadolint.yaml was read: without an explicit mode, the run is in hadolint mode.</summary>
    public bool ConfiguredByHadolint { get; set; }

    /// <summary>The mode in effect.</summary>
    public AnalysisMode EffectiveMode => Mode ?? (ConfiguredByHadolint ? AnalysisMode.Hadolint : AnalysisMode.Recommended);

    /// <summary>
    /// The date (UTC) that date-dependent checks such as end-of-life .NET versions compare with;
    /// null means today. Set it to make a build's result independent of the day it runs.
    /// </summary>
    public DateTime? Today { get; set; }

    /// <summary>
    /// The ShellCheck to run on the RUN scripts after the rules (COPT2200), or null for none. The CLI and the
    /// MSBuild task set it through <see cref="Requests.AnalysisRequestLoader"/>, which finds shellcheck on PATH.
    /// </summary>
    public ShellCheck.ShellCheckTool? ShellCheck { get; set; }
}
