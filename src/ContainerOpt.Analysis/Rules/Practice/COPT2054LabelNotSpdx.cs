using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3054: a label the schema types <c>spdx</c> holds no SPDX license identifier. Unlike
/// hadolint (one identifier, exact case), SPDX license expressions (<c>MIT OR Apache-2.0</c>,
/// <c>GPL-2.0-only WITH Classpath-exception-2.0</c>, <c>LicenseRef-x</c>) are accepted and identifiers
/// match case-insensitively, as the SPDX specification says.
/// </summary>
public sealed class COPT2054LabelNotSpdx : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.LabelNotSpdx;

    public override void Analyze(RuleContext context) =>
        context.ReportInvalidLabels(LabelPairs.Spdx, SpdxLicenses.IsValidExpression,
            value => SpdxLicenses.Suggest(value) is { } id ? $" Did you mean '{id}'?" : "");
}
