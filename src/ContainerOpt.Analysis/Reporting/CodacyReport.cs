using ContainerOpt.Core.Json;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>codacy</c>: Codacy's tool result lines, as hadolint writes them: one JSON document a line,
/// <c>{"filename","patternId","message","line"}</c>; a whole-file finding is at line 1.
/// </summary>
public sealed class CodacyReport : FindingReportFormat
{
    public override string Name => "codacy";

    public override string Description => "Codacy tool results, a JSON document per line";

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        foreach (var file in files)
        {
            foreach (var f in file.Findings)
            {
                var json = new JsonWriter(output, indented: false);
                json.StartObject();
                json.Property("filename", ReportText.ServicePath(file.Path));
                json.Property("patternId", f.Code);
                json.Property("message", f.Message);
                json.Property("line", Math.Max(1, f.Location.Start.Line));
                json.EndObject();
                output.WriteLine();
            }
        }
    }
}
