using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Ends the RUN with <c>zypper clean -a</c>.</summary>
public sealed class COPT2036ZypperCleanFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ZypperClean;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.Cleanup(context, "zypper clean -a");
}
