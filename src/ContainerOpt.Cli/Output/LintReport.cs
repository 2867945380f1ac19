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
    /// Writes the report as the files come (<paramref name="files"/> may be produced while it is written: each file's
    /// findings are printed, then forgotten); after the formats for people, the summary on standard error (standard output
    /// flushed first, so the findings come before it): <paramref name="dockerfiles"/> tells the number of Dockerfiles linted,
    /// asked once the last file is written (the files may still be being found while the first are written).
    /// <paramref name="options"/> is asked for before the first file, or after the last for a format that reads them all
    /// first (what only the end of the run knows, such as whether it succeeded, is right for those).
    /// </summary>
    public static FindingTally Write(FindingReportFormat format, TextWriter stdout, TextWriter stderr, IEnumerable<FileFindings> files, Func<int> dockerfiles,
        Func<ReportOptions> options)
    {
        var tally = new FindingTally();
        var counted = Counted(files, tally);
        if (format.ReadsAllFilesFirst)
        {
            var all = counted.ToList();
            format.Write(stdout, all, options());
        }
        else
        {
            format.Write(stdout, counted, options());
        }
        if (!format.IsForPeople)
        {
            return tally;
        }
        stdout.Flush();
        string style = tally.ShownStyles == 0 ? "" : $", {tally.ShownStyles} style";
        string suggestions = tally.HiddenStyles == 0 ? "" : $", {tally.HiddenStyles} suggestion(s) not shown (--format json, or --mode all, shows them)";
        stderr.WriteLine($"{dockerfiles()} file(s): {tally.Errors} error(s), {tally.Warnings} warning(s), {tally.Infos} info{style}{suggestions}.");
        return tally;
    }

    private static IEnumerable<FileFindings> Counted(IEnumerable<FileFindings> files, FindingTally tally)
    {
        foreach (var file in files)
        {
            tally.Add(file);
            yield return file;
        }
    }
}

/// <summary>
/// The findings of a lint counted as the report takes them: the summary line's numbers (style findings apart as their
/// files print them or not) and what the exit code asks of them.
/// </summary>
internal sealed class FindingTally
{
    private bool _any;
    private DiagnosticSeverity _highest = DiagnosticSeverity.None;

    public int Errors { get; private set; }
    public int Warnings { get; private set; }
    public int Infos { get; private set; }
    public int ShownStyles { get; private set; }
    public int HiddenStyles { get; private set; }

    public void Add(FileFindings file)
    {
        // By index: a foreach through the interface boxes an enumerator and makes two interface calls per finding.
        var findings = file.Findings;
        for (int i = 0; i < findings.Count; i++)
        {
            var f = findings[i];
            _any = true;
            if (f.Severity > _highest) _highest = f.Severity;
            switch (f.Severity)
            {
                case DiagnosticSeverity.Error: Errors++; break;
                case DiagnosticSeverity.Warning: Warnings++; break;
                case DiagnosticSeverity.Info: Infos++; break;
                default:
                    if (file.ShowsStyle) ShownStyles++; else HiddenStyles++;
                    break;
            }
        }
    }

    /// <summary>A finding at or above <paramref name="threshold"/>; with None, any finding at all.</summary>
    public bool AnyAtOrAbove(DiagnosticSeverity threshold) => threshold == DiagnosticSeverity.None ? _any : _highest >= threshold;
}
