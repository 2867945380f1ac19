using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Rules.SizeAndCache;

/// <summary>
/// An index refresh (<c>apt-get update</c>, <c>apt update</c>, <c>apk update</c>, <c>yum makecache</c>,
/// <c>dnf makecache</c>, <c>zypper refresh</c>) in a RUN that installs nothing with that manager. The
/// layer is cached on its own, so an install in a later RUN keeps using the index of the build that
/// first made it. Not reported when the RUN also runs a script (it may install). Every stage is
/// checked, ONBUILD RUN too.
/// </summary>
public sealed class COPT3005AptUpdateAlone : DockerfileRule
{
    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.AptUpdateAlone;

    public override void Analyze(RuleContext context)
    {
        var steps = context.RunSteps;
        var all = steps.All;
        Dictionary<Stage, InstallIndex>? laterInstalls = null; // built only past the first few lone updates
        int loneUpdates = 0;
        for (int s = 0; s < all.Count; s++)
        {
            var step = all[s];
            if (!step.IsPosix || !HasUpdate(step))
            {
                continue;
            }
            var commands = step.Commands;
            var calls = step.Calls; // by command index
            List<string>? reported = null; // managers already reported in this RUN (rarely more than one)
            for (int c = 0; c < commands.Count; c++)
            {
                var at = commands[c];
                if (calls[at.Index] is not { Op: PackageOp.Update } update || update.Command.Is("add-apt-repository")
                    || reported is not null && reported.Contains(update.Manager))
                {
                    continue;
                }
                if (Installs(calls, update.Manager) || RunsScriptAfter(commands, at.Order))
                {
                    continue;
                }
                (reported ??= new List<string>()).Add(update.Manager);
                int? installLine = FindLaterInstall(step, steps, update.Manager, ++loneUpdates, ref laterInstalls);
                string where = installLine is { } line ? " (the install is on line " + line.ToString(CultureInfo.InvariantCulture) + ")" : "";
                context.Report(at.Script.SpanOf(update.Command), update.Display, where, Example(update));
            }
        }
    }

    /// <summary>True when the RUN also installs with the manager.</summary>
    private static bool Installs(IReadOnlyList<PackageCall?> calls, string manager)
    {
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i] is { Op: PackageOp.Install } install && install.Manager == manager)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when a command after the given order runs a script the analysis cannot see into.</summary>
    private static bool RunsScriptAfter(RunStep.StepCommands commands, int order)
    {
        for (int i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (command.Order > order && ShellFacts.IsOpaque(command.Command))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasUpdate(RunStep step)
    {
        var calls = step.Calls;
        for (int i = 0; i < calls.Count; i++)
        {
            if (calls[i] is { Op: PackageOp.Update })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Lone updates of a file whose later install is found by a scan of the rest of their stage.</summary>
    private const int ScannedUpdates = 4;

    /// <summary>
    /// The line of the first RUN after the update's that installs with <paramref name="manager"/> in its stage, or null.
    /// The first few lone updates of a file (most files have none, most others one) scan the rest of their stage: the index
    /// of every instruction of the stage cost more than those scans. Past them the index is made, so a file of many lone
    /// updates still costs n log n.
    /// </summary>
    private static int? FindLaterInstall(RunStep step, RunSteps steps, string manager, int loneUpdate, ref Dictionary<Stage, InstallIndex>? indexes)
    {
        if (step.Stage is not { } stage || step.IsOnbuild)
        {
            return null;
        }
        if (loneUpdate <= ScannedUpdates)
        {
            return ScanLaterInstall(stage, step, steps, manager);
        }
        indexes ??= new Dictionary<Stage, InstallIndex>();
        if (!indexes.TryGetValue(stage, out var index))
        {
            indexes[stage] = index = new InstallIndex(stage, steps);
        }
        return index.FirstAfter(step.Instruction, manager);
    }

    private static int? ScanLaterInstall(Stage stage, RunStep step, RunSteps steps, string manager)
    {
        var instructions = stage.Instructions;
        int position = 0;
        while (position < instructions.Count && !ReferenceEquals(instructions[position], step.Instruction))
        {
            position++;
        }
        for (int i = position + 1; i < instructions.Count; i++)
        {
            if (steps.Find(instructions[i]) is { IsOnbuild: false } run && Installs(run.Calls, manager))
            {
                return run.Line;
            }
        }
        return null;
    }

    /// <summary>
    /// The RUNs of one stage that install, by manager, in order: found by binary search, so a file of many
    /// lone updates costs n log n, not a scan of the rest of the stage per update.
    /// </summary>
    private sealed class InstallIndex
    {
        private readonly Dictionary<StageInstruction, int> _positions = new();
        private readonly Dictionary<string, List<(int Position, int Line)>> _byManager = new(StringComparer.Ordinal);

        public InstallIndex(Stage stage, RunSteps steps)
        {
            for (int i = 0; i < stage.Instructions.Count; i++)
            {
                var instruction = stage.Instructions[i];
                _positions[instruction] = i;
                if (steps.Find(instruction) is not { IsOnbuild: false } run)
                {
                    continue;
                }
                foreach (var call in run.Calls)
                {
                    if (call is { Op: PackageOp.Install, Manager: var m })
                    {
                        if (!_byManager.TryGetValue(m, out var list))
                        {
                            _byManager[m] = list = new List<(int, int)>();
                        }
                        if (list.Count == 0 || list[list.Count - 1].Position != i)
                        {
                            list.Add((i, run.Line));
                        }
                    }
                }
            }
        }

        /// <summary>The line of the first RUN after <paramref name="instruction"/> that installs with <paramref name="manager"/>.</summary>
        public int? FirstAfter(StageInstruction instruction, string manager)
        {
            if (!_positions.TryGetValue(instruction, out int position) || !_byManager.TryGetValue(manager, out var list))
            {
                return null;
            }
            int low = 0, high = list.Count;
            while (low < high)
            {
                int middle = (low + high) / 2;
                if (list[middle].Position <= position)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low < list.Count ? list[low].Line : null;
        }
    }

    private static string Example(PackageCall update) => update.Manager switch
    {
        "apt" => $"'{update.Command.Name} update && {update.Command.Name} install -y ... && rm -rf /var/lib/apt/lists/*'",
        "apk" => "'apk add --no-cache ...' (it fetches a fresh index and needs no 'apk update')",
        "zypper" => "'zypper refresh && zypper install -y ... && zypper clean -a'",
        _ => $"'{update.Command.Name} install -y ... && {update.Command.Name} clean all'",
    };
}
