using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Ends the RUN with <c>yum clean all</c>.</summary>
public sealed class COPT2032YumCleanAllFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.YumCleanAll;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.Cleanup(context, "yum clean all");
}
