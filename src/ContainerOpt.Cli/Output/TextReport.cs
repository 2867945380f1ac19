using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Cli.Commands;

namespace ContainerOpt.Cli.Output;

/// <summary>MSBuild's canonical format, <c>path(line,col): warning COPT2008: message</c>, one finding a line.</summary>
internal static class TextReport
{
    public static void Write(TextWriter stdout, TextWriter stderr, IReadOnlyList<FileFindings> files)
    {
        int errors = 0, warnings = 0, infos = 0;
        foreach (var file in files)
        {
            foreach (var f in file.Findings)
            {
                stdout.WriteLine(Format(file.Path, f));
                switch (f.Severity)
                {
                    case DiagnosticSeverity.Error: errors++; break;
                    case DiagnosticSeverity.Warning: warnings++; break;
                    default: infos++; break;
                }
            }
        }
        stderr.WriteLine($"{files.Count} file(s): {errors} error(s), {warnings} warning(s), {infos} info.");
    }

    public static string Format(string path, Finding f) =>
        $"{path}({f.Location.Start.Line},{f.Location.Start.Column}): {f.Severity.ToText()} {f.Code}: {f.Message}";
}
