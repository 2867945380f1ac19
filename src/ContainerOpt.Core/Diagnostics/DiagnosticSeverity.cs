namespace ContainerOpt.Core.Diagnostics;

/// <summary>How a finding is reported. Info becomes an MSBuild message with the code, importance high.</summary>
public enum DiagnosticSeverity
{
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

public static class DiagnosticSeverityText
{
    public static string ToText(this DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "none",
    };

    public static bool TryParse(string text, out DiagnosticSeverity severity)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "error": severity = DiagnosticSeverity.Error; return true;
            case "warning": severity = DiagnosticSeverity.Warning; return true;
            case "info": case "information": case "message": case "style": severity = DiagnosticSeverity.Info; return true;
            case "none": case "off": case "ignore": case "silent": severity = DiagnosticSeverity.None; return true;
            default: severity = DiagnosticSeverity.None; return false;
        }
    }
}
