using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Adds <c>--no-install-recommends</c> after <c>apt-get install</c>.</summary>
public sealed class COPT2015AptGetNoInstallRecommendsFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptGetNoInstallRecommends;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.FlagAfterVerb(context, "--no-install-recommends", (at, call) => call is { Program: "apt-get", Verb: "install" } ? RunEdits.Argument(at.Command, "install") : null);
}
