using System.Globalization;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>tty</c>, for a person at a terminal (the default there): the findings grouped under their file, aligned, the severity
/// in colour (error red, warning yellow, info cyan, style dim) unless <see cref="ReportOptions.Color"/> is off:
/// <code>
/// src/Api/Dockerfile
///   3:6   warning  COPT2008  Pin versions in apt-get install: … (DL3008)
///   12:1  error    COPT1204  …
/// </code>
/// Control characters of the messages are shown escaped rather than sent to the terminal; a message's further lines are
/// indented under its first. Style findings only when <see cref="FileFindings.ShowsStyle"/>.
/// </summary>
public sealed class TtyReport : FindingReportFormat
{
    private const string Reset = "\u001b[0m";
    private const string Bold = "\u001b[1m";
    private const string Dim = "\u001b[2m";
    private const string Underline = "\u001b[4m";
    private const string Red = "\u001b[31m";
    private const string Yellow = "\u001b[33m";
    private const string Cyan = "\u001b[36m";

    public override string Name => "tty";

    public override string Description => "grouped by file, coloured (the default on a terminal; NO_COLOR or --no-color for none)";

    public override bool IsForPeople => true;

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        bool color = options.Color;
        foreach (var file in files)
        {
            var shown = file.Findings.Where(f => f.Severity > DiagnosticSeverity.Style || file.ShowsStyle).ToList();
            if (shown.Count == 0)
            {
                continue;
            }
            string path = ReportText.ForTerminal(file.Path);
            output.WriteLine(color ? Bold + Underline + path + Reset : path);
            // A finding about the whole file (no line) shows '-' where the others show line:column.
            var positions = shown.Select(f => f.Location.Start.Line < 1 ? "-"
                : f.Location.Start.Line.ToString(CultureInfo.InvariantCulture) + ":" + f.Location.Start.Column.ToString(CultureInfo.InvariantCulture)).ToList();
            int positionWidth = positions.Max(p => p.Length);
            int codeWidth = shown.Max(f => f.Code.Length);
            for (int i = 0; i < shown.Count; i++)
            {
                var f = shown[i];
                string severity = f.Severity.ToText().PadRight(7);
                string prefix = "  " + positions[i].PadRight(positionWidth) + "  " + (color ? SeverityColor(f.Severity) + severity + Reset : severity) + "  "
                    + (color ? Dim + f.Code.PadRight(codeWidth) + Reset : f.Code.PadRight(codeWidth)) + "  ";
                string indent = new(' ', 2 + positionWidth + 2 + 7 + 2 + codeWidth + 2);
                var lines = ReportText.ForTerminal(f.Message).Replace("\r\n", "\n").Replace('\t', ' ').Split('\n');
                string equivalents = f.Equivalents.Count == 0 ? "" : " (" + string.Join(", ", f.Equivalents) + ")";
                for (int l = 0; l < lines.Length; l++)
                {
                    string text = lines[l];
                    if (l == lines.Length - 1 && equivalents.Length > 0)
                    {
                        text += color ? Dim + equivalents + Reset : equivalents;
                    }
                    output.WriteLine((l == 0 ? prefix : indent) + text);
                }
            }
            output.WriteLine();
        }
    }

    private static string SeverityColor(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Bold + Red,
        DiagnosticSeverity.Warning => Yellow,
        DiagnosticSeverity.Info => Cyan,
        _ => Dim,
    };
}
