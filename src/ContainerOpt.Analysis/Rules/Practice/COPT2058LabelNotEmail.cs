using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>hadolint DL3058: a label the schema types <c>email</c> holds no RFC 5322 address (<c>local@domain</c>, no display name).</summary>
public sealed class COPT2058LabelNotEmail : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelNotEmail;

    public override void Analyze(RuleContext context) =>
        context.ReportInvalidLabels(LabelPairs.Email, LabelFormats.IsEmail);
}
