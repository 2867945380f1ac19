using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// Two RUNs in a row (only comments between them) that belong in one layer. They are the same kind
/// when their flags (<c>--mount</c>, <c>--network</c>, <c>--security</c>) are identical and either both
/// use the same package managers (install, update, remove or clean with apt, pip, npm ... — one
/// index update and one cleanup then serve both), or neither uses one and each runs a single
/// command (hadolint's DL3059 case). RUNs with different managers, or a package-manager RUN next to
/// a plain one, stay apart: then a change to the cheap step does not re-run the slow install, and
/// the cache keeps it. Reported at the later RUN. Only the final stage and the stages it is built on
/// are checked: a build stage's layers never ship.
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
        foreach (var stage in context.Facts.LayerStages.OrderBy(s => s.Index))
        {
            RunKind? previous = null;
            foreach (var instruction in stage.Instructions)
            {
                if (instruction.Kind != InstructionKind.Run || steps.Find(instruction) is not { } step)
                {
                    previous = null;
                    continue;
                }
                var current = RunKind.Of(step);
                if (previous is not null && current is not null && previous.Flags == current.Flags)
                {
                    if (current.Managers.Count > 0 && current.Managers.SetEquals(previous.Managers))
                    {
                        string managers = string.Join(" and ", current.Managers.OrderBy(m => m, StringComparer.Ordinal));
                        string extra = current.Managers.Overlaps(SystemManagers) ? " and to update the package index and clean up once" : "";
                        context.Report(instruction.Syntax.Keyword.Span, previous.Line, "both use " + managers, extra);
                    }
                    else if (current.Managers.Count == 0 && previous.Managers.Count == 0 && current.Commands <= 1 && previous.Commands <= 1)
                    {
                        context.Report(instruction.Syntax.Keyword.Span, previous.Line, "are both single commands", "");
                    }
                }
                previous = current;
            }
        }
    }

    private sealed class RunKind
    {
        private RunKind(int line, string flags, HashSet<string> managers, int commands)
        {
            Line = line;
            Flags = flags;
            Managers = managers;
            Commands = commands;
        }

        public int Line { get; }
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
            var managers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var at in step.Commands)
            {
                if (step.CallAt(at) is { Op: not PackageOp.Build } call)
                {
                    managers.Add(call.Manager);
                }
            }
            string flags = string.Join(" ", step.Run.Flags.Select(f => f.Raw).OrderBy(f => f, StringComparer.Ordinal));
            return new RunKind(step.Line, flags, managers, step.Commands.Count);
        }
    }
}
