using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Adds <c>-y</c> after the yum install verb.</summary>
public sealed class COPT2030YumAssumeYesFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.YumAssumeYes;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.FlagAfterVerb(context, "-y", (at, call) => call is { Manager: "yum" } ? Rpm.InstallVerb(call) : null);
}
