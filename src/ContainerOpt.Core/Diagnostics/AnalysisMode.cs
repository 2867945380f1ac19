namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// Which rules speak, and how loudly — as Roslyn's AnalysisMode. MSBuild <c>ContainerOptAnalysisMode</c>,
/// CLI <c>--mode</c>, configuration <c>mode:</c>.
/// </summary>
public enum AnalysisMode
{
    /// <summary>
    /// The default. Warnings for certain bugs, BuildKit's own checks, size and cache problems that cost real
    /// bytes or cache reuse, and .NET project mistakes; style and pinning are suggestions (Style severity).
    /// </summary>
    Recommended,

    /// <summary>Only what is certain to break the build or the container; everything else is a suggestion.</summary>
    Minimum,

    /// <summary>Every rule at its full severity, off-by-default rules included.</summary>
    All,

    /// <summary>Exactly hadolint's default rule set and severities (what a run configured by a .hadolint.yaml gets).</summary>
    Hadolint,
}

/// <summary>The lowest mode in which a rule reports at its own severity (below it, its findings are suggestions).</summary>
public enum RuleTier
{
    /// <summary>Certain failures: the build fails or the container cannot start.</summary>
    Minimum,

    /// <summary>Worth a warning in every build: see <see cref="AnalysisMode.Recommended"/>.</summary>
    Recommended,

    /// <summary>Style, pinning and taste: a suggestion unless <see cref="AnalysisMode.All"/> or configuration promotes it.</summary>
    All,

    /// <summary>A rule kept for hadolint fidelity where ContainerOpt reports the same mistake better under another code: only in hadolint mode.</summary>
    HadolintOnly,
}

public static class AnalysisModeText
{
    public static string ToText(this AnalysisMode mode) => mode switch
    {
        AnalysisMode.Minimum => "minimum",
        AnalysisMode.All => "all",
        AnalysisMode.Hadolint => "hadolint",
        _ => "recommended",
    };

    public static bool TryParse(string? text, out AnalysisMode mode)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "recommended": case "default": mode = AnalysisMode.Recommended; return true;
            case "minimum": mode = AnalysisMode.Minimum; return true;
            case "all": mode = AnalysisMode.All; return true;
            case "hadolint": mode = AnalysisMode.Hadolint; return true;
            default: mode = AnalysisMode.Recommended; return false;
        }
    }
}
