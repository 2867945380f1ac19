using System.Globalization;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>gnu</c>: the GNU Coding Standards' form for a program's messages about a source file, as hadolint writes it, with the
/// column: <c>containeropt:path:line:col: CODE severity: message</c>, one finding a line (line breaks in a message become
/// spaces). A whole-file finding has no position: <c>containeropt:path: CODE severity: message</c>.
/// </summary>
public sealed class GnuReport : FindingReportFormat
{
    public override string Name => "gnu";

    public override string Description => "containeropt:path:line:col: CODE severity: message (GNU tools, Emacs' compilation mode)";

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        foreach (var file in files)
        {
            foreach (var f in file.Findings)
            {
                string position = f.Location.Start.Line < 1
                    ? ""
                    : ":" + f.Location.Start.Line.ToString(CultureInfo.InvariantCulture)
                        + (f.Location.Start.Column < 1 ? "" : ":" + f.Location.Start.Column.ToString(CultureInfo.InvariantCulture));
                output.WriteLine("containeropt:" + ReportText.OneLine(file.Path) + position + ": " + f.Code + " " + f.Severity.ToText() + ": " + ReportText.OneLine(f.Message));
            }
        }
    }
}
