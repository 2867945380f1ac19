using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3058: a label the schema types <c>email</c> holds no RFC 5322 address (<c>local@domain</c>, no display name).</summary>
public sealed class COPT2058LabelNotEmail : DockerfileRule
{
    public static readonly DiagnosticDescriptor Rule = new(
        "COPT2058",
        "label-not-email",
        "Label should be an email address",
        "Label '{0}' must be an email address (RFC 5322, e.g. team@example.com): '{1}' is not.",
        DiagnosticSeverity.Warning,
        RuleCategories.Practice,
        new[] { "DL3058" });

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context) =>
        LabelPairs.ReportInvalid(context, LabelPairs.Email, LabelFormats.IsEmail);
}
