using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3053: a label the schema types <c>rfc3339</c> holds no RFC 3339 date-time (date, 'T', time, 'Z' or an offset).</summary>
public sealed class COPT2053LabelNotRfc3339 : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2053",
        "label-not-rfc3339",
        "Label should be an RFC 3339 date-time",
        "Label '{0}' must be an RFC 3339 date-time (e.g. 2024-05-01T12:30:00Z): '{1}' is not.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3053" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context) =>
        LabelPairs.ReportInvalid(context, LabelPairs.Rfc3339, LabelFormats.IsRfc3339);
}
