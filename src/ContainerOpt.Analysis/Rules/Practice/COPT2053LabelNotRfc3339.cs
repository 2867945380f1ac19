using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3053: a label the schema types <c>rfc3339</c> holds no RFC 3339 date-time (date, 'T', time, 'Z' or an offset).</summary>
public sealed class COPT2053LabelNotRfc3339 : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelNotRfc3339;

    public override void Analyze(RuleContext context) =>
        context.ReportInvalidLabels(LabelPairs.Rfc3339, LabelFormats.IsRfc3339);
}
