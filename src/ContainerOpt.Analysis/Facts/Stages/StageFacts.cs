using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Facts;

/// <summary>What a stage's image holds at its end, read from the stage and the stages it is built on.</summary>
public static class StageFacts
{
    /// <summary>The value of an ENV variable at the end of the stage (inherited through FROM stage included), or null.</summary>
    public static string? EnvAtEnd(this Stage stage, string name) =>
        stage.FinalScope.KindOf(name) == VariableKind.Env && stage.FinalScope.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when a stage this one is built on (not the stage itself) has an instruction of the kind (ONBUILD triggers not counted).</summary>
    public static bool AncestorsHave(this Stage stage, InstructionKind kind)
    {
        var chain = stage.Chain; // root first, the stage itself last
        for (int a = 0; a < chain.Count - 1; a++)
        {
            foreach (var instruction in chain[a].Instructions)
            {
                if (instruction.Kind == kind)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The instructions of a kind across the stage's chain, in build order.</summary>
    public static IEnumerable<StageInstruction> ChainInstructionsOf(this Stage stage, InstructionKind kind) =>
        stage.ChainInstructions.Where(i => i.Syntax.Kind == kind);
}
