using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3052: a label the schema types <c>url</c> holds no absolute URI (RFC 3986: a scheme, ':', then only URI characters).</summary>
public sealed class COPT2052LabelNotUrl : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2052",
        "label-not-url",
        "Label should be a URL",
        "Label '{0}' must be an absolute URL (RFC 3986, e.g. https://example.com/project): '{1}' is not.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3052" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context) =>
        LabelPairs.ReportInvalid(context, LabelPairs.Url, LabelFormats.IsUrl);
}
