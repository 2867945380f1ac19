using System.Globalization;
using System.Xml;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>checkstyle</c>: Checkstyle's XML report, which Jenkins (warnings-ng), reviewdog, danger and most CI dashboards read:
/// <c>&lt;checkstyle version="4.3"&gt;&lt;file name="…"&gt;&lt;error line column severity message source/&gt;</c>, a
/// <c>file</c> for every file linted, as Checkstyle lists every file it audited. Severity error, warning or info (style is
/// info); source is the rule's code; line breaks in a message are kept as <c>&amp;#xA;</c>.
/// </summary>
public sealed class CheckstyleReport : FindingReportFormat
{
    public override string Name => "checkstyle";

    public override string Description => "Checkstyle XML (Jenkins warnings-ng, reviewdog)";

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        // The declaration is written here: XmlWriter would name the encoding of the writer it is given (UTF-16 for a
        // StringWriter); what reaches a file or a pipe is UTF-8.
        output.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        var settings = new XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Entitize,
            ConformanceLevel = ConformanceLevel.Document,
        };
        using (var xml = XmlWriter.Create(output, settings))
        {
            xml.WriteStartElement("checkstyle");
            xml.WriteAttributeString("version", "4.3");
            foreach (var file in files)
            {
                xml.WriteStartElement("file");
                xml.WriteAttributeString("name", ReportText.ForXml(file.Path));
                foreach (var f in file.Findings)
                {
                    xml.WriteStartElement("error");
                    xml.WriteAttributeString("line", Math.Max(0, f.Location.Start.Line).ToString(CultureInfo.InvariantCulture));
                    if (f.Location.Start.Line >= 1 && f.Location.Start.Column >= 1)
                    {
                        xml.WriteAttributeString("column", f.Location.Start.Column.ToString(CultureInfo.InvariantCulture));
                    }
                    xml.WriteAttributeString("severity", Severity(f.Severity));
                    xml.WriteAttributeString("message", ReportText.ForXml(f.Message));
                    xml.WriteAttributeString("source", f.Code);
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        output.WriteLine();
    }

    private static string Severity(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
