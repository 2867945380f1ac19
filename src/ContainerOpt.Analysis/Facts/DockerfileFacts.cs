using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.DotNet;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// What one Dockerfile means, computed once per analysis and shared by every rule: the model, the
/// scripts its RUNs execute, the RUN steps and WORKDIRs, package-manager and <c>dotnet</c> commands,
/// the layer simulation, labels, which stages ship, and the inputs beside the file (.dockerignore,
/// build context, .NET project). Each fact is built on first use and never changes after; rules only
/// read facts and never recompute them.
/// </summary>
public sealed class DockerfileFacts
{
    // Made on first entry: most files have no SHELL, and a file without COPY/ADD asks no copy of anything.
    private Dictionary<StageInstruction, ShellSettings>? _shells;
    private Fact<RunSteps> _runSteps;
    private Fact<LayerSimulation> _layers;
    private Fact<IReadOnlyList<DotNetCommand>> _dotNetCommands;
    private Fact<IReadOnlyList<LabelPair>> _labels;
    private Fact<bool[]> _layerStages;
    private Fact<bool[]> _fileStages;
    private Fact<DotNetFacts?> _dotNet;
    private Fact<ImagePurpose> _purpose;
    private Fact<ContextCheck> _contextCheck;
    private Fact<IReadOnlyList<SwallowedLine>> _swallowedLines;
    private CopySlots? _copySlots;
    private StageSlots? _stageSlots;

    public DockerfileFacts(DockerfileModel model, DockerIgnore? dockerIgnore = null, string? contextDirectory = null,
        ProjectModel? project = null, AnalysisOptions? options = null, IContextFiles? contextFiles = null,
        ContextOrigin contextOrigin = ContextOrigin.Stated, string? dockerIgnorePath = null)
    {
        ContextFiles = contextFiles;
        ContextOrigin = contextOrigin;
        DockerIgnorePath = dockerIgnorePath;
        Model = model;
        DockerIgnore = dockerIgnore;
        ContextDirectory = contextDirectory;
        Project = project;
        Options = options ?? AnalysisOptions.Default;
        Today = (Options.Today ?? DateTime.UtcNow).Date; // once per file: every date check of one analysis compares with the same day
        // One array of the right size, filled by index: the model's views are structs, which List.AddRange would box and
        // walk through the interface.
        var globalArgs = model.GlobalArgs;
        var stages = model.Stages;
        int total = globalArgs.Count;
        for (int s = 0; s < stages.Count; s++)
        {
            total += (stages[s].IsImplicit ? 0 : 1) + stages[s].Instructions.Count;
        }
        var instructions = new StageInstruction[total];
        int count = 0;
        for (int i = 0; i < globalArgs.Count; i++)
        {
            instructions[count++] = globalArgs[i];
        }
        for (int s = 0; s < stages.Count; s++)
        {
            var stage = stages[s];
            if (!stage.IsImplicit)
            {
                instructions[count++] = stage.From;
            }
            var own = stage.Instructions;
            for (int i = 0; i < own.Count; i++)
            {
                instructions[count++] = own[i];
            }
        }
        // Stages come in file order, so the list is almost always in line order already: checked in one pass, sorted only if not.
        bool inOrder = true;
        for (int i = 1; i < instructions.Length && inOrder; i++)
        {
            inOrder = instructions[i - 1].Syntax.StartLine <= instructions[i].Syntax.StartLine;
        }
        if (!inOrder)
        {
            Array.Sort(instructions, (a, b) => a.Syntax.StartLine.CompareTo(b.Syntax.StartLine));
        }
        Instructions = instructions;
        RunScripts = new ArrayView<RunScript>(Facts.RunScripts.Collect(model, ref _shells));
    }

    public DockerfileModel Model { get; }
    public DockerfileSyntax Syntax => Model.Syntax;
    public SourceText Source => Model.Syntax.Source;

    /// <summary>Every instruction in file order: global ARGs, then each stage's FROM and its instructions.</summary>
    public ArrayView<StageInstruction> Instructions { get; }

    /// <summary>The SHELL in force at an instruction.</summary>
    public ShellSettings ShellAt(StageInstruction instruction) =>
        _shells is not null && _shells.TryGetValue(instruction, out var shell) ? shell : ShellSettings.Default;

    /// <summary>The lines whose escape character continues an instruction onto the next instruction (<see cref="Facts.SwallowedLines"/>).</summary>
    public IReadOnlyList<SwallowedLine> SwallowedLines => _swallowedLines.Get(Model, static m => Facts.SwallowedLines.Find(m.Syntax));

    /// <summary>The first line <paramref name="instruction"/> swallowed, or null (most instructions).</summary>
    public SwallowedLine? FirstSwallowedBy(InstructionSyntax instruction)
    {
        foreach (var line in SwallowedLines)
        {
            if (ReferenceEquals(line.Instruction, instruction))
            {
                return line;
            }
        }
        return null;
    }

    /// <summary>Every script a RUN executes, parsed once (ONBUILD RUN and heredoc bodies included).</summary>
    public ArrayView<RunScript> RunScripts { get; }

    /// <summary>Every RUN as one layer (its scripts, commands in order, mounts, WORKDIR), and the WORKDIR of each instruction.</summary>
    public RunSteps RunSteps => _runSteps.Get(this, static f => new RunSteps(f.Model, f.RunScripts));

    /// <summary>What the final image is for (application, development, build environment, base image) and why.</summary>
    public ImagePurpose Purpose => _purpose.Get(this, static f => ImagePurpose.Of(f));

    /// <summary>Where cleanups in one layer do not shrink another: the events COPT3001–COPT3003 report.</summary>
    public LayerSimulation Layers => _layers.Get(this, static f => new LayerSimulation(f));

    /// <summary>Every <c>dotnet</c> command the RUNs execute (not ONBUILD, not under a PowerShell/cmd SHELL), in source order.</summary>
    public IReadOnlyList<DotNetCommand> DotNetCommands => _dotNetCommands.Get(this, static f => DotNetCli.Collect(f));

    /// <summary>What the project and the Dockerfile decide together (frameworks built, self-contained, output names); null without a project.</summary>
    public DotNetFacts? DotNet => _dotNet.Get(this, static f => f.Project is null ? null : new DotNetFacts(f, f.Project));

    /// <summary>The .NET image a stage's FROM names directly (<c>mcr.microsoft.com/dotnet/sdk:10.0</c>), or null for a stage, scratch or another image.</summary>
    public DotNetImage? DotNetImageOf(Stage stage) => StageSlots.DotNetImageOf(stage);

    /// <summary>The image a stage's FROM names, parsed once (its expanded base as an image reference), or null for a stage built on another stage or a base that is no reference.</summary>
    public ImageReference? ImageReferenceOf(Stage stage) => StageSlots.ImageOf(stage);

    private StageSlots StageSlots => _stageSlots ??= new StageSlots(Model);

    /// <summary>The .NET image a stage ends up on, through its <c>FROM stage</c> chain, or null.</summary>
    public DotNetImage? DotNetBaseImageOf(Stage stage) => DotNetImageOf(stage.Root);

    /// <summary>Every LABEL pair in file order, ONBUILD LABEL included.</summary>
    public IReadOnlyList<LabelPair> Labels => _labels.Get(this, static f => LabelPairs.Collect(f));

    /// <summary>True when the stage's layers ship in the final image: the final stage and its FROM chain (<see cref="ShippedStages"/>).</summary>
    public bool ShipsLayersOf(Stage? stage) => stage is not null && ShippedStages.Contains(LayerStageSet, Model, stage);

    /// <summary>True when the stage's files ship: a layer stage, or a stage one of them copies wholesale (<c>COPY --from=x / /</c>).</summary>
    public bool ShipsFilesOf(Stage? stage) => stage is not null && ShippedStages.Contains(_fileStages.Get(Model, static m => ShippedStages.FileStages(m)), Model, stage);

    /// <summary>True when the stage builds a Windows container (<see cref="WindowsStages"/>).</summary>
    public bool IsWindows(Stage? stage) => stage is not null && StageSlots.IsWindows(stage);

    private bool[] LayerStageSet => _layerStages.Get(Model, static m => ShippedStages.LayerStages(m));

    /// <summary>The stages whose layers ship, in file order.</summary>
    public IEnumerable<Stage> LayerStages => Model.Stages.Where(ShipsLayersOf);

    /// <summary>
    /// hadolint's view of what reaches an image: the last stage, a stage another FROM builds on, and
    /// every ONBUILD (it runs in whatever image builds on this one).
    /// </summary>
    public bool ReachesAnImage(StageInstruction instruction)
    {
        if (instruction.Syntax.Kind == InstructionKind.Onbuild)
        {
            return true;
        }
        var stage = instruction.Stage;
        return stage is null || ReferenceEquals(stage, Model.FinalStage) || ShippedStages.Contains(BaseStages, Model, stage);
    }

    private Fact<bool[]> _baseStages;
    private bool[] BaseStages => _baseStages.Get(Model, static m => ShippedStages.BaseStages(m));

    /// <summary>The COPY/ADD sources of an instruction that come from the build context, expanded and cleaned (none for other instructions).</summary>
    public IReadOnlyList<ContextSource> ContextSourcesOf(StageInstruction instruction)
    {
        // Other instructions have no slot: the context check asks of every one.
        return CopySlots.IsCopy(instruction) ? Copies.ContextSourcesOf(instruction, Model) : Array.Empty<ContextSource>();
    }

    /// <summary>The COPY or ADD an instruction is (an ONBUILD trigger's included), its sources and destination expanded; null for other instructions.</summary>
    public CopyInstruction? CopyOf(StageInstruction instruction) => CopySlots.IsCopy(instruction) ? Copies.CopyOf(instruction, Model) : null;

    /// <summary>The file's COPY/ADDs, each read once (for the facts that walk them all).</summary>
    internal CopySlots Copies => _copySlots ??= new CopySlots(Instructions);

    /// <summary>A full path relative to the build context ("" for the context itself), or null when the context is unknown or the path lies outside it.</summary>
    public string? RelativeToContext(string? fullPath) => ContextPaths.RelativeToContext(ContextDirectory, fullPath);

    /// <summary>The build context's .dockerignore, or null when there is none.</summary>
    public DockerIgnore? DockerIgnore { get; }

    /// <summary>True when the caller knows the build context (so a missing .dockerignore is meaningful).</summary>
    public bool ContextKnown => ContextDirectory is not null;

    /// <summary>The build context folder as the caller gave it, or null. Facts relate project paths to COPY sources with it (no I/O).</summary>
    public string? ContextDirectory { get; }

    /// <summary>What the context holds, when the caller can say (null: unknown).</summary>
    public IContextFiles? ContextFiles { get; }

    /// <summary>Whether the context was named or assumed.</summary>
    public ContextOrigin ContextOrigin { get; }

    /// <summary>The .dockerignore docker reads (or would read) for this build, for messages; null when the context is unknown.</summary>
    public string? DockerIgnorePath { get; }

    /// <summary>The .dockerignore as messages name it: its quoted path when known, else '.dockerignore'.</summary>
    public string DockerIgnoreName => DockerIgnorePath is { } path ? $"'{path}'" : ".dockerignore";

    /// <summary>
    /// The COPY/ADD sources that the build context does not hold (or that point outside it), in file order: when there is
    /// any, the context ContainerOpt uses is not the one the file was written for, and checks that compare COPY sources
    /// with the project's files stay silent rather than claim a file is not copied.
    /// </summary>
    public IReadOnlyList<MissingSource> MissingSources => Context.Missing;

    private ContextCheck Context => _contextCheck.Get(this, static f => ContextChecks.Check(f));

    /// <summary>How many COPY/ADD sources the context holds (see <see cref="ContextCheck.Found"/>).</summary>
    public int ContextSourcesFound => Context.Found;

    /// <summary>
    /// True when a plain path the Dockerfile copies is not in the context: the Dockerfile was written for another context
    /// (Visual Studio's solution folder), so what it copies cannot be judged against this one.
    /// </summary>
    public bool WrittenForAnotherContext => MissingSources.Any(m => !m.IsOutside && !m.IsPattern);

    /// <summary>The .NET project, or null.</summary>
    public ProjectModel? Project { get; }

    public AnalysisOptions Options { get; }

    /// <summary>The date date-dependent checks compare with (<see cref="AnalysisOptions.Today"/>, else today, UTC).</summary>
    public DateTime Today { get; }

    /// <summary>
    /// True when the stage, or a stage of its chain, has an instruction of the kind (an ONBUILD one is of kind ONBUILD): what
    /// <c>ChainInstructionsOf(kind).Any()</c> says, by a loop over the chain, without its iterators, closure and enumerators.
    /// </summary>
    public bool ChainHas(Stage stage, InstructionKind kind)
    {
        var chain = stage.Chain;
        for (int c = 0; c < chain.Count; c++)
        {
            var instructions = chain[c].Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                if (instructions[i].Syntax.Kind == kind)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// True when a command of a RUN of the file (of any shell, ONBUILD triggers too) runs <paramref name="program"/>: a rule
    /// about one tool's commands passes over a file without it (most files, for most tools) after this one walk, before
    /// asking each RUN for its commands.
    /// </summary>
    public bool AnyRunCommandNamed(string program)
    {
        // Most questions name a program the file never runs: its bit in the file's name filter is clear, and no walk is needed.
        if ((RunCommandNames & NameBit(program)) == 0)
        {
            return false;
        }
        var scripts = RunScripts;
        for (int s = 0; s < scripts.Count; s++)
        {
            foreach (var command in scripts[s].Script.CommandArray)
            {
                if (command.Is(program))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The <see cref="NameBit"/> of every command name of the RUNs, or'ed: a filter that no name it lacks the bit of is in.</summary>
    private ulong RunCommandNames => _runCommandNames.Get(RunScripts, static scripts =>
    {
        ulong bits = 0;
        for (int s = 0; s < scripts.Count; s++)
        {
            foreach (var command in scripts[s].Script.CommandArray)
            {
                bits |= NameBit(command.Name);
            }
        }
        return bits;
    });

    private Fact<ulong> _runCommandNames;

    /// <summary>One of 64 bits for a program name, by its length and first and last characters (no hash of the whole name).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong NameBit(string name) =>
        name.Length == 0 ? 1UL : 1UL << ((name.Length * 7 + name[0] + name[name.Length - 1] * 3) & 63);
}
