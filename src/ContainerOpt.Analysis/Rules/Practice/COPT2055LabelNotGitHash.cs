using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3055: a label the schema types <c>hash</c> holds no short (7) or full (40) lower-case hex git hash.</summary>
public sealed class COPT2055LabelNotGitHash : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelNotGitHash;

    public override void Analyze(RuleContext context) =>
        context.ReportInvalidLabels(LabelPairs.Hash, LabelFormats.IsGitHash);
}
