using ContainerOpt.Analysis.Facts;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.Practice;

/// <summary>
/// hadolint DL3059: a RUN right after another RUN (comments between them do not count) when both run a
/// single command and have the same flags (<c>--mount</c>, <c>--network</c>, <c>--security</c>). Chained RUNs
/// (<c>a &amp;&amp; b</c>, <c>a; b</c>) are taken as deliberately separate layers, and ONBUILD RUN is another
/// instruction. Reported at the later RUN's keyword.
/// </summary>
public sealed class COPT2059ConsecutiveRun : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConsecutiveRun;

    public override void Analyze(RuleContext context)
    {
        var steps = context.RunSteps;
        var instructions = context.Instructions;
        InstructionSyntax? previous = null;
        RunStep? previousStep = null;
        string? previousFlags = null; // the flags key is built only when two single-command RUNs meet: most RUNs are never compared
        int? previousCommands = null;
        for (int i = 0; i < instructions.Count; i++)
        {
            var instruction = instructions[i];
            var syntax = instruction.Syntax;
            if (syntax.Kind != InstructionKind.Run)
            {
                previous = null;
                continue;
            }
            // A RUN's step holds the commands of all its scripts; a RUN without a step counts as none.
            var step = steps.Find(instruction);
            int? commands = step?.Commands.Count;
            string? flags = null;
            if (previous is not null && commands is null or <= 1 && previousCommands <= 1
                && (flags = FlagsKey(syntax, step)) == (previousFlags ??= FlagsKey(previous, previousStep)))
            {
                // Like hadolint, the earlier RUN stays the one to compare with.
                context.Report(syntax.Keyword.Span);
                continue;
            }
            previous = syntax;
            previousStep = step;
            previousFlags = flags;
            previousCommands = commands;
        }
    }

    /// <summary>The flags as a set: mount options compared as key=value pairs in any order.</summary>
    private static string FlagsKey(InstructionSyntax run, RunStep? step)
    {
        if (run.Flags.Count == 0)
        {
            return "";
        }
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        // The step parsed its --mount flags already (in flag order): read those; parse only a flag it does not hold.
        var parsed = step?.Mounts ?? Array.Empty<RunMount>();
        int next = 0;
        foreach (var flag in run.Flags)
        {
            var mount = next < parsed.Count && ReferenceEquals(parsed[next].Flag, flag) ? parsed[next++] : RunMount.FromFlag(flag);
            keys.Add(mount is null
                ? flag.Name + "=" + flag.Value
                : "mount=" + string.Join(",", mount.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value)));
        }
        return string.Join("\n", keys);
    }
}
