using System.Collections;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Dockerfile.Semantics;

/// <summary>A build stage: its FROM, its name, what it builds on and its instructions.</summary>
public sealed class Stage
{
    internal Stage(int index, StageInstruction from)
    {
        Index = index;
        From = from;
    }

    /// <summary>0-based position among the FROM stages; <c>COPY --from=0</c> refers to it (-1 for the implicit stage).</summary>
    public int Index { get; }

    /// <summary>Where the stage stands in <see cref="DockerfileModel.Stages"/> (the implicit stage, when there is one, is 0).</summary>
    public int Position { get; internal set; }

    /// <summary>
    /// True for the stage the analysis makes of instructions before the first FROM (or of a file with no
    /// FROM at all), so every rule still sees them: BuildKit rejects such a file, hadolint lints it. Its
    /// <see cref="From"/> is a synthetic <c>FROM</c> of no image, at the first instruction's start.
    /// </summary>
    public bool IsImplicit => Index < 0;

    public StageInstruction From { get; }

    /// <summary>The <c>AS name</c> token, when named.</summary>
    public SyntaxToken? NameToken { get; internal set; }

    /// <summary>The name lower-cased (BuildKit matches stage names case-insensitively), or null.</summary>
    public string? Name { get; internal set; }

    /// <summary>The base as written in FROM.</summary>
    public SyntaxToken? BaseToken { get; internal set; }

    /// <summary>The base after expanding global ARGs (an image reference or an earlier stage's name).</summary>
    public string BaseName { get; internal set; } = "";

    /// <summary>The earlier stage this one builds on, when FROM names one.</summary>
    public Stage? BaseStage
    {
        get => _baseStage;
        internal set
        {
            _baseStage = value;
            if (value is null)
            {
                _chain = null; // a stage on an image: its chain is itself, made when asked for
                return;
            }
            // FROM can only name an earlier stage, so the chain is finite and built once, here.
            var chain = new Stage[value.Chain.Count + 1];
            for (int i = 0; i < chain.Length - 1; i++)
            {
                chain[i] = value.Chain[i];
            }
            chain[chain.Length - 1] = this;
            _chain = chain;
        }
    }

    private Stage? _baseStage;
    private Stage[]? _chain;

    /// <summary>
    /// The stages this one is made of, root first, itself last: the stage whose FROM names an image (or
    /// scratch), then each stage built on it down to this one. Its layers are this stage's layers.
    /// </summary>
    public ArrayView<Stage> Chain => _chain ??= new[] { this };

    /// <summary>The stage at the root of <see cref="Chain"/>: the one whose FROM names the image this stage is built on.</summary>
    public Stage Root => Chain[0];

    /// <summary>The instructions of every stage of <see cref="Chain"/> in build order (FROMs excluded).</summary>
    public ChainInstructionList ChainInstructions => new(Chain);

    /// <summary>The stages this one builds on, nearest first (empty for a stage on an image).</summary>
    public IEnumerable<Stage> Ancestors
    {
        get
        {
            for (int i = Chain.Count - 2; i >= 0; i--)
            {
                yield return Chain[i];
            }
        }
    }

    public bool IsScratch => BaseStage is null && string.Equals(BaseName, "scratch", StringComparison.OrdinalIgnoreCase);

    /// <summary>The expanded <c>--platform</c> value, or null.</summary>
    public string? Platform { get; internal set; }

    /// <summary>Instructions after FROM, up to the next FROM.</summary>
    public ArrayView<StageInstruction> Instructions { get; internal set; }

    /// <summary>COPY --from and RUN --mount from= references out of this stage.</summary>
    public ArrayView<StageReference> References { get; internal set; }

    /// <summary>The variables at the end of the stage (what a stage built on this one inherits: its ENV).</summary>
    public VariableScope FinalScope { get; internal set; } = VariableScope.Empty;

    /// <summary>Name if named, else the index, as BuildKit prints stages.</summary>
    public string DisplayName => Name ?? (IsImplicit ? "(before FROM)" : Index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public override string ToString() => $"stage {DisplayName} FROM {BaseName}";
}

/// <summary>An instruction with the stage it belongs to and the variables it sees.</summary>
public sealed class StageInstruction
{
    internal StageInstruction(InstructionSyntax syntax, VariableScope scope)
    {
        Syntax = syntax;
        Scope = scope;
    }

    public InstructionSyntax Syntax { get; }

    /// <summary>The variables in force when this instruction runs (before its own ARG/ENV take effect).</summary>
    public VariableScope Scope { get; }

    /// <summary>The stage, or null for a global ARG before the first FROM.</summary>
    public Stage? Stage { get; internal set; }

    public InstructionKind Kind => Syntax.Kind;

    public override string ToString() => Syntax.Original;
}

/// <summary>A dependency edge: <c>COPY --from=x</c> or <c>RUN --mount=from=x</c>.</summary>
public sealed class StageReference
{
    internal StageReference(StageInstruction instruction, InstructionFlag flag, string reference, Stage? target)
    {
        Instruction = instruction;
        Flag = flag;
        Reference = reference;
        Target = target;
    }

    public StageInstruction Instruction { get; }
    public InstructionFlag Flag { get; }

    /// <summary>The expanded name, index or image reference.</summary>
    public string Reference { get; }

    /// <summary>The stage referred to, or null when it names an image (or an unknown/later stage).</summary>
    public Stage? Target { get; }
}

/// <summary>
/// The instructions of a chain of stages in build order (<see cref="Stage.ChainInstructions"/>): <c>foreach</c> over it
/// allocates nothing, where LINQ's SelectMany made an iterator and boxed the chain's view, each stage's view and their
/// enumerators on every loop. It still is an <see cref="IEnumerable{T}"/> for LINQ.
/// </summary>
public readonly struct ChainInstructionList : IEnumerable<StageInstruction>
{
    private readonly ArrayView<Stage> _chain;

    internal ChainInstructionList(ArrayView<Stage> chain) => _chain = chain;

    public Enumerator GetEnumerator() => new(_chain);

    IEnumerator<StageInstruction> IEnumerable<StageInstruction>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<StageInstruction>
    {
        private readonly ArrayView<Stage> _chain;
        private ArrayView<StageInstruction> _instructions;
        private int _stage;
        private int _index;

        internal Enumerator(ArrayView<Stage> chain)
        {
            _chain = chain;
            _instructions = default;
            _stage = -1;
            _index = 0;
            Current = null!;
        }

        public StageInstruction Current { get; private set; }

        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            // Each stage's instructions are read when the loop reaches the stage, as SelectMany read them.
            while (_index >= _instructions.Count)
            {
                if (++_stage >= _chain.Count)
                {
                    _stage = _chain.Count; // stays past the end
                    return false;
                }
                _instructions = _chain[_stage].Instructions;
                _index = 0;
            }
            Current = _instructions[_index++];
            return true;
        }

        public void Reset()
        {
            _instructions = default;
            _stage = -1;
            _index = 0;
            Current = null!;
        }

        public void Dispose()
        {
        }
    }
}
