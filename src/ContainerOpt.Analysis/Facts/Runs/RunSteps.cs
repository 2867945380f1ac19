using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

/// <summary>One command of a RUN with its place in the RUN's execution order.</summary>
public readonly struct StepCommand
{
    internal StepCommand(RunScript script, ShellCommand command, int order, bool afterCd, int index)
    {
        Script = script;
        Command = command;
        Order = order;
        AfterCd = afterCd;
        Index = index;
    }

    public RunScript Script { get; }
    public ShellCommand Command { get; }

    /// <summary>Position in the RUN: script by script (command line, then heredoc bodies), then command by command.</summary>
    public int Order { get; }

    /// <summary>True when a <c>cd</c> ran earlier in the same script: relative paths are no longer relative to WORKDIR.</summary>
    public bool AfterCd { get; }

    /// <summary>Position in <see cref="RunStep.Commands"/>.</summary>
    public int Index { get; }

    /// <summary>The program name's span in the source (<c>apt-get</c>), the usual place to point at.</summary>
    public TextSpan NameSpan => Script.NameSpanOf(Command);

    public override string ToString() => Command.ToString();
}

/// <summary>
/// A RUN instruction as one layer: every script it runs (command line and heredoc bodies) with
/// their commands in order, its mounts, the WORKDIR it runs in.
/// </summary>
public sealed class RunStep
{
    internal RunStep(StageInstruction instruction, ArrayView<RunScript> scripts, string workdir, DockerfileModel model)
    {
        Scripts = scripts;
        Workdir = workdir;
        int count = 0, firstCd = int.MaxValue;
        for (int s = 0; s < scripts.Count; s++)
        {
            count += scripts[s].Script.Commands.Count;
        }
        if (scripts.Count == 1)
        {
            firstCd = FirstCd(scripts[0].Script.Commands);
            _single = scripts[0];
            _singleCommands = _single.Script.CommandArray;
        }
        _commandCount = count;
        _firstCd = firstCd;
        _isOnbuild = !ReferenceEquals(Instruction.Syntax, Run);
        _mounts = Run.Flags.Count == 0 ? StepMounts.None : StepMounts.Of(Run, instruction, workdir, model);
    }

    public StageInstruction Instruction => (_single ?? Scripts[0]).Instruction;

    /// <summary>The RUN (inside ONBUILD when <see cref="IsOnbuild"/>).</summary>
    public InstructionSyntax Run => Scripts[0].Run;

    public bool IsOnbuild => _isOnbuild;

    // Told once: the layer simulation and rules ask it of every RUN, through two chains of loads (a bool packs with the byte fields).
    private readonly bool _isOnbuild;

    /// <summary>The step's scripts: a view of the file's <see cref="DockerfileFacts.RunScripts"/>, which keeps a RUN's scripts together.</summary>
    public ArrayView<RunScript> Scripts { get; }

    /// <summary>Every command of every script, in execution order: worked out when asked, nothing stored per command.</summary>
    public StepCommands Commands => new(this);

    private readonly int _commandCount;

    // The common case, a RUN with one script: its commands read with two loads, not four (every rule walks every RUN).
    private readonly RunScript? _single;
    private readonly ShellCommand[]? _singleCommands;

    // Where the first cd (or pushd) of a one-script step is: the commands after it run elsewhere than WORKDIR.
    private readonly int _firstCd;

    private static int FirstCd(ArrayView<ShellCommand> commands)
    {
        for (int i = 0; i < commands.Count; i++)
        {
            if (commands[i].Is("cd") || commands[i].Is("pushd"))
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    /// <summary>The commands of a RUN's scripts as one list (see <see cref="Commands"/>); no allocation to walk it.</summary>
    public readonly struct StepCommands : IReadOnlyList<StepCommand>
    {
        private readonly RunStep _step;

        private readonly RunScript? _single;
        private readonly ShellCommand[]? _singleCommands;

        internal StepCommands(RunStep step)
        {
            _step = step;
            _single = step._single;
            _singleCommands = step._singleCommands;
        }

        public int Count => _step._commandCount;

        public StepCommand this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }
                if (_singleCommands is { } commands)
                {
                    return new StepCommand(_single!, commands[index], index, index > _step._firstCd, index);
                }
                var scripts = _step.Scripts;
                int within = index;
                for (int s = 0; ; s++)
                {
                    var scriptCommands = scripts[s].Script.Commands;
                    if (within < scriptCommands.Count)
                    {
                        return new StepCommand(scripts[s], scriptCommands[within], s * 1_000_000 + within, within > FirstCd(scriptCommands), index);
                    }
                    within -= scriptCommands.Count;
                }
            }
        }

        public Enumerator GetEnumerator() => new(_step);

        IEnumerator<StepCommand> IEnumerable<StepCommand>.GetEnumerator() => GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public struct Enumerator : IEnumerator<StepCommand>
        {
            private readonly RunStep _step;
            private RunScript? _script;
            private ShellCommand[] _commands;
            private int _scriptIndex, _within, _index, _firstCd;

            internal Enumerator(RunStep step)
            {
                _step = step;
                _within = -1;
                _index = -1;
                if (step._single is { } single)
                {
                    _scriptIndex = 0;
                    _script = single;
                    _commands = step._singleCommands!;
                    _firstCd = step._firstCd;
                }
                else
                {
                    _scriptIndex = -1;
                    _script = null;
                    _commands = Array.Empty<ShellCommand>();
                    _firstCd = int.MaxValue;
                }
            }

            public StepCommand Current => new(_script!, _commands[_within], _scriptIndex * 1_000_000 + _within, _within > _firstCd, _index);

            object System.Collections.IEnumerator.Current => Current;

            public bool MoveNext()
            {
                _within++;
                while (_within >= _commands.Length)
                {
                    var scripts = _step.Scripts;
                    if (++_scriptIndex >= scripts.Count)
                    {
                        _within = _commands.Length; // stays at the end
                        _scriptIndex = scripts.Count;
                        return false;
                    }
                    _script = scripts[_scriptIndex];
                    _commands = _script.Script.CommandArray;
                    _firstCd = scripts.Count == 1 ? _step._firstCd : FirstCd(_script.Script.Commands);
                    _within = 0;
                }
                _index++;
                return true;
            }

            public void Reset() => throw new NotSupportedException();

            public void Dispose()
            {
            }
        }
    }

    public IReadOnlyList<RunMount> Mounts => _mounts.Mounts;

    /// <summary>Targets of cache, tmpfs and bind mounts (absolute): what is written there never reaches the layer.</summary>
    public IReadOnlyList<string> MountTargets => _mounts.Targets;

    /// <summary>Targets of the cache mounts only (absolute).</summary>
    public IReadOnlyList<string> CacheMountTargets => _mounts.CacheTargets;

    // Most RUNs have no --mount: they share one empty set, one field instead of three.
    private readonly StepMounts _mounts;

    private sealed class StepMounts
    {
        public static readonly StepMounts None = new(Array.Empty<RunMount>(), Array.Empty<string>(), Array.Empty<string>());

        private StepMounts(IReadOnlyList<RunMount> mounts, IReadOnlyList<string> targets, IReadOnlyList<string> cacheTargets)
        {
            Mounts = mounts;
            Targets = targets;
            CacheTargets = cacheTargets;
        }

        public IReadOnlyList<RunMount> Mounts { get; }
        public IReadOnlyList<string> Targets { get; }
        public IReadOnlyList<string> CacheTargets { get; }

        public static StepMounts Of(InstructionSyntax run, StageInstruction instruction, string workdir, DockerfileModel model)
        {
            // Arrays sized by the flags (most flags of a RUN with any are mounts), not lists grown from four.
            var flags = run.Flags;
            var mounts = new RunMount[flags.Count];
            int count = 0;
            for (int i = 0; i < flags.Count; i++)
            {
                if (RunMount.FromFlag(flags[i]) is { } mount)
                {
                    mounts[count++] = mount;
                }
            }
            if (count < mounts.Length)
            {
                Array.Resize(ref mounts, count);
            }
            string[]? discarded = null, caches = null;
            int discardedCount = 0, cacheCount = 0;
            for (int i = 0; i < mounts.Length; i++)
            {
                var mount = mounts[i];
                string type = InvariantCase.ToLower(mount.Type);
                if (type is "cache" or "tmpfs" or "bind" && mount.Target is { Length: > 0 } target)
                {
                    string expanded = LayerPaths.SubstituteHome(model.ExpandedText(instruction, target));
                    if (expanded.Length > 0)
                    {
                        string resolved = LayerPaths.Resolve(expanded, workdir);
                        (discarded ??= new string[mounts.Length])[discardedCount++] = resolved;
                        if (type == "cache")
                        {
                            (caches ??= new string[mounts.Length])[cacheCount++] = resolved;
                        }
                    }
                }
            }
            var targets = Trimmed(discarded, discardedCount);
            // Cache mounts only (the usual RUN with mounts): the cache targets are the targets, one array for both.
            var cacheTargets = cacheCount == discardedCount ? targets : Trimmed(caches, cacheCount);
            return new StepMounts(mounts, targets, cacheTargets);
        }

        private static string[] Trimmed(string[]? array, int count)
        {
            if (array is null || count == 0)
            {
                return Array.Empty<string>();
            }
            if (count < array.Length)
            {
                Array.Resize(ref array, count);
            }
            return array;
        }
    }

    public string Workdir { get; }

    /// <summary>Memo for <see cref="LayerSimulation.DisablesDockerClean"/>.</summary>
    internal bool? DisablesDockerClean
    {
        get => _disablesDockerClean == 0 ? null : _disablesDockerClean == 2;
        set => _disablesDockerClean = value is null ? (byte)0 : value.Value ? (byte)2 : (byte)1;
    }

    // 0 not asked, 1 false, 2 true: a bool? is a struct field, which the layout places apart (8-byte aligned), and a step is
    // made for every RUN of every file; a byte packs with the int fields.
    private byte _disablesDockerClean;

    /// <summary>Memo for <see cref="DependencyCache.FirstUnmountedUse"/>: a bit per cache one of whose programs the step runs; -1 until asked.</summary>
    internal int DependencyCachePrograms { get; set; } = -1;

    public bool IsPosix => (_single ?? Scripts[0]).IsPosix;

    /// <summary>The RUN's line (for messages).</summary>
    public int Line => Instruction.Syntax.StartLine;

    public Stage? Stage => Instruction.Stage;

    /// <summary>The cache mount <paramref name="path"/> is on (or under), or null.</summary>
    public string? CacheMountOf(string path)
    {
        // By index: a foreach over the interface made an enumerator per call, and the layer simulation asks of every path.
        var targets = CacheMountTargets;
        for (int i = 0; i < targets.Count; i++)
        {
            string target = targets[i];
            if (LayerPaths.IsAtOrUnder(path, target))
            {
                return target;
            }
        }
        return null;
    }

    /// <summary>True when something written at <paramref name="path"/> lands on a mount, not in the layer.</summary>
    public bool IsOnMount(string path)
    {
        var targets = MountTargets;
        for (int i = 0; i < targets.Count; i++)
        {
            string target = targets[i];
            if (LayerPaths.IsAtOrUnder(path, target))
            {
                return true;
            }
            // A cache under another user's home: /home/app/.cache/pip stands for /root/.cache/pip.
            if (path.StartsWith(LayerPaths.Home + "/", StringComparison.Ordinal))
            {
                string rest = path.Substring(LayerPaths.Home.Length);
                if (target.EndsWith(rest, StringComparison.Ordinal) && target.StartsWith("/home/", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The package-manager call each command is (null for the others), in <see cref="Commands"/> order; classified once.</summary>
    public IReadOnlyList<PackageCall?> Calls => CallArray;

    private PackageCall?[] CallArray => _calls ??= Classify();

    private PackageCall?[] Classify()
    {
        PackageCall?[]? calls = null;
        // Straight over the scripts' command arrays, in Commands order: no StepCommand built per command.
        int index = 0;
        var scripts = Scripts;
        for (int s = 0; s < scripts.Count; s++)
        {
            var commands = scripts[s].Script.CommandArray;
            for (int i = 0; i < commands.Length; i++, index++)
            {
                if (PackageManagers.Classify(commands[i]) is { } call)
                {
                    (calls ??= new PackageCall?[_commandCount])[index] = call;
                }
            }
        }
        // Most RUNs call no package manager: they share one array of nulls per length.
        return calls ?? NoCalls(_commandCount);
    }

    private static readonly PackageCall?[][] _noCalls = new PackageCall?[16][];

    private static PackageCall?[] NoCalls(int count)
    {
        var shared = _noCalls;
        if (count >= shared.Length)
        {
            return new PackageCall?[count];
        }
        return shared[count] ??= new PackageCall?[count];
    }

    private PackageCall?[]? _calls;

    /// <summary>The package-manager call a command of this step is, or null.</summary>
    public PackageCall? CallAt(StepCommand at) => CallArray[at.Index];

    /// <summary>Every package-manager call of the step with the command it is, in execution order.</summary>
    public ArrayView<(StepCommand At, PackageCall Call)> PackageCalls => _packageCalls ??= FindPackageCalls();

    private (StepCommand At, PackageCall Call)[] FindPackageCalls()
    {
        var calls = CallArray;
        int count = 0;
        for (int i = 0; i < calls.Length; i++)
        {
            if (calls[i] is not null)
            {
                count++;
            }
        }
        if (count == 0)
        {
            return Array.Empty<(StepCommand, PackageCall)>();
        }
        var found = new (StepCommand, PackageCall)[count];
        int next = 0;
        foreach (var at in Commands)
        {
            if (calls[at.Index] is { } call)
            {
                found[next++] = (at, call);
            }
        }
        return found;
    }

    // Every rule asks for these of every RUN: worked out once, and nothing allocated for a RUN without any.
    private (StepCommand At, PackageCall Call)[]? _packageCalls;

    /// <summary>The commands (of every script) whose program is one of the names.</summary>
    public IReadOnlyList<StepCommand> Named(params string[] names) => NamedAny(names, null);

    /// <summary>The commands (of every script) whose program is <paramref name="name"/>.</summary>
    public IReadOnlyList<StepCommand> Named(string name) => NamedAny(null, name);

    /// <summary>
    /// The commands whose program is one of <paramref name="names"/>, or <paramref name="name"/> when they are null: straight
    /// over the scripts' command arrays, in Commands order, a StepCommand made only for a match (many rules ask this of
    /// every RUN, and most find nothing).
    /// </summary>
    private IReadOnlyList<StepCommand> NamedAny(string[]? names, string? name) =>
        AnyNamed(names, name) ? CollectNamed(names, name) : Array.Empty<StepCommand>();

    // The search alone, apart from the collecting: without a list and StepCommands to set up, a RUN without the command
    // (most) costs a small frame and the loop.
    private bool AnyNamed(string[]? names, string? name)
    {
        var scripts = Scripts;
        for (int s = 0; s < scripts.Count; s++)
        {
            var commands = scripts[s].Script.CommandArray;
            for (int i = 0; i < commands.Length; i++)
            {
                if (names is null ? commands[i].Is(name!) : commands[i].IsAny(names))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private IReadOnlyList<StepCommand> CollectNamed(string[]? names, string? name)
    {
        List<StepCommand>? found = null;
        var scripts = Scripts;
        int index = 0;
        for (int s = 0; s < scripts.Count; s++)
        {
            var commands = scripts[s].Script.CommandArray;
            for (int i = 0; i < commands.Length; i++, index++)
            {
                if (names is null ? commands[i].Is(name!) : commands[i].IsAny(names))
                {
                    (found ??= new List<StepCommand>()).Add(Commands[index]);
                }
            }
        }
        return found ?? (IReadOnlyList<StepCommand>)Array.Empty<StepCommand>();
    }

    /// <summary>
    /// The first install that no cleanup follows in the same RUN (a cleanup before the install clears nothing),
    /// or null when every install is cleaned up after.
    /// </summary>
    public StepCommand? FirstUncleaned(Func<ShellCommand, bool> isInstall, Func<ShellCommand, bool> isCleanup)
    {
        int index = FirstUncleanedIndex(isInstall, isCleanup);
        return index < 0 ? null : Commands[index];
    }

    /// <summary>Like <see cref="FirstUncleaned"/>, as an index into <see cref="Commands"/> (-1 for none).</summary>
    public int FirstUncleanedIndex(Func<ShellCommand, bool> isInstall, Func<ShellCommand, bool> isCleanup)
    {
        // Straight over the scripts' command arrays, in Commands order: several rules ask this of every RUN, and no
        // StepCommand is needed until one is returned.
        var scripts = Scripts;
        // Installs first: most RUNs have none of the manager asked about, and then no cleanup needs looking for.
        if (!Any(scripts, isInstall))
        {
            return -1;
        }
        int lastCleanup = -1, index = 0;
        for (int s = 0; s < scripts.Count; s++)
        {
            var commands = scripts[s].Script.CommandArray;
            for (int i = 0; i < commands.Length; i++, index++)
            {
                if (isCleanup(commands[i]))
                {
                    lastCleanup = index;
                }
            }
        }
        index = 0;
        for (int s = 0; s < scripts.Count; s++)
        {
            var commands = scripts[s].Script.CommandArray;
            for (int i = 0; i < commands.Length; i++, index++)
            {
                if (index > lastCleanup && isInstall(commands[i]))
                {
                    return index;
                }
            }
        }
        return -1;
    }

    private static bool Any(ArrayView<RunScript> scripts, Func<ShellCommand, bool> predicate)
    {
        for (int s = 0; s < scripts.Count; s++)
        {
            var commands = scripts[s].Script.CommandArray;
            for (int i = 0; i < commands.Length; i++)
            {
                if (predicate(commands[i]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// True when a <c>--mount=type=cache</c> (or <c>type=tmpfs</c> when <paramref name="tmpfsToo"/>) has a
    /// target, as written, containing one of the fragments (<c>.cache/pip</c> matches <c>/root/.cache/pip</c>).
    /// </summary>
    public bool HasCacheMountContaining(bool tmpfsToo, string fragment) => Mounts.Count > 0 && HasCacheMountContaining(tmpfsToo, new[] { fragment });

    // Asked of every RUN with literal fragments: a RUN without mounts (most) allocates no array for them.
    public bool HasCacheMountContaining(bool tmpfsToo, string fragment, string other) => Mounts.Count > 0 && HasCacheMountContaining(tmpfsToo, new[] { fragment, other });

    public bool HasCacheMountContaining(bool tmpfsToo, params string[] fragments)
    {
        for (int i = 0; i < Mounts.Count; i++)
        {
            if (WrittenCacheTarget(Mounts[i], tmpfsToo) is { } target)
            {
                foreach (var fragment in fragments)
                {
                    if (target.Contains(fragment, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /// <summary>True when a cache mount's target, as written, is <paramref name="directory"/> or a folder inside it.</summary>
    public bool HasCacheMountAt(string directory)
    {
        for (int i = 0; i < Mounts.Count; i++)
        {
            if (WrittenCacheTarget(Mounts[i], tmpfsToo: false) is { } target && LayerPaths.IsAtOrUnder(target.TrimEnd('/'), directory))
            {
                return true;
            }
        }
        return false;
    }

    private static string? WrittenCacheTarget(RunMount mount, bool tmpfsToo) =>
        mount.Target is { Length: > 0 } target && (mount.Type == "cache" || (tmpfsToo && mount.Type == "tmpfs")) ? target.Trim() : null;

    /// <summary>
    /// The value a variable has for a command: a prefix assignment (<c>X=1 cmd</c>), an earlier
    /// <c>export X=1</c> in the same script, or ARG/ENV in force; null when unset.
    /// </summary>
    public string? EnvironmentValue(string name, StepCommand at)
    {
        foreach (var assignment in at.Command.Assignments)
        {
            if (TrySplit(assignment.Value, name, out var value)) return value;
        }
        string? exported = null;
        foreach (var other in Commands)
        {
            if (other.Order >= at.Order) break;
            if (!ReferenceEquals(other.Script, at.Script) || !other.Command.Is("export")) continue;
            foreach (var argument in other.Command.Arguments)
            {
                if (TrySplit(argument.Value, name, out var value)) exported = value;
            }
        }
        if (exported is not null) return exported;
        return Instruction.Scope.TryGetValue(name, out var scoped) ? scoped : null;
    }

    private static bool TrySplit(string assignment, string name, out string value)
    {
        if (assignment.Length > name.Length && assignment[name.Length] == '=' && assignment.StartsWith(name, StringComparison.Ordinal))
        {
            value = assignment.Substring(name.Length + 1);
            return true;
        }
        value = "";
        return false;
    }

    public override string ToString() => Run.Original;
}

/// <summary>The RUN steps of a file, in file order, and the WORKDIR of every instruction. One of the file's facts.</summary>
public sealed class RunSteps
{
    internal RunSteps(DockerfileModel model, ArrayView<RunScript> runScripts)
    {
        _stages = model.Stages;
        _changes = ComputeWorkdirs(model, out _firstChange);
        // RunScripts.Collect adds each instruction's scripts together, in file order: a step is a run of scripts of
        // one instruction (no dictionary of lists per RUN, which a 300,000-RUN file paid for in memory).
        int stepCount = 0;
        for (int i = 0; i < runScripts.Count; i++)
        {
            if (i == 0 || !ReferenceEquals(runScripts[i].Instruction, runScripts[i - 1].Instruction))
            {
                stepCount++;
            }
        }
        var all = new RunStep[stepCount];
        int posixCount = 0;
        for (int first = 0, at = 0; first < runScripts.Count; at++)
        {
            var instruction = runScripts[first].Instruction;
            int next = first + 1;
            while (next < runScripts.Count && ReferenceEquals(runScripts[next].Instruction, instruction))
            {
                next++;
            }
            var step = new RunStep(instruction, runScripts.Slice(first, next - first), WorkdirOf(instruction), model);
            all[at] = step;
            if (step.IsPosix)
            {
                posixCount++;
            }
            first = next;
        }
        All = all;
        if (posixCount == all.Length)
        {
            Posix = all; // the usual case: no PowerShell or cmd SHELL, one array for both
        }
        else
        {
            var posix = new RunStep[posixCount];
            for (int i = 0, p = 0; i < all.Length; i++)
            {
                if (all[i].IsPosix)
                {
                    posix[p++] = all[i];
                }
            }
            Posix = posix;
        }
        _lines = new int[all.Length];
        for (int i = 0; i < _lines.Length; i++)
        {
            _lines[i] = all[i].Line;
        }
    }

    /// <summary>Every RUN (ONBUILD RUN included) in file order.</summary>
    public ArrayView<RunStep> All { get; }

    /// <summary>The RUNs run by a POSIX shell (not under a PowerShell or cmd SHELL), in file order.</summary>
    public ArrayView<RunStep> Posix { get; }

    // The steps' lines side by side: Find searches them without touching a step (asked once per instruction by many rules).
    private readonly int[] _lines;

    /// <summary>The step of a RUN (or ONBUILD RUN) instruction, or null. Steps are in file order: a binary search by line, no map per RUN.</summary>
    public RunStep? Find(StageInstruction instruction)
    {
        // Written out (Array.BinarySearch's steps, same probes): the generic one goes through a comparer on every probe,
        // and this is asked of every instruction by many rules.
        int line = instruction.Syntax.StartLine;
        var lines = _lines;
        int low = 0, high = lines.Length - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            int probe = lines[middle];
            if (probe == line)
            {
                return ReferenceEquals(All[middle].Instruction, instruction) ? All[middle] : null;
            }
            if (probe < line)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return null;
    }

    public string WorkdirOf(StageInstruction instruction)
    {
        if (instruction.Stage is not { } stage || (uint)stage.Position >= (uint)_stages.Count || !ReferenceEquals(_stages[stage.Position], stage))
        {
            return "/"; // a global ARG, or a stage of another model
        }
        // The last change of the stage at or before the instruction's line (instructions of a stage are in line order).
        int line = instruction.Syntax.StartLine;
        int low = _firstChange[stage.Position], high = _firstChange[stage.Position + 1] - 1, found = -1;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (_changes[middle].FirstLine <= line)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found < 0 ? "/" : _changes[found].Workdir;
    }

    /// <summary>
    /// Where each stage's WORKDIR changes, stage after stage: from the FROM's line on, the inherited one; after each WORKDIR,
    /// the new one. A few entries per stage instead of one per instruction; stage s has
    /// <c>_changes[_firstChange[s].._firstChange[s + 1])</c>: two arrays for the file, where a map of lists cost a
    /// dictionary, a list and its array per file and stage.
    /// </summary>
    private readonly (int FirstLine, string Workdir)[] _changes;

    private readonly int[] _firstChange;

    // The model's stages, by position: a stage is looked up by its Position, checked to be this model's.
    private readonly ArrayView<Stage> _stages;

    private static (int FirstLine, string Workdir)[] ComputeWorkdirs(DockerfileModel model, out int[] firstChange)
    {
        var stages = model.Stages;
        int total = stages.Count;
        for (int s = 0; s < stages.Count; s++)
        {
            var instructions = stages[s].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                if (IsWorkdirChange(instructions[i]))
                {
                    total++; // at most: a WORKDIR that expands to nothing changes nothing
                }
            }
        }
        var changes = new (int FirstLine, string Workdir)[total];
        firstChange = new int[stages.Count + 1];
        int count = 0;
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            firstChange[s] = count;
            // A stage's last change is its final WORKDIR, which a stage built FROM it starts in.
            string current = stage.BaseStage is { } baseStage && BaseStageAt(stages, baseStage, s) is int b ? changes[firstChange[b + 1] - 1].Workdir : "/";
            changes[count++] = (Math.Min(stage.From.Syntax.StartLine, stage.Instructions.Count > 0 ? stage.Instructions[0].Syntax.StartLine : int.MaxValue), current);
            var instructions = stage.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                var instruction = instructions[i];
                if (IsWorkdirChange(instruction))
                {
                    string value = LayerPaths.Unquote(model.ExpandedText(instruction, instruction.Syntax.Arguments[0].Value));
                    if (value.Length > 0)
                    {
                        current = LayerPaths.Resolve(value, current);
                        changes[count++] = (instruction.Syntax.StartLine + 1, current);
                    }
                }
            }
        }
        firstChange[stages.Count] = count;
        if (count < changes.Length)
        {
            Array.Resize(ref changes, count);
        }
        return changes;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // asked of every instruction, twice
    private static bool IsWorkdirChange(StageInstruction instruction) => instruction.Kind == InstructionKind.Workdir && instruction.Syntax.Arguments.Count > 0;

    /// <summary>The position of a stage's base stage among the stages before <paramref name="before"/>, or null (then it starts at "/").</summary>
    private static int? BaseStageAt(ArrayView<Stage> stages, Stage baseStage, int before)
    {
        int at = baseStage.Position;
        return (uint)at < (uint)before && ReferenceEquals(stages[at], baseStage) ? at : null;
    }
}
