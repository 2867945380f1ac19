using System.Globalization;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>msbuild</c> (alias <c>text</c>): MSBuild's canonical format, <c>path(line,col): warning COPT2008: message</c>, one
/// finding a line, which Visual Studio's Error List and CI log parsers read. Style findings only when
/// <see cref="FileFindings.ShowsStyle"/>, as a build does not print suggestions.
/// </summary>
public sealed class MSBuildReport : FindingReportFormat
{
    public override string Name => "msbuild";

    public override IReadOnlyList<string> Aliases { get; } = new[] { "text" };

    public override string Description => "path(line,col): warning CODE: message, as MSBuild prints (the default when not a terminal)";

    public override bool IsForPeople => true;

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        foreach (var file in files)
        {
            // By index: a foreach through the interface boxes an enumerator and makes two interface calls per finding.
            var findings = file.Findings;
            for (int i = 0; i < findings.Count; i++)
            {
                var f = findings[i];
                if (f.Severity <= DiagnosticSeverity.Style && !file.ShowsStyle)
                {
                    continue;
                }
                Write(output, file.Path, f);
            }
        }
    }

    /// <summary>
    /// What <see cref="Format"/> gives, and a line break, written in pieces: a run prints thousands of lines, and a string
    /// per line only to copy it into the writer was a third of the report's cost.
    /// </summary>
    private static void Write(TextWriter output, string path, Finding f)
    {
        output.Write(path);
        output.Write('(');
        WriteNumber(output, f.Location.Start.Line);
        output.Write(',');
        WriteNumber(output, f.Location.Start.Column);
        output.Write("): ");
        output.Write(f.Severity.ToText());
        output.Write(' ');
        output.Write(f.Code);
        output.Write(": ");
        output.Write(f.Message);
        output.WriteLine();
    }

    /// <summary>A number as the interpolation writes it, digit by digit (no string for it).</summary>
    private static void WriteNumber(TextWriter output, int value)
    {
        if (value < 0)
        {
            output.Write(value.ToString(CultureInfo.CurrentCulture));
            return;
        }
        if (value >= 10)
        {
            WriteNumber(output, value / 10);
        }
        output.Write((char)('0' + value % 10));
    }

    public static string Format(string path, Finding f) =>
        $"{path}({f.Location.Start.Line},{f.Location.Start.Column}): {f.Severity.ToText()} {f.Code}: {f.Message}";
}
