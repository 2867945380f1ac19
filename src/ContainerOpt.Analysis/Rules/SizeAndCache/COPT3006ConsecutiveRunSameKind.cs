using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;
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
            string reason = "";
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
                string? why = count > 0 && current is { } kind ? Mergeable(last, kind) : null;
                if (why is not null && (count == 1 || why == reason))
                {
                    reason = why;
                    count++;
                    last = current!.Value;
                    continue;
                }
                Report(context, instructions, start, count, reason);
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

    /// <summary>Why two RUNs in a row belong in one layer, or null when they are better apart.</summary>
    private static string? Mergeable(RunKind previous, RunKind current)
    {
        if (previous.Flags != current.Flags)
        {
            return null;
        }
        if (current.Managers.Count > 0 && current.Managers.SetEquals(previous.Managers))
        {
            string managers = string.Join(" and ", current.Managers.OrderBy(m => m, StringComparer.Ordinal));
            return "all use " + managers + (current.Managers.Overlaps(SystemManagers) ? ", so one index update and one cleanup can serve them" : "");
        }
        return current.Managers.Count == 0 && previous.Managers.Count == 0 && current.Commands <= 1 && previous.Commands <= 1
            ? "are all single commands"
            : null;
    }

    private static void Report(RuleContext context, IReadOnlyList<StageInstruction> instructions, int start, int count, string reason)
    {
        if (count < 2)
        {
            return;
        }
        var first = instructions[start].Syntax;
        var last = instructions[start + count - 1].Syntax;
        string lines = LinesText(instructions, start, count);
        context.ReportAs(context.SeverityForImageSize, first.Keyword.Span.Union(last.Keyword.Span), lines, reason, count - 1);
    }

    /// <summary>Every line of a short run ("3, 4 and 5"); the first three and the last of a long one, and how many.</summary>
    private static string LinesText(IReadOnlyList<StageInstruction> instructions, int start, int count)
    {
        string Line(int k) => instructions[start + k].Syntax.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const int Listed = 8;
        return count <= Listed
            ? RuleContext.ListText(Enumerable.Range(0, count).Select(Line)).Replace("'", "")
            : $"{Line(0)}, {Line(1)}, {Line(2)} … {Line(count - 1)} ({count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} RUNs)";
    }

    // A value, not an object per RUN: most RUNs are judged and never reported.
    private readonly struct RunKind
    {
        private RunKind(string flags, HashSet<string> managers, int commands)
        {
            Flags = flags;
            Managers = managers;
            Commands = commands;
        }

        /// <summary>Shared by the RUNs without a package manager (most of them); never changed.</summary>
        private static readonly HashSet<string> NoManagers = new(StringComparer.Ordinal);

        public string Flags { get; }
        public HashSet<string> Managers { get; }
        public int Commands { get; }

        /// <summary>Null for a RUN that cannot be judged (another shell than sh, bash ...).</summary>
        public static RunKind? Of(RunStep step)
        {
            if (!step.IsPosix)
            {
                return null;
            }
            HashSet<string>? managers = null;
            var calls = step.Calls;
            for (int i = 0; i < calls.Count; i++)
            {
                if (calls[i] is { Op: not PackageOp.Build } call)
                {
                    (managers ??= new HashSet<string>(StringComparer.Ordinal)).Add(call.Manager);
                }
            }
            var runFlags = step.Run.Flags;
            // No flag or one (most RUNs): the key is its text, with nothing to sort.
            string flags = runFlags.Count switch
            {
                0 => "",
                1 => runFlags[0].Raw,
                _ => string.Join(" ", runFlags.Select(f => f.Raw).OrderBy(f => f, StringComparer.Ordinal)),
            };
            return new RunKind(flags, managers ?? NoManagers, step.Commands.Count);
        }
    }
}
