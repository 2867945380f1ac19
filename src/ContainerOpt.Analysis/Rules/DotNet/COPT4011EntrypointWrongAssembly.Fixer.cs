using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>
/// Writes the project's output name where ENTRYPOINT/CMD names another dll (or the apphost in another case), keeping the
/// path before it. An apphost name the project does not produce at all is left: it may be a script.
/// </summary>
public sealed class COPT4011EntrypointWrongAssemblyFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.EntrypointWrongAssembly;

    public override CodeFix? Fix(FixContext context)
    {
        if (context.Property(FixProperties.Original) is not { } wrong || context.Property(FixProperties.Replacement) is not { } right)
        {
            return null;
        }
        var span = context.Finding.Span;
        string text = context.Source.GetText(span);
        int at = text.LastIndexOf(wrong, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf('\n') >= 0)
        {
            return null;
        }
        return context.Offer($"Start '{right}'", context.Replace(new Dockerfile.Text.TextSpan(span.Start + at, wrong.Length), right));
    }
}
