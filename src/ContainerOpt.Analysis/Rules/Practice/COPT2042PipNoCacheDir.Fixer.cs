using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Adds <c>--no-cache-dir</c> after <c>pip install</c> (<c>python -m pip install</c> too).</summary>
public sealed class COPT2042PipNoCacheDirFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.PipNoCacheDir;

    public override CodeFix? Fix(FixContext context) =>
        PackageFixes.FlagAfterVerb(context, "--no-cache-dir", (at, call) => RunEdits.Argument(at.Command, "install"));
}
