using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3055: a label the schema types <c>hash</c> holds no short (7) or full (40) lower-case hex git hash.</summary>
public sealed class COPT2055LabelNotGitHash : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2055",
        "label-not-git-hash",
        "Label should be a git commit hash",
        "Label '{0}' must be a git commit hash (7 or 40 lower-case hex digits, e.g. git rev-parse HEAD): '{1}' is not.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3055" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context) =>
        LabelPairs.ReportInvalid(context, LabelPairs.Hash, LabelFormats.IsGitHash);
}
