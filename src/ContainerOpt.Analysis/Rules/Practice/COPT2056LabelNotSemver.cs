using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3056: a label the schema types <c>semver</c> holds no SemVer 2.0.0 version (no leading 'v').</summary>
public sealed class COPT2056LabelNotSemver : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelNotSemver;

    public override void Analyze(RuleContext context) =>
        context.ReportInvalidLabels(LabelPairs.SemVer, LabelFormats.IsSemVer);
}
