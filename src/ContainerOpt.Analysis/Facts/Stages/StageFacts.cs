using ContainerOpt.Analysis.Shell;
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

    /// <summary>
    /// True when a shell-form CMD of the stage only becomes <c>/bin/sh -c …</c> arguments of a program: the ENTRYPOINT in effect
    /// (the last of the stage's chain) is in exec form and names neither a shell, nor a wrapper that execs its arguments
    /// (<c>tini</c>, <c>gosu</c>, <c>env</c>…), nor an entrypoint script (which usually ends <c>exec "$@"</c>). No shell
    /// then runs as PID 1, so no signal is lost, and neither the exec form nor <c>exec</c> changes what runs.
    /// </summary>
    public static bool CmdIsProgramArguments(this Stage stage)
    {
        InstructionSyntax? entrypoint = null;
        foreach (var instruction in stage.ChainInstructions)
        {
            if (instruction.Kind == InstructionKind.Entrypoint)
            {
                entrypoint = instruction.Syntax;
            }
        }
        if (entrypoint is not { IsJsonForm: true } || entrypoint.Arguments.Count == 0)
        {
            return false;
        }
        string program = ShellFacts.ProgramName(entrypoint.Arguments[0].Value);
        return !ShellFacts.RunsArgumentsAsCommandLine(program) && !ShellFacts.RunsArgumentsAsCommand(program)
            && !program.EndsWith(".sh", StringComparison.Ordinal) && !program.EndsWith(".bash", StringComparison.Ordinal) && !program.Contains("entrypoint");
    }
}
