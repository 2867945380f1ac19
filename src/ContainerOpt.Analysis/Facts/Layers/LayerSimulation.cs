using ContainerOpt.Analysis.Shell;
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
        foreach (var stage in facts.Model.Stages)
        {
            Simulate(stage);
        }
        _events.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
    }

    public IReadOnlyList<LayerEvent> Events => _events;

    private enum FileKind
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

        /// <summary>For a copied file: the COPY's --from, when it gives the file a bind mount instead (see <see cref="BindMount"/>).</summary>
        public string? BindFrom { get; set; }

        /// <summary>
        /// For a copied file: the bind mount that would give a RUN the file without a layer. Written only for the few files
        /// an event names, not for every file every COPY adds.
        /// </summary>
        public string? BindMount => BindFrom is { } from ? $"RUN --mount=type=bind{from},source={Source},target={Path} ..." : null;
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
        public Install(PackageCall call, int line, HashSet<string> names)
        {
            Call = call;
            Line = line;
            Names = names;
        }

        public PackageCall Call { get; }
        public int Line { get; }
        public HashSet<string> Names { get; }
    }

    private sealed class State
    {
        public List<LeftProduct> Products { get; } = new();
        public List<FileProduct> Files { get; } = new();
        public List<Install> Installs { get; } = new();

        /// <summary>Per RUN of the chain so far: did it run anything that writes files.</summary>
        public List<bool> Runs { get; } = new();
    }

    private void Simulate(Stage stage)
    {
        var state = new State();
        bool scratch = stage.Root.IsScratch;
        foreach (var s in stage.Chain)
        {
            bool record = ReferenceEquals(s, stage);
            foreach (var instruction in s.Instructions)
            {
                switch (instruction.Syntax.Kind)
                {
                    case InstructionKind.Copy:
                    case InstructionKind.Add:
                        AddCopy(instruction, state);
                        break;
                    case InstructionKind.Workdir:
                        state.Files.Add(new FileProduct(_steps.WorkdirOf(instruction), true, FileKind.Workdir, instruction.Syntax.StartLine, "WORKDIR", "", state.Runs.Count));
                        break;
                    case InstructionKind.Run when _steps.Find(instruction) is { } step:
                        Run(step, state, record, scratch);
                        break;
                }
            }
        }
    }

    private void AddCopy(StageInstruction instruction, State state)
    {
        var copy = _facts.CopyOf(instruction);
        if (copy is null)
        {
            return;
        }
        int line = instruction.Syntax.StartLine;
        string keyword = copy.IsAdd ? "ADD" : "COPY";
        int runs = state.Runs.Count;
        string destValue = copy.DestinationValue;
        if (destValue.IndexOf('$') >= 0)
        {
            state.Files.Add(new FileProduct("/", true, FileKind.Unknown, line, keyword, "", runs));
            return;
        }
        string dest = LayerPaths.Resolve(destValue, _steps.WorkdirOf(instruction));
        bool destIsDirectory = copy.DestinationIsDirectory;
        foreach (var source in copy.Sources)
        {
            string value = source.Value;
            if (source.IsHeredoc)
            {
                string name = value.TrimStart('<', '-').Trim('"', '\'');
                state.Files.Add(new FileProduct(destIsDirectory ? LayerPaths.Resolve(name, dest) : dest, false, FileKind.Copy, line, keyword, value, runs));
            }
            else if (source.IsUrl)
            {
                string? remote = source.IsGitUrl ? null : ShellFacts.RemoteName(value);
                if (remote is null)
                {
                    state.Files.Add(new FileProduct(dest, true, FileKind.AddUrl, line, keyword, value, runs));
                }
                else
                {
                    state.Files.Add(new FileProduct(destIsDirectory ? LayerPaths.Resolve(remote, dest) : dest, false, FileKind.AddUrl, line, keyword, value, runs));
                }
            }
            else if ((copy.IsAdd && IsLocalArchive(value)) || source.IsWholeContext || value.EndsWith("/", StringComparison.Ordinal) || LayerPaths.IsGlob(value) || value.IndexOf('$') >= 0)
            {
                state.Files.Add(new FileProduct(dest, true, FileKind.Copy, line, keyword, value, runs));
            }
            else if (source.IsDirectoryLike)
            {
                // A folder's content goes into the destination; a file of that name goes to dest/name.
                state.Files.Add(new FileProduct(destIsDirectory ? LayerPaths.Resolve(LayerPaths.BaseName(value), dest) : dest, true, FileKind.Copy, line, keyword, value, runs));
                if (destIsDirectory)
                {
                    state.Files.Add(new FileProduct(dest, true, FileKind.Copy, line, keyword, value, runs));
                }
            }
            else
            {
                string path = destIsDirectory ? LayerPaths.Resolve(LayerPaths.BaseName(value), dest) : dest;
                state.Files.Add(new FileProduct(path, false, FileKind.Copy, line, keyword, value, runs)
                {
                    BindFrom = copy.From is null ? "" : ",from=" + copy.From,
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
                bool recursive = ShellFacts.IsRecursiveRemoval(command);
                foreach (var word in ShellFacts.RemovalTargets(command))
                {
                    string? path = LayerPaths.FromWord(word, step.Instruction, model, step.Workdir, relativeIsKnown: !at.AfterCd);
                    if (path is null)
                    {
                        continue;
                    }
                    var span = at.Script.SpanOf(word);
                    string display = RemovalDisplay(command, word);
                    if (step.CacheMountOf(LayerPaths.StripContentGlob(path)) is { } mount)
                    {
                        if (record)
                        {
                            _events.Add(new LayerEvent(LayerEventKind.NothingToClean, step, at, span, display)
                            {
                                Fix = $"{mount} is a cache mount of this RUN, so nothing in it reaches the layer, and emptying it throws away the cache the next build would reuse. Remove it.",
                            });
                        }
                        continue;
                    }
                    if (step.IsOnMount(LayerPaths.StripContentGlob(path)))
                    {
                        continue; // a tmpfs or bind mount: nothing there is in the layer either way
                    }
                    bool handled = RemoveCaches(path, at, span, display, step, state, stepProducts, cleaned, record, firstOpaque);
                    bool neverMade = !handled && record && scratch && !anyRunBefore && command.HasFlag("f", "force") && !word.HasExpansion
                        && word.Value.StartsWith("/", StringComparison.Ordinal) && OnlyNonCreatingBefore(step, at)
                        && !state.Files.Any(f => LayerPaths.IsAtOrUnder(path, f.Path) || LayerPaths.IsAtOrUnder(f.Path, LayerPaths.StripContentGlob(path)));
                    if (!handled)
                    {
                        RemoveFiles(path, word, recursive, at, span, display, step, state, stepFiles, record, firstWriter);
                    }
                    if (neverMade)
                    {
                        _events.Add(new LayerEvent(LayerEventKind.NeverMade, step, at, span, display)
                        {
                            Fix = "this stage starts from scratch and no earlier COPY, ADD or WORKDIR made it. Remove it.",
                        });
                    }
                }
            }
            else if (command.Is("find"))
            {
                foreach (var word in ShellFacts.FindRemovalRoots(command))
                {
                    string? path = LayerPaths.FromWord(word, step.Instruction, model, step.Workdir, relativeIsKnown: !at.AfterCd);
                    if (path is not null)
                    {
                        RemoveCaches(path, at, at.Script.SpanOf(word), command.ToString(), step, state, stepProducts, cleaned, record, firstOpaque);
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
                        foreach (var product in PackageCaches.Produces(call, step, at, strict: false, setting, model))
                        {
                            if (!product.Paths.Any(step.IsOnMount))
                            {
                                stepProducts.Add(product);
                            }
                        }
                        if (call.Manager == "apt" && call.Op == PackageOp.Update)
                        {
                            // apt-get update also writes /var/cache/apt/*.bin, which apt-get clean removes.
                            stepProducts.Add(new CacheProduct(PackageCaches.AptArchives, PackageCaches.AptArchives.DefaultPaths, call, at));
                        }
                        if (call.Op == PackageOp.Install)
                        {
                            stepInstalls.Add(call);
                            if (call.Manager is "npm" or "yarn" or "pnpm" && !at.AfterCd && !command.HasFlag("g", "global") && !call.Display.Contains("global", StringComparison.Ordinal))
                            {
                                stepFiles.Add(new FileProduct(LayerPaths.Resolve("node_modules", step.Workdir), true, FileKind.Modules, step.Line, call.Display, "", runIndex + 1, at.Order));
                            }
                        }
                        break;
                }
            }
            AddRunFiles(command, at, step, stepFiles, runIndex);
            if (ShellFacts.IsOpaque(command))
            {
                firstOpaque = Math.Min(firstOpaque, at.Order);
            }
            if (!ShellFacts.IsHarmless(command))
            {
                firstWriter = Math.Min(firstWriter, at.Order);
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
                state.Files.Add(file);
            }
        }
        foreach (var call in stepInstalls)
        {
            var names = new HashSet<string>(call.PackageNames, StringComparer.Ordinal);
            if (call.Command.FlagValue("virtual", "t") is { } virtualName && call.Manager == "apk")
            {
                names.Add(virtualName);
            }
            state.Installs.Add(new Install(call, step.Line, names));
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

    private static bool IsSystemDirectory(string path) => path == "/" || SystemDirectories.Any(d => LayerPaths.IsAtOrUnder(path, d));

    private static bool OnlyNonCreatingBefore(RunStep step, StepCommand at) =>
        step.Commands.Where(c => c.Order < at.Order).All(c => NonCreating.Contains(c.Command.Name));

    private static string RemovalDisplay(ShellCommand command, ShellWord target)
    {
        var flags = command.Arguments.Where(a => a.IsFlag).Select(a => a.Value);
        return string.Join(" ", new[] { command.Name }.Concat(flags).Concat(new[] { target.Value }));
    }

    /// <summary>An rm of a package-manager cache. Returns true when the path is a cache (handled here).</summary>
    private bool RemoveCaches(string path, StepCommand at, TextSpan span, string display, RunStep step, State state,
        List<CacheProduct> stepProducts, HashSet<CacheProduct> cleaned, bool record, int firstOpaque)
    {
        var same = stepProducts.Where(p => p.Order < at.Order && PackageCaches.RemovalCleans(path, p)).ToList();
        if (same.Count > 0)
        {
            cleaned.UnionWith(same);
            return true;
        }
        var earlier = state.Products.Where(p => PackageCaches.RemovalCleans(path, p.Product)).ToList();
        if (earlier.Count > 0)
        {
            state.Products.RemoveAll(earlier.Contains);
            if (record && at.Order < firstOpaque)
            {
                // After a script in the same RUN the cleanup may be for what the script made.
                AddLaterLayerCache(step, at, span, display, earlier);
            }
            return true;
        }
        var kinds = PackageCaches.KindsAt(path).ToList();
        if (kinds.Count == 0)
        {
            return false;
        }
        if (record && at.Order < firstOpaque)
        {
            AddNothingToClean(step, at, span, display, kinds, state);
        }
        return true;
    }

    private void Clean(PackageCall call, StepCommand at, RunStep step, State state, List<CacheProduct> stepProducts, HashSet<CacheProduct> cleaned, bool record, int firstOpaque)
    {
        var span = at.Script.SpanOf(call.Command);
        string display = call.Command.ToString();
        if (PackageCaches.IsDryRun(call) is { } dryRun)
        {
            if (record)
            {
                _events.Add(new LayerEvent(LayerEventKind.DryRun, step, at, at.Script.SpanOf(dryRun), display)
                {
                    Fix = $"'{dryRun.Value}' only simulates the cleanup. Drop '{dryRun.Value}'.",
                });
            }
            return;
        }
        var kinds = PackageCaches.KindsCleanedBy(call).ToList();
        var mounts = kinds.SelectMany(k => k.DefaultPaths).Select(step.CacheMountOf).ToList();
        if (mounts.Count > 0 && mounts.All(m => m is not null))
        {
            if (record)
            {
                _events.Add(new LayerEvent(LayerEventKind.NothingToClean, step, at, span, display)
                {
                    Fix = $"{string.Join(" and ", mounts.Distinct())} {(mounts.Distinct().Count() == 1 ? "is a cache mount" : "are cache mounts")} of this RUN, so nothing in it reaches the layer, and cleaning it throws away the cache the next build would reuse. Remove it.",
                });
            }
            return;
        }
        if (kinds.Count > 0 && kinds.SelectMany(k => k.DefaultPaths).All(step.IsOnMount))
        {
            return;
        }
        var same = stepProducts.Where(p => p.Order < at.Order && PackageCaches.Cleans(call, p)).ToList();
        if (same.Count > 0)
        {
            cleaned.UnionWith(same);
            return;
        }
        var earlier = state.Products.Where(p => PackageCaches.Cleans(call, p.Product)).ToList();
        if (earlier.Count > 0)
        {
            state.Products.RemoveAll(earlier.Contains);
            if (record && at.Order < firstOpaque)
            {
                AddLaterLayerCache(step, at, span, display, earlier);
            }
            return;
        }
        if (kinds.Count > 0 && record && at.Order < firstOpaque)
        {
            AddNothingToClean(step, at, span, display, kinds, state);
        }
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

    private void AddNothingToClean(RunStep step, StepCommand at, TextSpan span, string display, List<CacheKind> kinds, State state)
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
        if (stepInstalls.Any(i => i.Manager == call.Manager))
        {
            return; // installed and removed in one layer: the right way
        }
        var names = new HashSet<string>(call.PackageNames, StringComparer.Ordinal);
        bool anyName = names.Count == 0 || call.Operands.Any(o => o.HasExpansion);
        var install = state.Installs.LastOrDefault(i => i.Call.Manager == call.Manager && (anyName || i.Names.Overlaps(names)));
        if (install is null || !record)
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

    private void RemoveFiles(string path, ShellWord word, bool recursive, StepCommand at, TextSpan span, string display, RunStep step, State state,
        List<FileProduct> stepFiles, bool record, int firstWriter)
    {
        string target = LayerPaths.StripContentGlob(path);
        if (stepFiles.Any(f => f.Order < at.Order && (LayerPaths.NamesPathOrParent(path, f.Path) || (f.Region && LayerPaths.IsAtOrUnder(target, f.Path)))))
        {
            return; // made earlier in this RUN
        }
        for (int i = state.Files.Count - 1; i >= 0; i--)
        {
            var file = state.Files[i];
            if (file.Kind is FileKind.Workdir or FileKind.Unknown)
            {
                continue;
            }
            bool exact = LayerPaths.NamesPathOrParent(path, file.Path) || LayerPaths.RemovalCovers(path, file.Path);
            // Inside a copied folder: only one the base image cannot have filled (not /etc/nginx, /usr/share/...).
            bool under = !exact && file.Region && target != file.Path && LayerPaths.IsAtOrUnder(target, file.Path)
                && !(file.Kind is FileKind.Copy or FileKind.AddUrl && IsSystemDirectory(file.Path));
            if (!exact && !under)
            {
                continue;
            }
            if (exact && file.Region && !recursive && path == file.Path)
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
                bool runBetween = state.Runs.Skip(file.RunIndex).Any(r => r);
                if (buildOutput && runBetween)
                {
                    return; // a RUN in between may have made it (bin/, obj/, node_modules ...)
                }
            }
            if (exact)
            {
                state.Files.RemoveAll(f => f.Kind is not (FileKind.Workdir or FileKind.Unknown) && !f.Region && LayerPaths.NamesPathOrParent(path, f.Path));
                state.Files.Remove(file);
            }
            if (!record)
            {
                return;
            }
            string line = file.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var e = new LayerEvent(file.Kind is FileKind.Copy or FileKind.AddUrl or FileKind.Download ? LayerEventKind.AddedThenDeleted : LayerEventKind.LaterLayerCleanup,
                step, at, span, display)
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

        string? url = command.Arguments.FirstOrDefault(a => RemoteSources.IsUrl(a.Value))?.Value;
        switch (command.Name)
        {
            case "curl" when url is not null:
                {
                    var output = ShellFacts.FlagValueWord(command, 'o', "output");
                    if (output is not null)
                    {
                        Add(Path(output), false, FileKind.Download, "curl");
                    }
                    else if (command.HasFlag("O", "remote-name") && ShellFacts.RemoteName(url) is { } name)
                    {
                        var dir = ShellFacts.FlagValueWord(command, '\0', "output-dir");
                        Add(dir is not null ? Under(Path(dir), name) : cwd.Length > 0 ? Under(cwd, name) : null, false, FileKind.Download, "curl");
                    }
                    break;
                }
            case "wget" when url is not null && !command.HasFlag("spider"):
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
                    var positionals = command.Positionals("c", "C", "b", "branch", "depth", "o", "origin", "reference", "j", "jobs", "template", "u", "upload-pack", "separate-git-dir", "config", "shallow-since", "shallow-exclude");
                    if (positionals.Count >= 2 && positionals[0].Value == "clone")
                    {
                        if (positionals.Count >= 3)
                        {
                            Add(Path(positionals[2]), true, FileKind.Clone, "git clone");
                        }
                        else if (ShellFacts.RemoteName(positionals[1].Value) is { } name && cwd.Length > 0)
                        {
                            string folder = name.EndsWith(".git", StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name;
                            Add(Under(cwd, folder), true, FileKind.Clone, "git clone");
                        }
                    }
                    break;
                }
            case "dotnet":
                {
                    var positionals = command.Positionals("c", "configuration", "o", "output", "r", "runtime", "f", "framework", "v", "verbosity", "p", "property", "a", "arch", "os");
                    if (positionals.Count > 0 && positionals[0].Value is "publish" or "build")
                    {
                        Add(Path(ShellFacts.FlagValueWord(command, 'o', "output")), true, FileKind.BuildOutput, "dotnet " + positionals[0].Value);
                    }
                    break;
                }
        }
    }
}
