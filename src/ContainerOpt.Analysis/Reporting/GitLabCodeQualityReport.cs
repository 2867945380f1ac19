using ContainerOpt.Core.Json;

namespace ContainerOpt.Analysis.Reporting;

/// <summary>
/// <c>gitlab_codeclimate</c>: GitLab's Code Quality report (<c>artifacts: reports: codequality</c>), a JSON array of
/// <c>{"description","check_name","fingerprint","severity","location":{"path","lines":{"begin"}}}</c>. GitLab keeps one issue
/// per fingerprint and compares them between the branches of a merge request, so the fingerprint is the finding's
/// (<see cref="FindingFingerprints"/>) made unique in the report by its path. Severity as hadolint maps it: error blocker,
/// warning major, info minor, style info.
/// </summary>
public sealed class GitLabCodeQualityReport : FindingReportFormat
{
    public override string Name => "gitlab_codeclimate";

    public override bool WritesFingerprints => true;

    public override string Description => "GitLab Code Quality report (JSON array)";

    public override void Write(TextWriter output, IEnumerable<FileFindings> files, ReportOptions options)
    {
        var json = new JsonWriter(output);
        json.StartArray();
        foreach (var file in files)
        {
            var fingerprints = FindingFingerprints.Of(file.Findings);
            for (int i = 0; i < file.Findings.Count; i++)
            {
                var f = file.Findings[i];
                json.StartObject();
                json.Property("description", ReportText.OneLine(f.Message));
                json.Property("check_name", f.Code);
                json.Property("fingerprint", FindingFingerprints.InReport(file.Path, fingerprints[i]));
                json.Property("severity", ReportText.CodeClimateSeverity(f.Severity));
                json.Name("location");
                json.StartObject();
                json.Property("path", ReportText.ServicePath(file.Path));
                json.Name("lines");
                json.StartObject();
                json.Property("begin", Math.Max(1, f.Location.Start.Line));
                json.EndObject();
                json.EndObject();
                json.EndObject();
            }
        }
        json.EndArray();
        output.WriteLine();
    }
}
