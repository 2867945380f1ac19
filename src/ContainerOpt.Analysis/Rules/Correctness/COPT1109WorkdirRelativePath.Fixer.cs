using ContainerOpt.Analysis.Fixes;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// Makes the first WORKDIR of a stage absolute where the working directory before it is known: only on <c>scratch</c>,
/// whose working directory is <c>/</c>. On an image the base image's WORKDIR is unknown here, so the path it is relative to
/// is too, and the finding is left.
/// </summary>
public sealed class COPT1109WorkdirRelativePathFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.WorkdirRelativePath;

    public override CodeFix? Fix(FixContext context)
    {
        var instruction = context.InstructionAt(context.Finding.Span.Start);
        if (instruction?.Stage is not { } stage || !stage.Root.IsScratch || instruction.Syntax.Arguments.Count != 1)
        {
            return null;
        }
        return WorkdirFix.Absolute(context, instruction, "/");
    }
}
