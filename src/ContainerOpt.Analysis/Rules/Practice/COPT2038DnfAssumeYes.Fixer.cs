using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Adds <c>-y</c> after the dnf (microdnf) install verb.</summary>
public sealed class COPT2038DnfAssumeYesFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DnfAssumeYes;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.FlagAfterVerb(context, "-y", (at, call) => call is { Manager: "dnf" } ? Rpm.InstallVerb(call) : null);
}
