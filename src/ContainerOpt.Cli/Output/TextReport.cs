using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Cli.Commands;

namespace ContainerOpt.Cli.Output;

/// <summary>
/// MSBuild's canonical format, <c>path(line,col): warning COPT2008: message</c>, one finding a line.
/// Suggestions (style) are counted but not printed, as a build does not print them — except in hadolint
/// mode, where style is one of hadolint's levels and hadolint prints it.
/// </summary>
internal static class TextReport
{
    /// <summary>Prints the findings, then the summary: <paramref name="dockerfiles"/> is the number of Dockerfiles linted (configuration files and projects with findings are not counted).</summary>
    public static void Write(TextWriter stdout, TextWriter stderr, IReadOnlyList<FileFindings> files, int dockerfiles, bool showStyle = false)
    {
        int errors = 0, warnings = 0, infos = 0, styles = 0;
        foreach (var file in files)
        {
            foreach (var f in file.Findings)
            {
                switch (f.Severity)
                {
                    case DiagnosticSeverity.Error: errors++; break;
                    case DiagnosticSeverity.Warning: warnings++; break;
                    case DiagnosticSeverity.Info: infos++; break;
                    default:
                        styles++;
                        if (!showStyle) continue;
                        break;
                }
                stdout.WriteLine(Format(file.Path, f));
            }
        }
        // The findings reach the terminal before the summary, as when every line was flushed on its own.
        stdout.Flush();
        string suggestions = styles == 0 ? "" : showStyle ? $", {styles} style" : $", {styles} suggestion(s) not shown (--format json, or --mode all, shows them)";
        stderr.WriteLine($"{dockerfiles} file(s): {errors} error(s), {warnings} warning(s), {infos} info{suggestions}.");
    }

    public static string Format(string path, Finding f) =>
        $"{path}({f.Location.Start.Line},{f.Location.Start.Column}): {f.Severity.ToText()} {f.Code}: {f.Message}";
}
