using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// Makes a relative WORKDIR absolute where the working directory before it is known: an absolute WORKDIR earlier in the
/// stage or a stage it is built on (later relative ones resolved against it), or <c>/</c> on scratch. The first WORKDIR on
/// an image is relative to the image's own, unknown here: left.
/// </summary>
public sealed class COPT2000WorkdirAbsolutePathFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WorkdirAbsolutePath;

    public override CodeFix? Fix(FixContext context)
    {
        var instruction = context.InstructionAt(context.Finding.Span.Start);
        if (instruction?.Stage is not { } stage || instruction.Syntax.Kind != InstructionKind.Workdir || instruction.Syntax.Arguments.Count != 1)
        {
            return null;
        }
        string? current = stage.Root.IsScratch ? "/" : null;
        foreach (var earlier in stage.ChainInstructions)
        {
            if (ReferenceEquals(earlier, instruction))
            {
                break;
            }
            if (earlier.Kind != InstructionKind.Workdir || earlier.Syntax.Arguments.Count == 0)
            {
                continue;
            }
            var expanded = context.Model.Expand(earlier, earlier.Syntax.Arguments[0].Value);
            string value = LayerPaths.Unquote(expanded.Result);
            if (!expanded.Success || value.Length == 0)
            {
                current = null;
                continue;
            }
            current = value.StartsWith("/", StringComparison.Ordinal) ? LayerPaths.Clean(value) : current is null ? null : LayerPaths.Resolve(value, current);
        }
        return current is null ? null : WorkdirFix.Absolute(context, instruction, current);
    }
}
