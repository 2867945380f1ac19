using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL4007: a COPY whose source is the whole build context (<c>.</c>, <c>./</c>, quoted or not; also <c>/</c>,
/// <c>*</c>, which take the same files), reported at each such source. Only the build context leaks local files:
/// <c>COPY --from=stage . .</c>, ADD and ONBUILD triggers (hadolint does not check those) are not reported. Where
/// COPT3011 (no .dockerignore) or COPT3012 (.dockerignore without .git, .env…) report the same COPY, they stand for this.
/// </summary>
public sealed class COPT2107CopyWholeContext : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.CopyWholeContext;

    public override void Analyze(RuleContext context)
    {
        var instructions = context.Instructions;
        for (int i = 0; i < instructions.Count; i++)
        {
            // Only a COPY of its own (not an ONBUILD one) qualifies: the other instructions are not looked up.
            if (instructions[i].Syntax.Kind == InstructionKind.Copy
                && context.Facts.CopyOf(instructions[i]) is { IsAdd: false, IsOnbuild: false, FromContext: true } copy)
            {
                var sources = copy.Sources;
                for (int s = 0; s < sources.Count; s++)
                {
                    var source = sources[s];
                    if (source.IsWholeContext)
                    {
                        context.Report(source.Token.Span, source.Value);
                    }
                }
            }
        }
    }
}
