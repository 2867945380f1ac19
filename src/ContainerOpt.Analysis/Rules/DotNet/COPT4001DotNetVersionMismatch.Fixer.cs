using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>Changes the image's tag to the version the project's framework needs (the rule names it), keeping its variant (<c>-alpine</c>, <c>-noble-chiseled</c>).</summary>
public sealed class COPT4001DotNetVersionMismatchFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DotNetVersionMismatch;

    public override CodeFix? Fix(FixContext context) => ImageFix.Rewrite(context, image => image.TagSpan, "Use {0}");
}
