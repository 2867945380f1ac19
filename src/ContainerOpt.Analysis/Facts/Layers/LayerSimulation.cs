using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

public enum LayerEventKind
{
    /// <summary>COPT3001: a cleanup (cache, packages, files a RUN made) in a later layer than what made them.</summary>
    LaterLayerCleanup,

    /// <summary>COPT3003: a file COPY/ADD put in (or a RUN downloaded) deleted in a later layer.</summary>
    AddedThenDeleted,

    /// <summary>COPT3002: a cache cleanup with nothing of this RUN's to clean.</summary>
    NothingToClean,

    /// <summary>COPT3002: a cache cleanup that runs before the command of the same RUN that makes the cache.</summary>
    CleanupBeforeProducer,

    /// <summary>COPT3002: <c>apt-get clean --dry-run</c>.</summary>
    DryRun,

    /// <summary>COPT3002: <c>rm -f</c> of a path nothing in a scratch stage made.</summary>
    NeverMade,
}

/// <summary>One finding of the layer simulation, for COPT3001, COPT3002 or COPT3003 to report.</summary>
public sealed class LayerEvent
{
    public LayerEvent(LayerEventKind kind, RunStep step, StepCommand at, TextSpan span, string cleanup)
    {
        Kind = kind;
        Step = step;
        At = at;
        Span = span;
        Cleanup = cleanup;
    }

    public LayerEventKind Kind { get; }
    public RunStep Step { get; }
    public StepCommand At { get; }
    public TextSpan Span { get; }

    /// <summary>The cleanup as written (<c>rm -rf /var/lib/apt/lists/*</c>, <c>apt-get clean</c>).</summary>
    public string Cleanup { get; }

    /// <summary>The line of the instruction that made what is cleaned (0 when none).</summary>
    public int ProducerLine { get; set; }

    /// <summary>What made it: <c>apt-get update</c>, <c>COPY</c>, <c>curl</c>.</summary>
    public string Producer { get; set; } = "";

    /// <summary>What stays behind: "the apt package lists (/var/lib/apt/lists)".</summary>
    public string What { get; set; } = "";

    /// <summary>For COPT3003: how it came in ("was added by the COPY", "was downloaded by 'curl'").</summary>
    public string How { get; set; } = "";

    public string Fix { get; set; } = "";

    public Stage? Stage => Step.Stage;
}

/// <summary>
/// Walks each stage's layers in build order (its FROM chain first) and records where cleanups do
/// not shrink the image: what a layer adds stays in that layer's bytes, so deleting it in a later
/// layer only hides it. Every stage is walked; each event belongs to the stage whose RUN it is in,
/// and each rule decides which stages matter to it.
/// </summary>
public sealed class LayerSimulation
{
    private static readonly HashSet<string> BuildDirectories = new(StringComparer.Ordinal)
    {
        "bin", "obj", "node_modules", "target", "build", "dist", "out", ".next", "__pycache__", ".gradle", "vendor",
    };

    private static readonly HashSet<string> NonCreating = new(StringComparer.Ordinal)
    {
        "rm", "set", "echo", "printf", "true", "false", ":", "test", "[", "ls", "cat", "export",
    };

    private readonly DockerfileFacts _facts;
    private readonly RunSteps _steps;
    private readonly List<LayerEvent> _events = new();
    private readonly List<CacheProduct> _stepProducts = new();
    private readonly HashSet<CacheProduct> _cleaned = new();
    private readonly List<FileProduct> _stepFiles = new();
    private readonly List<PackageCall> _stepInstalls = new();

    internal LayerSimulation(DockerfileFacts facts)
    {
        _facts = facts;
        _steps = facts.RunSteps;
        _state = new State(this);
        foreach (var stage in facts.Model.Stages)
        {
            Simulate(stage);
        }
        _events.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    public IReadOnlyList<LayerEvent> Events => _events;

    // A byte: it packs with FileProduct's two bools, which then fits 64 bytes.
    private enum FileKind : byte
    {
        Copy,
        AddUrl,
        Download,
        Clone,
        BuildOutput,
        Modules,
        Workdir,
        Unknown,
    }

    private sealed class FileProduct
    {
        public FileProduct(string path, bool region, FileKind kind, int line, string producer, string source, int runIndex, int order = -1)
        {
            Path = path;
            Region = region;
            Kind = kind;
            Line = line;
            Producer = producer;
            Source = source;
            RunIndex = runIndex;
            Order = order;
        }

        public string Path { get; }

        /// <summary>A directory whose content is not known file by file (a copied folder, a clone).</summary>
        public bool Region { get; }

        public FileKind Kind { get; }
        public int Line { get; }
        public string Producer { get; }
        public string Source { get; }

        /// <summary>How many RUNs of the chain came before it, its own included (for "did a RUN run in between").</summary>
        public int RunIndex { get; }

        public int Order { get; }

        /// <summary>For a copied file: a bind mount can give it to a RUN instead (see <see cref="BindMount"/>).</summary>
        public bool Bindable { get; set; }

        /// <summary>For a bindable file: the COPY's --from (null for the build context).</summary>
        public string? BindFrom { get; set; }

        /// <summary>
        /// For a copied file: the bind mount that would give a RUN the file without a layer. Written only for the few files
        /// an event names, not for every file every COPY adds.
        /// </summary>
        public string? BindMount => Bindable ? $"RUN --mount=type=bind{(BindFrom is null ? "" : ",from=" + BindFrom)},source={Source},target={Path} ..." : null;
    }

    private sealed class LeftProduct
    {
        public LeftProduct(CacheProduct product, int line)
        {
            Product = product;
            Line = line;
        }

        public CacheProduct Product { get; }
        public int Line { get; }
    }

    private sealed class Install
    {
        private HashSet<string>? _names;

        public Install(PackageCall call, int line)
        {
            Call = call;
            Line = line;
        }

        public PackageCall Call { get; }
        public int Line { get; }

        /// <summary>The packages it installs (an apk --virtual name too); built only when a later removal asks.</summary>
        public HashSet<string> Names => _names ??= NamesOf(Call);

        private static HashSet<string> NamesOf(PackageCall call)
        {
            var names = new HashSet<string>(call.PackageNames, StringComparer.Ordinal);
            if (call.Command.FlagValue("virtual", "t") is { } virtualName && call.Manager == "apk")
            {
                names.Add(virtualName);
            }
            return names;
        }
    }

    private sealed class State
    {
        private readonly LayerSimulation _simulation;
        private readonly List<FileProduct> _files = new();

        // The COPY/ADDs whose files are not written out yet: where they go among the files, and how many RUNs came before.
        // Only an rm reads the files, and most stages copy files that no later rm names: a copy's paths and products are
        // made when an rm first asks (Files), not for every source of every COPY.
        private readonly List<(StageInstruction Copy, int At, int Runs)> _pendingCopies = new();

        public State(LayerSimulation simulation)
        {
            _simulation = simulation;
        }

        public List<LeftProduct> Products { get; } = new();
        public List<Install> Installs { get; } = new();

        /// <summary>Per RUN of the chain so far: did it run anything that writes files.</summary>
        public List<bool> Runs { get; } = new();

        /// <summary>What earlier instructions made, in order, the pending copies' files written out first.</summary>
        public List<FileProduct> Files
        {
            get
            {
                if (_pendingCopies.Count > 0)
                {
                    WriteOutCopies();
                }
                return _files;
            }
        }

        public void AddFile(FileProduct file) => _files.Add(file);

        /// <summary>A COPY or ADD, its files written out when they are first read.</summary>
        public void AddCopy(StageInstruction instruction) => _pendingCopies.Add((instruction, _files.Count, Runs.Count));

        private void WriteOutCopies()
        {
            // Each copy's files go where they would have been added: after the files added before it (and before the
            // copies before it, already in place), so the order is the one adding them at once gave.
            int added = 0;
            var copyFiles = _simulation._copyFiles;
            foreach (var (copy, at, runs) in _pendingCopies)
            {
                copyFiles.Clear();
                _simulation.AddCopy(copy, copyFiles, runs);
                _files.InsertRange(at + added, copyFiles);
                added += copyFiles.Count;
            }
            copyFiles.Clear();
            _pendingCopies.Clear();
        }

        public void Clear()
        {
            Products.Clear();
            _files.Clear();
            _pendingCopies.Clear();
            Installs.Clear();
            Runs.Clear();
        }
    }

    /// <summary>One state for every stage, cleared per stage: each stage is walked from its chain's root.</summary>
    private readonly State _state;

    // One list, reused, for the files of the copy being written out.
    private readonly List<FileProduct> _copyFiles = new();

    private void Simulate(Stage stage)
    {
        // Events are recorded only at the stage's own RUNs: a stage without one has none to find (the stages
        // built on it walk it as part of their chain), and what comes after its last RUN changes nothing.
        int lastRun = LastRunIndex(stage.Instructions);
        if (lastRun < 0)
        {
            return;
        }
        var state = _state;
        state.Clear();
        bool scratch = stage.Root.IsScratch;
        var chain = stage.Chain;
        for (int c = 0; c < chain.Count; c++)
        {
            var s = chain[c];
            bool record = ReferenceEquals(s, stage);
            var instructions = s.Instructions;
            int count = record ? lastRun + 1 : instructions.Count;
            for (int i = 0; i < count; i++)
            {
                var instruction = instructions[i];
                switch (instruction.Syntax.Kind)
                {
                    case InstructionKind.Copy:
                    case InstructionKind.Add:
                        state.AddCopy(instruction);
                        break;
                    case InstructionKind.Workdir:
                        state.AddFile(new FileProduct(_steps.WorkdirOf(instruction), true, FileKind.Workdir, instruction.Syntax.StartLine, "WORKDIR", "", state.Runs.Count));
                        break;
                    case InstructionKind.Run when _steps.Find(instruction) is { } step:
                        Run(step, state, record, scratch);
                        break;
                }
            }
        }
    }

    private static int LastRunIndex(ArrayView<StageInstruction> instructions) // the view itself: through the interface it was boxed per stage
    {
        for (int i = instructions.Count - 1; i >= 0; i--)
        {
            if (instructions[i].Syntax.Kind == InstructionKind.Run)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The files a COPY or ADD puts in, in source order.</summary>
    private void AddCopy(StageInstruction instruction, List<FileProduct> files, int runs)
    {
        var copy = _facts.CopyOf(instruction);
        if (copy is null)
        {
            return;
        }
        int line = instruction.Syntax.StartLine;
        string keyword = copy.IsAdd ? "ADD" : "COPY";
        string destValue = copy.DestinationValue;
        if (destValue.IndexOf('$') >= 0)
        {
            files.Add(new FileProduct("/", true, FileKind.Unknown, line, keyword, "", runs));
            return;
        }
        string dest = LayerPaths.Resolve(destValue, _steps.WorkdirOf(instruction));
        bool destIsDirectory = copy.DestinationIsDirectory;
        var sources = copy.Sources;
        for (int i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            string value = source.Value;
            if (source.IsHeredoc)
            {
                string name = value.TrimStart('<', '-').Trim('"', '\'');
                files.Add(new FileProduct(destIsDirectory ? LayerPaths.Resolve(name, dest) : dest, false, FileKind.Copy, line, keyword, value, runs));
            }
            else if (source.IsUrl)
            {
                string? remote = source.IsGitUrl ? null : ShellFacts.RemoteName(value);
                if (remote is null)
                {
                    files.Add(new FileProduct(dest, true, FileKind.AddUrl, line, keyword, value, runs));
                }
                else
                {
                    files.Add(new FileProduct(destIsDirectory ? LayerPaths.Resolve(remote, dest) : dest, false, FileKind.AddUrl, line, keyword, value, runs));
                }
            }
            else if ((copy.IsAdd && IsLocalArchive(value)) || source.IsWholeContext || value.EndsWith("/", StringComparison.Ordinal) || LayerPaths.IsGlob(value) || value.IndexOf('$') >= 0)
            {
                files.Add(new FileProduct(dest, true, FileKind.Copy, line, keyword, value, runs));
            }
            else if (source.IsDirectoryLike)
            {
                // A folder's content goes into the destination; a file of that name goes to dest/name.
                files.Add(new FileProduct(destIsDirectory ? LayerPaths.ResolveBaseName(value, dest) : dest, true, FileKind.Copy, line, keyword, value, runs));
                if (destIsDirectory)
                {
                    files.Add(new FileProduct(dest, true, FileKind.Copy, line, keyword, value, runs));
                }
            }
            else
            {
                string path = destIsDirectory ? LayerPaths.ResolveBaseName(value, dest) : dest;
                files.Add(new FileProduct(path, false, FileKind.Copy, line, keyword, value, runs)
                {
                    Bindable = true,
                    BindFrom = copy.From,
                });
            }
        }
    }

    private static readonly string[] ArchiveExtensions = { ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tbz", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz4" };

    private static bool IsLocalArchive(string value)
    {
        if (value.IndexOf('.') < 0)
        {
            return false; // no extension: no new lower-case copy to test
        }
        string v = value.ToLowerInvariant();
        foreach (var extension in ArchiveExtensions)
        {
            if (v.EndsWith(extension, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private void Run(RunStep step, State state, bool record, bool scratch)
    {
        if (step.IsOnbuild)
        {
            return; // runs in another image
        }
        if (!step.IsPosix)
        {
            state.Runs.Add(true);
            return;
        }
        var model = _facts.Model;
        // One set of per-step scratch collections for the whole simulation, cleared per RUN (not four new ones per RUN).
        var stepProducts = _stepProducts;
        var cleaned = _cleaned;
        var stepFiles = _stepFiles;
        var stepInstalls = _stepInstalls;
        stepProducts.Clear();
        cleaned.Clear();
        stepFiles.Clear();
        stepInstalls.Clear();
        int firstOpaque = int.MaxValue;
        int firstWriter = int.MaxValue;
        int runIndex = state.Runs.Count;
        bool anyRunBefore = runIndex > 0;

        foreach (var at in step.Commands)
        {
            var command = at.Command;
            if (command.Is("rm"))
            {
                var targets = ShellFacts.RemovalTargets(command);
                for (int t = 0; t < targets.Count; t++)
                {
                    var word = targets[t];
                    string? path = LayerPaths.FromWord(word, step.Instruction, model, step.Workdir, relativeIsKnown: !at.AfterCd);
                    if (path is null)
                    {
                        continue;
                    }
                    var span = at.Script.SpanOf(word);
                    var display = new CleanupText(command, word);
                    var removal = new LayerPaths.Removal(path);
                    if (step.CacheMountOf(removal.Content) is { } mount)
                    {
                        if (record)
                        {
                            _events.Add(new LayerEvent(LayerEventKind.NothingToClean, step, at, span, display.ToString())
                            {
                                Fix = $"{mount} is a cache mount of this RUN, so nothing in it reaches the layer, and emptying it throws away the cache the next build would reuse. Remove it.",
                            });
                        }
                        continue;
                    }
                    if (step.IsOnMount(removal.Content))
                    {
                        continue; // a tmpfs or bind mount: nothing there is in the layer either way
                    }
                    bool handled = RemoveCaches(removal, at, span, display, step, state, stepProducts, cleaned, record, firstOpaque);
                    bool neverMade = !handled && record && scratch && !anyRunBefore && command.HasFlag(ForceFlags) && !word.HasExpansion
                        && word.Value.StartsWith("/", StringComparison.Ordinal) && OnlyNonCreatingBefore(step, at)
                        && !AnyFileAround(state.Files, removal);
                    if (!handled)
                    {
                        RemoveFiles(removal, command, at, span, display, step, state, stepFiles, record, firstWriter);
                    }
                    if (neverMade)
                    {
                        _events.Add(new LayerEvent(LayerEventKind.NeverMade, step, at, span, display.ToString())
                        {
                            Fix = "this stage starts from scratch and no earlier COPY, ADD or WORKDIR made it. Remove it.",
                        });
                    }
                }
            }
            else if (command.Is("find"))
            {
                var roots = ShellFacts.FindRemovalRoots(command);
                for (int r = 0; r < roots.Count; r++)
                {
                    var word = roots[r];
                    string? path = LayerPaths.FromWord(word, step.Instruction, model, step.Workdir, relativeIsKnown: !at.AfterCd);
                    if (path is not null)
                    {
                        RemoveCaches(new LayerPaths.Removal(path), at, at.Script.SpanOf(word), new CleanupText(command, null), step, state, stepProducts, cleaned, record, firstOpaque);
                    }
                }
            }
            else if (step.CallAt(at) is { } call)
            {
                switch (call.Op)
                {
                    case PackageOp.Clean:
                        Clean(call, at, step, state, stepProducts, cleaned, record, firstOpaque);
                        break;
                    case PackageOp.Remove:
                        RemovePackages(call, at, step, state, stepInstalls, record && at.Order < firstOpaque);
                        break;
                    default:
                        var setting = new CacheSetting(true, false);
                        if (PackageCaches.ProductOf(call, step, at, strict: false, setting, model) is { } product && !AnyOnMount(step, product.Paths))
                        {
                            stepProducts.Add(product);
                        }
                        if (call.Manager == "apt" && call.Op == PackageOp.Update)
                        {
                            // apt-get update also writes /var/cache/apt/*.bin, which apt-get clean removes.
                            stepProducts.Add(new CacheProduct(PackageCaches.AptArchives, PackageCaches.AptArchives.DefaultPaths, call, at));
                        }
                        if (call.Op == PackageOp.Install)
                        {
                            stepInstalls.Add(call);
                            if (call.Manager is "npm" or "yarn" or "pnpm" && !at.AfterCd && !command.HasFlag(GlobalFlags) && !call.Display.Contains("global", StringComparison.Ordinal))
                            {
                                stepFiles.Add(new FileProduct(LayerPaths.Resolve("node_modules", step.Workdir), true, FileKind.Modules, step.Line, call.Display, "", runIndex + 1, at.Order));
                            }
                        }
                        break;
                }
            }
            AddRunFiles(command, at, step, stepFiles, runIndex);
            // Commands come in order: only the first opaque command and the first writer count.
            if (firstOpaque == int.MaxValue && ShellFacts.IsOpaque(command))
            {
                firstOpaque = at.Order;
            }
            if (firstWriter == int.MaxValue && !ShellFacts.IsHarmless(command))
            {
                firstWriter = at.Order;
            }
        }

        foreach (var product in stepProducts)
        {
            if (!cleaned.Contains(product))
            {
                state.Products.Add(new LeftProduct(product, step.Line));
            }
        }
        foreach (var file in stepFiles)
        {
            if (!step.IsOnMount(file.Path))
            {
                state.AddFile(file);
            }
        }
        foreach (var call in stepInstalls)
        {
            state.Installs.Add(new Install(call, step.Line));
        }
        state.Runs.Add(firstWriter != int.MaxValue);
    }

    private static bool StepDisablesDockerClean(RunStep step) => step.DisablesDockerClean ??= ComputeDisablesDockerClean(step);

    private static bool ComputeDisablesDockerClean(RunStep step)
    {
        foreach (var at in step.Commands)
        {
            if (at.Command.Is("rm") && at.Command.Positionals().Any(w => w.Value.EndsWith("apt.conf.d/docker-clean", StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return step.Scripts.Any(s => s.Script.Text.Contains("Keep-Downloaded-Packages", StringComparison.Ordinal) && s.Script.Text.Contains("true", StringComparison.Ordinal));
    }

    /// <summary>True when the RUN turns off Debian's docker-clean (the .debs of later installs then stay).</summary>
    public static bool DisablesDockerClean(RunStep step) => StepDisablesDockerClean(step);

    private static readonly string[] SystemDirectories =
    {
        "/etc", "/usr", "/var", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/opt", "/root", "/home", "/tmp",
        "/run", "/srv", "/boot", "/proc", "/sys", "/dev", "/mnt", "/media",
    };

    private static bool IsSystemDirectory(string path)
    {
        if (path == "/")
        {
            return true;
        }
        foreach (var directory in SystemDirectories)
        {
            if (LayerPaths.IsAtOrUnder(path, directory))
            {
                return true;
            }
        }
        return false;
    }

    private static bool OnlyNonCreatingBefore(RunStep step, StepCommand at)
    {
        foreach (var c in step.Commands)
        {
            if (c.Order < at.Order && !NonCreating.Contains(c.Command.Name))
            {
                return false;
            }
        }
        return true;
    }

    private static readonly string[] ForceFlags = { "f", "force" };
    private static readonly string[] GlobalFlags = { "g", "global" };
    private static readonly string[] RemoteNameFlags = { "O", "remote-name" };
    private static readonly string[] SpiderFlags = { "spider" };

    internal static readonly string[] GitFlagsTakingValue =
    {
        "c", "C", "b", "branch", "depth", "o", "origin", "reference", "j", "jobs", "template", "u", "upload-pack", "separate-git-dir", "config", "shallow-since", "shallow-exclude",
    };

    private static readonly string[] DotNetFlagsTakingValue =
    {
        "c", "configuration", "o", "output", "r", "runtime", "f", "framework", "v", "verbosity", "p", "property", "a", "arch", "os",
    };

    private static bool AnyOnMount(RunStep step, IReadOnlyList<string> paths)
    {
        for (int i = 0; i < paths.Count; i++)
        {
            if (step.IsOnMount(paths[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when an earlier step made the removed path, something in it, or a folder it is in.</summary>
    private static bool AnyFileAround(List<FileProduct> files, in LayerPaths.Removal removal)
    {
        foreach (var f in files)
        {
            if (LayerPaths.IsAtOrUnder(removal.Target, f.Path) || LayerPaths.IsAtOrUnder(f.Path, removal.Content))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A cleanup as an event shows it (<c>rm -rf /x</c>: the rm, its flags and the one target; otherwise the command).
    /// Written only when an event is made: most rm targets make none.
    /// </summary>
    private readonly struct CleanupText
    {
        private readonly ShellCommand _command;
        private readonly ShellWord? _target;

        public CleanupText(ShellCommand command, ShellWord? target)
        {
            _command = command;
            _target = target;
        }

        public override string ToString()
        {
            if (_target is null)
            {
                return _command.ToString();
            }
            var text = new System.Text.StringBuilder(_command.Name);
            var arguments = _command.Arguments;
            for (int i = 0; i < arguments.Count; i++)
            {
                if (arguments[i].IsFlag)
                {
                    text.Append(' ').Append(arguments[i].Value);
                }
            }
            return text.Append(' ').Append(_target.Value).ToString();
        }
    }

    /// <summary>An rm of a package-manager cache. Returns true when the path is a cache (handled here).</summary>
    private bool RemoveCaches(in LayerPaths.Removal removal, StepCommand at, TextSpan span, CleanupText display, RunStep step, State state,
        List<CacheProduct> stepProducts, HashSet<CacheProduct> cleaned, bool record, int firstOpaque)
    {
        bool cleansThisRun = false;
        foreach (var p in stepProducts)
        {
            if (p.Order < at.Order && PackageCaches.RemovalCleans(removal, p))
            {
                cleaned.Add(p);
                cleansThisRun = true;
            }
        }
        if (cleansThisRun)
        {
            return true;
        }
        List<LeftProduct>? earlier = null;
        foreach (var p in state.Products)
        {
            if (PackageCaches.RemovalCleans(removal, p.Product))
            {
                (earlier ??= new List<LeftProduct>()).Add(p);
            }
        }
        if (earlier is not null)
        {
            state.Products.RemoveAll(earlier.Contains);
            if (record && at.Order < firstOpaque)
            {
                // After a script in the same RUN the cleanup may be for what the script made.
                AddLaterLayerCache(step, at, span, display.ToString(), earlier);
            }
            return true;
        }
        var kinds = PackageCaches.KindsAt(removal);
        if (kinds.Count == 0)
        {
            return false;
        }
        if (record && at.Order < firstOpaque)
        {
            AddNothingToClean(step, at, span, display.ToString(), kinds, state);
        }
        return true;
    }

    private void Clean(PackageCall call, StepCommand at, RunStep step, State state, List<CacheProduct> stepProducts, HashSet<CacheProduct> cleaned, bool record, int firstOpaque)
    {
        var span = at.Script.SpanOf(call.Command);
        var display = new CleanupText(call.Command, null);
        if (PackageCaches.IsDryRun(call) is { } dryRun)
        {
            if (record)
            {
                _events.Add(new LayerEvent(LayerEventKind.DryRun, step, at, at.Script.SpanOf(dryRun), display.ToString())
                {
                    Fix = $"'{dryRun.Value}' only simulates the cleanup. Drop '{dryRun.Value}'.",
                });
            }
            return;
        }
        var kinds = PackageCaches.KindsCleanedBy(call);
        if (AllOnCacheMounts(step, kinds))
        {
            if (record)
            {
                var mounts = kinds.SelectMany(k => k.DefaultPaths).Select(step.CacheMountOf).ToList();
                _events.Add(new LayerEvent(LayerEventKind.NothingToClean, step, at, span, display.ToString())
                {
                    Fix = $"{string.Join(" and ", mounts.Distinct())} {(mounts.Distinct().Count() == 1 ? "is a cache mount" : "are cache mounts")} of this RUN, so nothing in it reaches the layer, and cleaning it throws away the cache the next build would reuse. Remove it.",
                });
            }
            return;
        }
        if (kinds.Count > 0 && AllOnMounts(step, kinds))
        {
            return;
        }
        bool cleansThisRun = false;
        foreach (var p in stepProducts)
        {
            if (p.Order < at.Order && PackageCaches.Cleans(call, p))
            {
                cleaned.Add(p);
                cleansThisRun = true;
            }
        }
        if (cleansThisRun)
        {
            return;
        }
        List<LeftProduct>? earlier = null;
        foreach (var p in state.Products)
        {
            if (PackageCaches.Cleans(call, p.Product))
            {
                (earlier ??= new List<LeftProduct>()).Add(p);
            }
        }
        if (earlier is not null)
        {
            state.Products.RemoveAll(earlier.Contains);
            if (record && at.Order < firstOpaque)
            {
                AddLaterLayerCache(step, at, span, display.ToString(), earlier);
            }
            return;
        }
        if (kinds.Count > 0 && record && at.Order < firstOpaque)
        {
            AddNothingToClean(step, at, span, display.ToString(), kinds, state);
        }
    }

    /// <summary>True when every default path of the kinds (at least one) is on a cache mount of the RUN.</summary>
    private static bool AllOnCacheMounts(RunStep step, IReadOnlyList<CacheKind> kinds)
    {
        bool any = false;
        for (int k = 0; k < kinds.Count; k++)
        {
            var paths = kinds[k].DefaultPaths;
            for (int i = 0; i < paths.Count; i++)
            {
                if (step.CacheMountOf(paths[i]) is null)
                {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /// <summary>True when every default path of the kinds is on a mount of the RUN (vacuously true without paths).</summary>
    private static bool AllOnMounts(RunStep step, IReadOnlyList<CacheKind> kinds)
    {
        for (int k = 0; k < kinds.Count; k++)
        {
            var paths = kinds[k].DefaultPaths;
            for (int i = 0; i < paths.Count; i++)
            {
                if (!step.IsOnMount(paths[i]))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private void AddLaterLayerCache(RunStep step, StepCommand at, TextSpan span, string display, List<LeftProduct> earlier)
    {
        var latest = earlier.OrderByDescending(p => p.Line).First();
        _events.Add(new LayerEvent(LayerEventKind.LaterLayerCleanup, step, at, span, display)
        {
            ProducerLine = latest.Line,
            Producer = latest.Product.Producer.Display,
            What = string.Join(" and ", earlier.Where(p => p.Line == latest.Line).Select(p => p.Product.Kind.Description).Distinct()),
            Fix = $"Move the cleanup into the RUN on line {latest.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
        });
    }

    private void AddNothingToClean(RunStep step, StepCommand at, TextSpan span, string display, IReadOnlyList<CacheKind> kinds, State state)
    {
        // A command later in the same RUN makes the cache: the cleanup is just in the wrong place.
        var setting = new CacheSetting(true, false);
        foreach (var later in step.Commands.Where(c => c.Order > at.Order))
        {
            if (step.CallAt(later) is not { } producer || producer.Op is PackageOp.Clean or PackageOp.Remove)
            {
                continue;
            }
            var made = PackageCaches.Produces(producer, step, later, strict: false, setting, _facts.Model).Select(p => p.Kind).ToList();
            if (producer.Manager == "apt" && producer.Op == PackageOp.Update)
            {
                made.Add(PackageCaches.AptArchives);
            }
            if (made.Intersect(kinds).Any())
            {
                _events.Add(new LayerEvent(LayerEventKind.CleanupBeforeProducer, step, at, span, display)
                {
                    Producer = producer.Display,
                    Fix = $"it runs before '{producer.Display}' in the same RUN, so it removes nothing that RUN downloads. Move it to the end of the RUN.",
                });
                return;
            }
        }
        var kind = kinds[0];
        string verb = kind.Manager switch
        {
            "apt" => kind == PackageCaches.AptLists ? "runs apt-get update" : "runs apt-get",
            "nuget" => "restores NuGet packages",
            _ => "runs " + kind.Manager,
        };
        _events.Add(new LayerEvent(LayerEventKind.NothingToClean, step, at, span, display)
        {
            What = kind.Description,
            Fix = $"nothing before it in this RUN {verb}, and deleting files that earlier layers hold does not make the image smaller. Remove it, or move it into the RUN that {verb}.",
        });
    }

    private void RemovePackages(PackageCall call, StepCommand at, RunStep step, State state, List<PackageCall> stepInstalls, bool record)
    {
        if (!record)
        {
            return;
        }
        foreach (var i in stepInstalls)
        {
            if (i.Manager == call.Manager)
            {
                return; // installed and removed in one layer: the right way
            }
        }
        // The latest install by the same manager of one of the packages (of any, for a removal without names or with a variable).
        Install? install = null;
        HashSet<string>? names = null;
        bool anyName = false;
        for (int k = state.Installs.Count - 1; k >= 0; k--)
        {
            var candidate = state.Installs[k];
            if (candidate.Call.Manager != call.Manager)
            {
                continue;
            }
            if (names is null)
            {
                names = new HashSet<string>(call.PackageNames, StringComparer.Ordinal);
                anyName = names.Count == 0 || call.Operands.Any(o => o.HasExpansion);
            }
            if (anyName || candidate.Names.Overlaps(names))
            {
                install = candidate;
                break;
            }
        }
        if (install is null)
        {
            return;
        }
        _events.Add(new LayerEvent(LayerEventKind.LaterLayerCleanup, step, at, at.Script.SpanOf(call.Command), call.Command.ToString())
        {
            ProducerLine = install.Line,
            Producer = install.Call.Display,
            What = "the packages it removes",
            Fix = "Install, use and remove them in one RUN, or install them in a build stage and copy only the result.",
        });
    }

    private void RemoveFiles(in LayerPaths.Removal removal, ShellCommand command, StepCommand at, TextSpan span, CleanupText display, RunStep step, State state,
        List<FileProduct> stepFiles, bool record, int firstWriter)
    {
        string path = removal.Target;
        string target = removal.Content;
        foreach (var f in stepFiles)
        {
            if (f.Order < at.Order && (removal.NamesPathOrParent(f.Path) || (f.Region && LayerPaths.IsAtOrUnder(target, f.Path))))
            {
                return; // made earlier in this RUN
            }
        }
        for (int i = state.Files.Count - 1; i >= 0; i--)
        {
            var file = state.Files[i];
            if (file.Kind is FileKind.Workdir or FileKind.Unknown)
            {
                continue;
            }
            bool exact = removal.NamesPathOrParent(file.Path) || removal.Covers(file.Path);
            // Inside a copied folder: only one the base image cannot have filled (not /etc/nginx, /usr/share/...).
            bool under = !exact && file.Region && target != file.Path && LayerPaths.IsAtOrUnder(target, file.Path)
                && !(file.Kind is FileKind.Copy or FileKind.AddUrl && IsSystemDirectory(file.Path));
            if (!exact && !under)
            {
                continue;
            }
            if (exact && file.Region && path == file.Path && !ShellFacts.IsRecursiveRemoval(command))
            {
                return; // rm without -r of a directory fails the build; not a size problem
            }
            if (under)
            {
                if (firstWriter < at.Order)
                {
                    return; // this RUN may have made it
                }
                var below = target.Substring(file.Path == "/" ? 1 : file.Path.Length + 1).Split('/');
                bool buildOutput = below.Any(BuildDirectories.Contains);
                bool runBetween = false;
                for (int r = file.RunIndex; r < state.Runs.Count; r++)
                {
                    runBetween |= state.Runs[r];
                }
                if (buildOutput && runBetween)
                {
                    return; // a RUN in between may have made it (bin/, obj/, node_modules ...)
                }
            }
            if (exact)
            {
                var files = state.Files;
                for (int k = files.Count - 1; k >= 0; k--)
                {
                    var f = files[k];
                    if (f.Kind is not (FileKind.Workdir or FileKind.Unknown) && !f.Region && removal.NamesPathOrParent(f.Path))
                    {
                        files.RemoveAt(k);
                    }
                }
                files.Remove(file);
            }
            if (!record)
            {
                return;
            }
            string line = file.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var e = new LayerEvent(file.Kind is FileKind.Copy or FileKind.AddUrl or FileKind.Download ? LayerEventKind.AddedThenDeleted : LayerEventKind.LaterLayerCleanup,
                step, at, span, display.ToString())
            {
                ProducerLine = file.Line,
                Producer = file.Producer,
            };
            // What was added: the copied file itself when the rm names a parent or a glob; the path inside a copied folder.
            string shown = under ? target : file.Path;
            switch (file.Kind)
            {
                case FileKind.Copy:
                    e.What = shown;
                    e.How = under ? $"came in with the {file.Producer} of '{file.Source}'" : $"was added by the {file.Producer}";
                    e.Fix = under
                        ? "Leave it out of the copy instead: list it in .dockerignore or copy narrower paths."
                        : file.BindMount is { } bind
                            ? $"If only a RUN needs it, bind-mount it into that RUN instead of copying it: {bind}."
                            : "If only a RUN needs it, bind-mount it into that RUN (RUN --mount=type=bind,...) instead of copying it.";
                    break;
                case FileKind.AddUrl:
                    e.What = shown;
                    e.How = $"was downloaded by the {file.Producer}";
                    e.Fix = "Download, use and delete it in one RUN instead.";
                    break;
                case FileKind.Download:
                    e.What = shown;
                    e.How = $"was downloaded by '{file.Producer}'";
                    e.Fix = "Download, use and delete it in one RUN.";
                    break;
                default:
                    e.What = $"the files '{file.Producer}' made there";
                    e.Fix = $"Delete them in the RUN on line {line}, or do that work in a build stage and copy only the result.";
                    break;
            }
            _events.Add(e);
            return;
        }
    }

    /// <summary>Files a RUN command writes at a known place: downloads, clones, build outputs.</summary>
    private void AddRunFiles(ShellCommand command, StepCommand at, RunStep step, List<FileProduct> stepFiles, int runIndex)
    {
        var model = _facts.Model;
        string? Path(ShellWord? word) => word is null || word.Value is "-" or "/dev/null" ? null
            : LayerPaths.FromWord(word, step.Instruction, model, step.Workdir, relativeIsKnown: !at.AfterCd);
        string? Under(string? directory, string name) => directory is null ? null : LayerPaths.Resolve(name, directory);
        string cwd = at.AfterCd ? "" : step.Workdir;

        void Add(string? path, bool region, FileKind kind, string producer)
        {
            if (path is not null && path.Length > 0)
            {
                stepFiles.Add(new FileProduct(path, region, kind, step.Line, producer, "", runIndex + 1, at.Order));
            }
        }

        switch (command.Name)
        {
            case "curl" when FirstUrl(command) is { } url:
                {
                    var output = ShellFacts.FlagValueWord(command, 'o', "output");
                    if (output is not null)
                    {
                        Add(Path(output), false, FileKind.Download, "curl");
                    }
                    else if (command.HasFlag(RemoteNameFlags) && ShellFacts.RemoteName(url) is { } name)
                    {
                        var dir = ShellFacts.FlagValueWord(command, '\0', "output-dir");
                        Add(dir is not null ? Under(Path(dir), name) : cwd.Length > 0 ? Under(cwd, name) : null, false, FileKind.Download, "curl");
                    }
                    break;
                }
            case "wget" when FirstUrl(command) is { } url && !command.HasFlag(SpiderFlags):
                {
                    var output = ShellFacts.FlagValueWord(command, 'O', "output-document");
                    if (output is not null)
                    {
                        Add(Path(output), false, FileKind.Download, "wget");
                    }
                    else if (ShellFacts.RemoteName(url) is { } name)
                    {
                        var dir = ShellFacts.FlagValueWord(command, 'P', "directory-prefix");
                        Add(dir is not null ? Under(Path(dir), name) : cwd.Length > 0 ? Under(cwd, name) : null, false, FileKind.Download, "wget");
                    }
                    break;
                }
            case "git":
                {
                    var positionals = command.Positionals(GitFlagsTakingValue);
                    if (positionals.Count >= 2 && positionals[0].Value == "clone")
                    {
                        if (positionals.Count >= 3)
                        {
                            Add(Path(positionals[2]), true, FileKind.Clone, "git clone");
                        }
                        else if (ShellFacts.CloneFolderName(positionals[1].Value) is { } folder && cwd.Length > 0)
                        {
                            Add(Under(cwd, folder), true, FileKind.Clone, "git clone");
                        }
                    }
                    break;
                }
            case "dotnet":
                {
                    string? verb = command.Subcommand(DotNetFlagsTakingValue);
                    if (verb is "publish" or "build")
                    {
                        Add(Path(ShellFacts.FlagValueWord(command, 'o', "output")), true, FileKind.BuildOutput, verb == "publish" ? "dotnet publish" : "dotnet build");
                    }
                    break;
                }
        }
    }

    /// <summary>The first argument that is a URL (what curl or wget fetches), or null.</summary>
    private static string? FirstUrl(ShellCommand command)
    {
        var arguments = command.Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (RemoteSources.IsUrl(arguments[i].Value))
            {
                return arguments[i].Value;
            }
        }
        return null;
    }
}
