using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3056: a label the schema types <c>semver</c> holds no SemVer 2.0.0 version (no leading 'v').</summary>
public sealed class COPT2056LabelNotSemver : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2056",
        "label-not-semver",
        "Label should be a semantic version",
        "Label '{0}' must be a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.2 or 2.0.0-rc.1): '{1}' is not.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3056" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context) =>
        LabelPairs.ReportInvalid(context, LabelPairs.SemVer, LabelFormats.IsSemVer);
}
