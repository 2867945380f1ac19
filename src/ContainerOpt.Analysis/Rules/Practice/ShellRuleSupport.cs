using ContainerOpt.Analysis.Context;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>One RUN instruction (or ONBUILD RUN) with every POSIX script it executes.</summary>
internal sealed class RunGroup
{
    public RunGroup(IReadOnlyList<RunScript> scripts)
    {
        Scripts = scripts;
        var commands = new List<RunCommand>();
        foreach (var script in scripts)
        {
            foreach (var command in script.Script.Commands)
            {
                commands.Add(new RunCommand(script, command));
            }
        }
        Commands = commands;
    }

    /// <summary>The command line first, then each heredoc body run by the shell.</summary>
    public IReadOnlyList<RunScript> Scripts { get; }

    /// <summary>Every command of every script, in execution order.</summary>
    public IReadOnlyList<RunCommand> Commands { get; }

    public RunScript First => Scripts[0];

    /// <summary>The RUN itself (inside ONBUILD for ONBUILD RUN).</summary>
    public InstructionSyntax Run => First.Run;

    /// <summary>The instruction in its stage (the ONBUILD for ONBUILD RUN).</summary>
    public StageInstruction Instruction => First.Instruction;

    public bool IsOnbuild => First.IsOnbuild;

    public IEnumerable<RunCommand> Named(params string[] names) => Commands.Where(c => c.Command.IsAny(names));
}

/// <summary>A command with the script it belongs to (to map its words back to the source).</summary>
internal readonly struct RunCommand
{
    public RunCommand(RunScript script, ShellCommand command)
    {
        Script = script;
        Command = command;
    }

    public RunScript Script { get; }
    public ShellCommand Command { get; }

    public Dockerfile.Text.TextSpan NameSpan => Script.NameSpanOf(Command);
}

/// <summary>Helpers shared by the hadolint shell and package-cache rules.</summary>
internal static class ShellRuleSupport
{
    /// <summary>The RUN instructions run by a POSIX shell, each with all its scripts, in file order.</summary>
    public static IEnumerable<RunGroup> PosixRuns(RuleContext context)
    {
        var current = new List<RunScript>();
        foreach (var script in context.RunScripts)
        {
            if (current.Count > 0 && !ReferenceEquals(current[0].Run, script.Run))
            {
                if (current[0].IsPosix)
                {
                    yield return new RunGroup(current);
                }
                current = new List<RunScript>();
            }
            current.Add(script);
        }
        if (current.Count > 0 && current[0].IsPosix)
        {
            yield return new RunGroup(current);
        }
    }

    /// <summary>
    /// True when a <c>--mount=type=cache</c> (or <c>type=tmpfs</c> when <paramref name="tmpfsToo"/>) has a
    /// target containing one of the fragments (<c>.cache/pip</c> matches <c>/root/.cache/pip</c>).
    /// </summary>
    public static bool HasCacheMountContaining(InstructionSyntax run, bool tmpfsToo, params string[] fragments)
    {
        foreach (var target in CacheTargets(run, tmpfsToo))
        {
            if (fragments.Any(f => target.Contains(f, StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when a cache mount's target is <paramref name="directory"/> or a folder inside it.</summary>
    public static bool HasCacheMountAt(InstructionSyntax run, string directory)
    {
        foreach (var target in CacheTargets(run, tmpfsToo: false))
        {
            if (IsSameOrUnder(target, directory))
            {
                return true;
            }
        }
        return false;
    }

    private static IEnumerable<string> CacheTargets(InstructionSyntax run, bool tmpfsToo)
    {
        foreach (var flag in run.Flags)
        {
            var mount = RunMount.FromFlag(flag);
            if (mount is null || mount.Target is not { Length: > 0 } target)
            {
                continue;
            }
            if (mount.Type == "cache" || (tmpfsToo && mount.Type == "tmpfs"))
            {
                yield return target.Trim();
            }
        }
    }

    /// <summary>
    /// True for <c>rm</c> of one of the directories or anything inside it: <c>/var/lib/apt/lists/*</c>,
    /// <c>/var/cache/yum</c>, <c>/var/cache/libdnf5*</c>.
    /// </summary>
    public static bool RemovesUnder(ShellCommand command, params string[] directories)
    {
        if (!command.Is("rm"))
        {
            return false;
        }
        foreach (var word in command.Positionals())
        {
            string path = word.Value.TrimEnd('*');
            if (directories.Any(d => IsSameOrUnder(path, d)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsSameOrUnder(string path, string directory)
    {
        path = path.TrimEnd('/');
        return path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
    }

    /// <summary>
    /// The first install that no cleanup follows in the same RUN (a cleanup before the install clears nothing),
    /// or null when every install is cleaned up after.
    /// </summary>
    public static RunCommand? FirstUncleaned(RunGroup group, Func<ShellCommand, bool> isInstall, Func<ShellCommand, bool> isCleanup)
    {
        int index = FirstUncleanedIndex(group, isInstall, isCleanup);
        return index < 0 ? null : group.Commands[index];
    }

    /// <summary>Like <see cref="FirstUncleaned"/>, as an index into <see cref="RunGroup.Commands"/> (-1 for none).</summary>
    public static int FirstUncleanedIndex(RunGroup group, Func<ShellCommand, bool> isInstall, Func<ShellCommand, bool> isCleanup)
    {
        var commands = group.Commands;
        int lastCleanup = -1;
        for (int i = 0; i < commands.Count; i++)
        {
            if (isCleanup(commands[i].Command))
            {
                lastCleanup = i;
            }
        }
        for (int i = lastCleanup + 1; i < commands.Count; i++)
        {
            if (isInstall(commands[i].Command))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// hadolint's view of what reaches an image: the last stage, a stage another FROM builds on, and
    /// every ONBUILD (it runs in whatever image builds on this one).
    /// </summary>
    public static bool ReachesAnImage(StageInstruction instruction, DockerfileModel model)
    {
        if (instruction.Syntax.Kind == InstructionKind.Onbuild)
        {
            return true;
        }
        var stage = instruction.Stage;
        if (stage is null || ReferenceEquals(stage, model.FinalStage))
        {
            return true;
        }
        return model.Stages.Any(s => ReferenceEquals(s.BaseStage, stage));
    }

    /// <summary>True when any argument equals one of the values (hadolint's <c>cmdHasArgs</c>).</summary>
    public static bool HasAnyArgument(ShellCommand command, params string[] values) =>
        command.Arguments.Any(a => values.Contains(a.Value, StringComparer.Ordinal));
}
