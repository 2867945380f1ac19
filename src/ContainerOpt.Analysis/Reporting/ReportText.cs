using System.Text;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>What several report formats do to the same text: one line of it, a path as CI services expect it, a URI.</summary>
internal static class ReportText
{
    /// <summary>The message on one line: every line break a space (GNU's and Code Climate's one-line messages; hadolint does the same).</summary>
    public static string OneLine(string text) =>
        text.IndexOf('\n') < 0 && text.IndexOf('\r') < 0 ? text : text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>
    /// A path as CI services take it (GitLab, Code Climate, Codacy, GitHub annotations, SonarQube): '/' separators and no
    /// leading "./", which they join to a commit or a checkout; otherwise as the user named it (relative to where the tool ran).
    /// </summary>
    public static string ServicePath(string path)
    {
        string p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p.Substring(2);
        }
        return p;
    }

    /// <summary>
    /// A path as a URI reference (SARIF's artifactLocation.uri): an absolute path becomes a <c>file:///</c> URI, a relative
    /// one stays relative (GitHub takes it from the repository's root); every character outside RFC 3986's unreserved and
    /// sub-delimiters is percent-encoded as UTF-8 (a space is %20), ':' too in a relative path, where it would read as a scheme.
    /// </summary>
    public static string Uri(string path)
    {
        string p = path.Replace('\\', '/');
        bool windowsDrive = p.Length >= 3 && p[1] == ':' && p[2] == '/' && char.IsLetter(p[0]);
        bool absolute = windowsDrive || p.StartsWith("/", StringComparison.Ordinal);
        var uri = new StringBuilder(p.Length + 8);
        if (absolute)
        {
            uri.Append(windowsDrive ? "file:///" : "file://");
        }
        foreach (byte b in Encoding.UTF8.GetBytes(p))
        {
            char c = (char)b;
            bool keep = b < 0x80 && (char.IsLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '/' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or '@'
                || (c == ':' && absolute));
            if (keep)
            {
                uri.Append(c);
            }
            else
            {
                uri.Append('%').Append(((int)b).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return uri.ToString();
    }

    /// <summary>
    /// Text for a terminal: control characters (a Dockerfile's text quoted in a message could carry ANSI escapes) shown as
    /// <c>\u001b</c> instead of acting on the terminal; tabs and line breaks are left to the caller.
    /// </summary>
    public static string ForTerminal(string text)
    {
        StringBuilder? safe = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool control = (c < 0x20 && c is not '\n' and not '\t') || (c >= 0x7F && c <= 0x9F);
            if (control)
            {
                safe ??= new StringBuilder(text, 0, i, text.Length + 8);
                safe.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                safe?.Append(c);
            }
        }
        return safe?.ToString() ?? text;
    }

    /// <summary>Text XML 1.0 can hold: characters it forbids (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD.</summary>
    public static string ForXml(string text)
    {
        StringBuilder? safe = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                safe?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            ok = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok)
            {
                safe ??= new StringBuilder(text, 0, i, text.Length);
                safe.Append('\uFFFD');
            }
            else
            {
                safe?.Append(c);
            }
        }
        return safe?.ToString() ?? text;
    }

    /// <summary>SARIF's level of a severity: error, warning, note (info and style), none.</summary>
    public static string SarifLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info or DiagnosticSeverity.Style => "note",
        _ => "none",
    };

    /// <summary>Code Climate's (and GitLab's) severity, as hadolint maps its levels: blocker, major, minor, info.</summary>
    public static string CodeClimateSeverity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "blocker",
        DiagnosticSeverity.Warning => "major",
        DiagnosticSeverity.Info => "minor",
        _ => "info",
    };
}
