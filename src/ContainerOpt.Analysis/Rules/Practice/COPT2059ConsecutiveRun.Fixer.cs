using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>Joins the RUN into the RUN right before it with <c>&amp;&amp;</c>, each keeping its lines (<see cref="RunEdits.Join"/>).</summary>
public sealed class COPT2059ConsecutiveRunFixer : DockerfileFixer
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConsecutiveRun;

    public override CodeFix? Fix(FixContext context)
    {
        var instructions = context.Facts.Instructions;
        var instruction = context.InstructionAt(context.Finding.Span.Start);
        int index = instruction is null ? -1 : IndexOf(instructions, instruction);
        if (index < 1 || instructions[index - 1].Kind != InstructionKind.Run
            || context.Facts.RunSteps.Find(instructions[index - 1]) is not { } previous || context.Facts.RunSteps.Find(instruction!) is not { } step)
        {
            return null;
        }
        return RunEdits.Join(context, new[] { previous, step }) is { } edits ? context.Offer("Join the RUN into the one before it", edits) : null;
    }

    private static int IndexOf(IReadOnlyList<Dockerfile.Semantics.StageInstruction> list, Dockerfile.Semantics.StageInstruction item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
            {
                return i;
            }
        }
        return -1;
    }
}
