namespace ContainerOpt.Core.Diagnostics;

/// <summary>
/// How a finding is reported. Error and Warning are MSBuild errors and warnings; Info is an MSBuild
/// message with the code at high importance; Style (Roslyn's "suggestion", hadolint's "style") is kept in
/// the JSON, SARIF, binlog and findings items but not printed among a build's output; None drops it.
/// The order is the order of importance (hadolint's: error &gt; warning &gt; info &gt; style).
/// </summary>
public enum DiagnosticSeverity
{
    None = 0,
    Style = 1,
    Info = 2,
    Warning = 3,
    Error = 4,
}

public static class DiagnosticSeverityText
{
    public static string ToText(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        DiagnosticSeverity.Style => "style",
        _ => "none",
    };

    /// <summary>Reads hadolint's, Roslyn's and ContainerOpt's names of a severity.</summary>
    public static bool TryParse(string text, out DiagnosticSeverity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "info": case "information": case "message": severity = DiagnosticSeverity.Info; return true;
            case "style": case "suggestion": severity = DiagnosticSeverity.Style; return true;
            case "none": case "off": case "ignore": case "silent": severity = DiagnosticSeverity.None; return true;
            default: severity = DiagnosticSeverity.None; return false;
        }
    }
}
