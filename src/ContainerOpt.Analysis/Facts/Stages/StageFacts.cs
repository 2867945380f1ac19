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
        var entrypoint = LastInChain(stage, InstructionKind.Entrypoint);
        if (entrypoint is not { IsJsonForm: true } || entrypoint.Arguments.Count == 0)
        {
            return false;
        }
        string program = ShellFacts.ProgramName(entrypoint.Arguments[0].Value);
        return !ShellFacts.RunsArgumentsAsCommandLine(program) && !ShellFacts.RunsArgumentsAsCommand(program)
            && !program.EndsWith(".sh", StringComparison.Ordinal) && !program.EndsWith(".bash", StringComparison.Ordinal) && !program.Contains("entrypoint");
    }

    /// <summary>
    /// True when the image drops root itself when it starts: its start command (<see cref="StartWords"/>) runs a program that starts a command as another user (<see cref="ShellFacts.DropsPrivileges"/>: <c>gosu</c>,
    /// <c>su-exec</c>…), or runs a script (an entrypoint script, <c>*.sh</c>) in an image whose chain brings such a program
    /// in (a RUN installs it, downloads it to a file of that name or tries it, <c>gosu nobody true</c>; or a COPY does).
    /// The usual entrypoint script starts as root, fixes what needs root and ends <c>exec gosu app "$@"</c>: a USER before
    /// it would break it. A program started directly (<c>dotnet Api.dll</c>) runs as root whatever the image holds.
    /// </summary>
    public static bool DropsRootAtStart(this Stage stage, DockerfileFacts facts)
    {
        bool runsScript = false;
        foreach (var word in stage.StartWords())
        {
            string name = BaseName(word);
            if (ShellFacts.DropsPrivileges(name))
            {
                return true;
            }
            runsScript |= name.EndsWith(".sh", StringComparison.Ordinal) || name.EndsWith(".bash", StringComparison.Ordinal)
                || name.IndexOf("entrypoint", StringComparison.OrdinalIgnoreCase) >= 0;
        }
        return runsScript && BringsPrivilegeDropper(stage, facts);
    }

    /// <summary>
    /// The words of the command the container starts with: the last ENTRYPOINT of the stage's chain, else the last CMD
    /// (an exec form's words one by one, a shell form's command line split at its blanks); none when it has neither.
    /// </summary>
    public static IEnumerable<string> StartWords(this Stage stage)
    {
        if ((LastInChain(stage, InstructionKind.Entrypoint) ?? LastInChain(stage, InstructionKind.Cmd)) is not { } start)
        {
            yield break;
        }
        foreach (var argument in start.Arguments)
        {
            foreach (var word in argument.Value.Split(Blanks, StringSplitOptions.RemoveEmptyEntries))
            {
                yield return word;
            }
        }
    }

    /// <summary>The last instruction of a kind in the stage's chain (the one in effect for ENTRYPOINT and CMD), or null.</summary>
    private static InstructionSyntax? LastInChain(Stage stage, InstructionKind kind)
    {
        InstructionSyntax? last = null;
        foreach (var instruction in stage.ChainInstructions)
        {
            if (instruction.Kind == kind)
            {
                last = instruction.Syntax;
            }
        }
        return last;
    }

    /// <summary>The base name of the program the container starts (<see cref="StartWords"/>' first), or null.</summary>
    public static string? StartProgram(this Stage stage)
    {
        foreach (var word in stage.StartWords())
        {
            return BaseName(word);
        }
        return null;
    }

    private static readonly char[] Blanks = { ' ', '\t' };

    /// <summary>Whether a RUN or COPY of the stage's chain brings in a program that starts commands as another user.</summary>
    private static bool BringsPrivilegeDropper(Stage stage, DockerfileFacts facts)
    {
        foreach (var instruction in stage.ChainInstructions)
        {
            switch (instruction.Kind)
            {
                case InstructionKind.Copy or InstructionKind.Add:
                    foreach (var argument in instruction.Syntax.Arguments)
                    {
                        if (ShellFacts.DropsPrivileges(BaseName(argument.Value)))
                        {
                            return true;
                        }
                    }
                    break;
                case InstructionKind.Run when facts.RunSteps.Find(instruction) is { } step:
                    foreach (var command in step.Commands)
                    {
                        // The words with the wrappers the parser takes off (gosu nobody true is a run of 'true' under gosu).
                        foreach (var word in command.Command.Words)
                        {
                            if (ShellFacts.DropsPrivileges(BaseName(word.Value)))
                            {
                                return true;
                            }
                        }
                    }
                    break;
            }
        }
        return false;
    }

    /// <summary>A word's base name (<see cref="ShellFacts.BaseName"/>) without the quotes and separators a shell-form word may keep.</summary>
    private static string BaseName(string word) => ShellFacts.BaseName(word.TrimEnd(WordEnds));

    private static readonly char[] WordEnds = { '"', '\'', ',', ']', ';' };
}
