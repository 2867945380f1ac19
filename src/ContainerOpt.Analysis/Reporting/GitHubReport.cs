using System.Globalization;
using System.Text;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>github</c>: GitHub Actions workflow commands, which the runner turns into annotations on the pull request's files:
/// <c>::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message</c> (error, warning; info and style are notices).
/// Escaped as the runner unescapes them: in the message '%', CR and LF; in a property also ':' and ','. Columns only for a
/// span on one line (GitHub rejects them across lines).
/// </summary>
public sealed class GitHubReport : FindingReportFormat
{
    public override string Name => "github";

    public override string Description => "GitHub Actions annotations (::warning file=…,line=…::message)";

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        foreach (var file in files)
        {
            foreach (var f in file.Findings)
            {
                var line = new StringBuilder();
                line.Append("::").Append(Command(f.Severity)).Append(" file=").Append(Property(ReportText.ServicePath(file.Path)));
                var span = f.Location;
                if (span.Start.Line >= 1)
                {
                    line.Append(",line=").Append(Number(span.Start.Line));
                    bool oneLine = span.End.Line == span.Start.Line;
                    if (oneLine && span.Start.Column >= 1)
                    {
                        line.Append(",col=").Append(Number(span.Start.Column));
                    }
                    if (span.End.Line >= span.Start.Line)
                    {
                        line.Append(",endLine=").Append(Number(span.End.Line));
                    }
                    if (oneLine && span.Start.Column >= 1 && span.End.Column > span.Start.Column)
                    {
                        line.Append(",endColumn=").Append(Number(span.End.Column));
                    }
                }
                line.Append(",title=").Append(Property(f.Code + " " + f.Descriptor.Name));
                line.Append("::").Append(Data(f.Message));
                output.WriteLine(line.ToString());
            }
        }
    }

    private static string Command(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "notice",
    };

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A command's message (after '::'): '%' first, so the escapes it makes are not escaped again.</summary>
    internal static string Data(string text) => text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>A property's value: as a message, and ':' and ',' too, which end a property.</summary>
    internal static string Property(string text) => Data(text).Replace(":", "%3A").Replace(",", "%2C");
}
