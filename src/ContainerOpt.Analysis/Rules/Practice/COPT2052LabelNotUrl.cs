using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3052: a label the schema types <c>url</c> holds no absolute URI (RFC 3986: a scheme, ':', then only URI characters).</summary>
public sealed class COPT2052LabelNotUrl : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelNotUrl;

    public override void Analyze(RuleContext context) =>
        context.ReportInvalidLabels(LabelPairs.Url, LabelFormats.IsValidUrl);
}
