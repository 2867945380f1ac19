namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>msbuild</c> (alias <c>text</c>): MSBuild's canonical format, <c>path(line,col): warning COPT2008: message</c>, one
/// finding a line, which Visual Studio's Error List and CI log parsers read. Style findings only when
/// <see cref="ReportOptions.ShowStyle"/>, as a build does not print suggestions.
/// </summary>
public sealed class MSBuildReport : FindingReportFormat
{
    public override string Name => "msbuild";

    public override IReadOnlyList<string> Aliases { get; } = new[] { "text" };

    public override string Description => "path(line,col): warning CODE: message, as MSBuild prints (the default when not a terminal)";

    public override bool IsForPeople => true;

    public override void Write(TextWriter output, IReadOnlyList<FileFindings> files, ReportOptions options)
    {
        foreach (var file in files)
        {
            foreach (var f in file.Findings)
            {
                if (f.Severity <= DiagnosticSeverity.Style && !options.ShowStyle)
                {
                    continue;
                }
                output.WriteLine(Format(file.Path, f));
            }
        }
    }

    public static string Format(string path, Finding f) =>
        $"{path}({f.Location.Start.Line},{f.Location.Start.Column}): {f.Severity.ToText()} {f.Code}: {f.Message}";
}
