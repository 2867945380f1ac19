using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Ends the RUN with <c>rm -rf /var/lib/apt/lists/*</c>, after its last command (<see cref="RunEdits.Append"/>).</summary>
public sealed class COPT2009AptListsNotRemovedFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptListsNotRemoved;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.Cleanup(context, "rm -rf /var/lib/apt/lists/*");
}
