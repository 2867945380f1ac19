using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// Two RUNs in a row (only comments between them) that belong in one layer. They are the same kind
/// when their flags (<c>--mount</c>, <c>--network</c>, <c>--security</c>) are identical and either both
/// use the same package managers (install, update, remove or clean with apt, pip, npm ... — one
/// index update and one cleanup then serve both), or neither uses one and each runs a single
/// command (hadolint's DL3059 case). RUNs with different managers, or a package-manager RUN next to
/// a plain one, stay apart: then a change to the cheap step does not re-run the slow install, and
/// the cache keeps it. One finding per run of such RUNs, spanning them. Only the final stage and the
/// stages it is built on are checked: a build stage's layers never ship.
/// </summary>
public sealed class COPT3006ConsecutiveRunSameKind : DockerfileRule
{
    private static readonly string[] Superseded = { "COPT2059" };

    private static readonly HashSet<string> SystemManagers = new(StringComparer.Ordinal) { "apt", "apk", "yum", "dnf", "zypper" };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.ConsecutiveRunSameKind;

    public override IReadOnlyList<string> Supersedes => Superseded;

    public override void Analyze(RuleContext context)
    {
        var steps = context.RunSteps;
        var stages = context.Model.Stages; // in file order, so by index like the layer stages
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            if (!context.Facts.ShipsLayersOf(stage))
            {
                continue;
            }
            // Runs of RUNs that belong in one layer: one finding each, from the first RUN to the last. Any other
            // instruction ends a run, so a run is a range of the stage's instructions: its start, its length, its last kind.
            // Why a run merges is decided by its first pair, and its reason written only when it is reported.
            var merge = Merge.None;
            int start = 0, count = 0;
            RunKind last = default;
            var instructions = stage.Instructions;
            for (int i = 0; i <= instructions.Count; i++)
            {
                var instruction = i < instructions.Count ? instructions[i] : null; // one past the end closes the last run
                RunKind? current = null;
                if (instruction is not null && instruction.Kind == InstructionKind.Run && steps.Find(instruction) is { } step)
                {
                    current = RunKind.Of(step);
                }
                var why = count > 0 && current is { } kind ? Mergeable(last, kind) : Merge.None;
                if (why != Merge.None && (count == 1 || why == merge))
                {
                    merge = why;
                    count++;
                    last = current!.Value;
                    continue;
                }
                if (count > 1) // a run of one RUN (most) is no finding: the call, which copies the RunKind, is skipped
                {
                    Report(context, instructions, start, count, merge, last);
                }
                count = 0;
                if (current is { } next)
                {
                    start = i;
                    count = 1;
                    last = next;
                }
            }
        }
    }

    /// <summary>Why two RUNs in a row belong in one layer.</summary>
    private enum Merge
    {
        /// <summary>They are better apart.</summary>
        None,

        /// <summary>Both use the same package managers.</summary>
        SameManagers,

        /// <summary>Neither uses a package manager and each runs one command.</summary>
        SingleCommands,
    }

    private static Merge Mergeable(RunKind previous, RunKind current)
    {
        if (previous.Flags != current.Flags)
        {
            return Merge.None;
        }
        if (current.HasManagers && previous.HasManagers && SameManagers(current.Step, previous.Step))
        {
            return Merge.SameManagers;
        }
        return !current.HasManagers && !previous.HasManagers && current.Commands <= 1 && previous.Commands <= 1
            ? Merge.SingleCommands
            : Merge.None;
    }

    /// <summary>The reason the message gives: the managers the RUNs share (any RUN of the run: they are the same), or that each is one command.</summary>
    private static string Reason(Merge merge, RunStep step)
    {
        if (merge == Merge.SingleCommands)
        {
            return "are all single commands";
        }
        var managers = new List<string>();
        bool system = false;
        var calls = step.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i] is { Op: not PackageOp.Build } call && !managers.Contains(call.Manager))
            {
                managers.Add(call.Manager);
                system |= SystemManagers.Contains(call.Manager);
            }
        }
        managers.Sort(StringComparer.Ordinal);
        return "all use " + string.Join(" and ", managers) + (system ? ", so one index update and one cleanup can serve them" : "");
    }

    /// <summary>True when every manager one step uses (beyond builds) the other uses too, and the other way round: the same set.</summary>
    private static bool SameManagers(RunStep a, RunStep b) => UsesAllOf(a, b) && UsesAllOf(b, a);

    private static bool UsesAllOf(RunStep user, RunStep of)
    {
        var calls = of.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i] is { Op: not PackageOp.Build } call && !Uses(user, call.Manager))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Uses(RunStep step, string manager)
    {
        var calls = step.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i] is { Op: not PackageOp.Build } call && call.Manager == manager)
            {
                return true;
            }
        }
        return false;
    }

    private static void Report(RuleContext context, ArrayView<StageInstruction> instructions, int start, int count, Merge merge, RunKind last)
    {
        var first = instructions[start].Syntax;
        var lastSyntax = instructions[start + count - 1].Syntax;
        string lines = LinesText(instructions, start, count);
        context.ReportAs(context.SeverityForImageSize, first.Keyword.Span.Union(lastSyntax.Keyword.Span), lines, Reason(merge, last.Step), count - 1);
    }

    /// <summary>Every line of a short run ("3, 4 and 5"); the first three and the last of a long one, and how many.</summary>
    private static string LinesText(ArrayView<StageInstruction> instructions, int start, int count)
    {
        const int Listed = 8;
        if (count <= Listed)
        {
            var lines = new int[count];
            for (int k = 0; k < count; k++)
            {
                lines[k] = instructions[start + k].Syntax.StartLine;
            }
            return Prose.And(lines);
        }
        string Line(int k) => instructions[start + k].Syntax.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{Line(0)}, {Line(1)}, {Line(2)} … {Line(count - 1)} ({count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} RUNs)";
    }

    // A value, not an object per RUN: most RUNs are judged and never reported; the managers are read from the step's calls.
    private readonly struct RunKind
    {
        private RunKind(string flags, RunStep step, bool hasManagers, int commands)
        {
            Flags = flags;
            Step = step;
            HasManagers = hasManagers;
            Commands = commands;
        }

        public string Flags { get; }
        public RunStep Step { get; }

        /// <summary>True when the RUN installs, updates, removes or cleans with a package manager (a build does not count).</summary>
        public bool HasManagers { get; }

        public int Commands { get; }

        /// <summary>Null for a RUN that cannot be judged (another shell than sh, bash ...).</summary>
        public static RunKind? Of(RunStep step)
        {
            if (!step.IsPosix)
            {
                return null;
            }
            bool hasManagers = false;
            var calls = step.Calls;
            for (int i = 0; i < calls.Count && !hasManagers; i++)
            {
                hasManagers = calls[i] is { Op: not PackageOp.Build };
            }
            var runFlags = step.Run.Flags;
            // No flag or one (most RUNs): the key is its text, with nothing to sort.
            string flags = runFlags.Count switch
            {
                0 => "",
                1 => runFlags[0].Raw,
                _ => string.Join(" ", runFlags.Select(f => f.Raw).OrderBy(f => f, StringComparer.Ordinal)),
            };
            return new RunKind(flags, step, hasManagers, step.Commands.Count);
        }
    }
}
