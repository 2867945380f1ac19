using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Adds <c>-y</c> after <c>apt-get install</c>.</summary>
public sealed class COPT2014AptGetAssumeYesFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptGetAssumeYes;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.FlagAfterVerb(context, "-y", (at, call) => call is { Program: "apt-get", Verb: "install" } ? RunEdits.Argument(at.Command, "install") : null);
}
