using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>Changes the final image to the kind the app needs (aspnet, runtime or runtime-deps; the rule names it), keeping its tag.</summary>
public sealed class COPT4002WrongDotNetImageKindFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WrongDotNetImageKind;

    public override CodeFix? Fix(FixContext context) => ImageFix.Rewrite(context, image => image.KindSpan, "Use {0}");
}
