using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Adds <c>--no-cache</c> after <c>apk add</c> (apk then fetches a fresh index and keeps nothing).</summary>
public sealed class COPT2019ApkNoCacheFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ApkNoCache;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.FlagAfterVerb(context, "--no-cache", (at, call) => at.Command.Is("apk") ? RunEdits.Argument(at.Command, "add") : null);
}
