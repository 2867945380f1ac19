using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// The build context has no .dockerignore while a COPY or ADD takes all of it (<c>.</c>, <c>./</c>,
/// <c>/</c>, <c>*</c>). Reported once, at the first such source. Silent when the caller does not
/// know the context (then a missing .dockerignore means nothing). ONBUILD triggers are not checked:
/// they copy from another build's context.
/// </summary>
public sealed class COPT3011DockerignoreMissing : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.DockerignoreMissing;

    /// <summary>hadolint DL4007 (COPT2107) reports the same COPY of the whole context; this finding says what exactly leaks.</summary>
    public override IReadOnlyList<string> Supersedes { get; } = new[] { "COPT2107" };

    public override void Analyze(RuleContext context)
    {
        if (!context.ContextKnown || context.DockerIgnore is not null || context.Facts.WrittenForAnotherContext)
        {
            return; // (for a context the file was not written for, COPT1204 names the right one, which has its own .dockerignore)
        }
        if (WholeContext.FirstCopy(context) is { } source)
        {
            // Docker reads the .dockerignore at the context's root (BuildKit also <Dockerfile>.dockerignore), not the one
            // beside the Dockerfile: name the file it will read.
            string where = context.Facts.DockerIgnorePath is not null
                ? context.Facts.DockerIgnoreName + " (docker reads the .dockerignore at the root of the build context)"
                : "a .dockerignore at the root of the build context";
            context.Report(source.Token.Span, source.Value, where);
        }
    }
}

/// <summary>Finds the first COPY/ADD that takes the whole build context.</summary>
internal static class WholeContext
{
    public static CopySource? FirstCopy(RuleContext context)
    {
        foreach (var instruction in context.Instructions)
        {
            if (context.Facts.CopyOf(instruction) is { FromContext: true, IsOnbuild: false } copy)
            {
                // By index: a foreach over the list would box its enumerator for every COPY of the context.
                var sources = copy.Sources;
                for (int i = 0; i < sources.Count; i++)
                {
                    if (sources[i].IsWholeContext)
                    {
                        return sources[i];
                    }
                }
            }
        }
        return null;
    }
}
