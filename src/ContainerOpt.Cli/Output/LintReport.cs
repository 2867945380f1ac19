using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.IO;

namespace ContainerOpt.Cli.Output;

/// <summary>
/// What lint does around the report the library writes (ContainerOpt.Analysis.Reporting): which format <c>--format</c>
/// names (or the default for where standard output goes), whether <c>tty</c> is coloured, and the summary line a person
/// gets on standard error after the formats meant for people.
/// </summary>
internal static class LintReport
{
    /// <summary>The format named (any name or alias of <see cref="FindingReportFormats"/>), or without a name: tty on a terminal, else msbuild.</summary>
    public static FindingReportFormat Format(string? name, bool outputIsTerminal)
    {
        if (name is null)
        {
            return FindingReportFormats.Default(outputIsTerminal);
        }
        return FindingReportFormats.Find(name)
            ?? throw new UsageException($"--format must be one of: {FindingReportFormats.Names} (got '{name}').");
    }

    /// <summary>Colour on a terminal only, and not when NO_COLOR is set to anything (no-color.org) or --no-color is given.</summary>
    public static bool UseColor(bool outputIsTerminal, bool noColorFlag) =>
        outputIsTerminal && !noColorFlag && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>The command line as SARIF records it: <c>containeropt lint</c> and the arguments as given (lint takes no secrets).</summary>
    public static string CommandLine(IEnumerable<string> lintArguments) =>
        CommandLineQuoting.Join(new[] { "containeropt", "lint" }.Concat(lintArguments));

    /// <summary>
    /// Writes the report; after the formats for people, the summary on standard error (standard output flushed first, so
    /// the findings come before it): <paramref name="dockerfiles"/> is the number of Dockerfiles linted.
    /// </summary>
    public static void Write(FindingReportFormat format, TextWriter stdout, TextWriter stderr, IReadOnlyList<FileFindings> files, int dockerfiles, ReportOptions options)
    {
        format.Write(stdout, files, options);
        if (!format.IsForPeople)
        {
            return;
        }
        int errors = 0, warnings = 0, infos = 0, styles = 0;
        foreach (var f in files.SelectMany(file => file.Findings))
        {
            switch (f.Severity)
            {
                case DiagnosticSeverity.Error: errors++; break;
                case DiagnosticSeverity.Warning: warnings++; break;
                case DiagnosticSeverity.Info: infos++; break;
                default: styles++; break;
            }
        }
        stdout.Flush();
        string suggestions = styles == 0 ? "" : options.ShowStyle ? $", {styles} style" : $", {styles} suggestion(s) not shown (--format json, or --mode all, shows them)";
        stderr.WriteLine($"{dockerfiles} file(s): {errors} error(s), {warnings} warning(s), {infos} info{suggestions}.");
    }
}
