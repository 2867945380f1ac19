using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Ends the RUN with <c>dnf clean all</c> (<c>microdnf clean all</c>: the tool that installed).</summary>
public sealed class COPT2040DnfCleanAllFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DnfCleanAll;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.At(context) is { } found ? PackageFixes.Cleanup(context, found.At.Command.Name + " clean all") : null;
}
