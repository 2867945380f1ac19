using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Ends the RUN with <c>yarn cache clean</c>.</summary>
public sealed class COPT2060YarnCacheCleanFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.YarnCacheClean;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.Cleanup(context, "yarn cache clean");
}
