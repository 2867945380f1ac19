using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Semantics;

/// <summary>
/// The meaning of a parsed Dockerfile, as BuildKit's instructions layer and dispatcher see it:
/// global ARGs, stages with their bases and dependency edges, the variables each instruction sees,
/// and the errors BuildKit raises past parsing (unknown instructions, bad flags, missing FROM ...).
/// </summary>
public sealed class DockerfileModel
{
    /// <summary>ARGs BuildKit provides without a declaration in global scope (FROM may use them).</summary>
    public static readonly IReadOnlyList<string> AutomaticPlatformArgs = new[]
    {
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
    };

    private DockerfileModel(DockerfileSyntax syntax)
    {
        Syntax = syntax;
    }

    public DockerfileSyntax Syntax { get; }

    /// <summary>ARG instructions before the first FROM.</summary>
    public ArrayView<StageInstruction> GlobalArgs { get; private set; }

    /// <summary>What FROM lines expand with: global ARG values (and build-arg overrides), plus platform args.</summary>
    public VariableScope GlobalScope { get; private set; } = VariableScope.Empty;

    /// <summary>Like <see cref="GlobalScope"/> but with the ARG defaults as written, build-arg overrides ignored.</summary>
    public VariableScope GlobalDefaultScope { get; private set; } = VariableScope.Empty;

    public ArrayView<Stage> Stages { get; private set; }

    /// <summary>Errors past syntax: COPT1001 (unknown instruction), COPT1003 (flags), COPT1004/1005 (FROM), COPT1008 (arguments).</summary>
    public IReadOnlyList<ParseDiagnostic> Diagnostics { get; private set; } = Array.Empty<ParseDiagnostic>();

    /// <summary>Parse diagnostics and model diagnostics together, in source order.</summary>
    public IEnumerable<ParseDiagnostic> AllDiagnostics => Syntax.Diagnostics.Count + Diagnostics.Count == 0
        ? Array.Empty<ParseDiagnostic>() // most files: no sort and no iterators to make
        : Syntax.Diagnostics.Concat(Diagnostics).OrderBy(d => d.Span.Start);

    public Stage? FinalStage => Stages.Count == 0 ? null : Stages[Stages.Count - 1];

    public IReadOnlyDictionary<string, string> BuildArgs { get; private set; } = NoBuildArgs;

    /// <summary>The build args of a model built without any: one shared empty table, not one per file.</summary>
    private static readonly IReadOnlyDictionary<string, string> NoBuildArgs = new Dictionary<string, string>();

    /// <summary>
    /// Finds the stage a <c>--from</c> or FROM refers to, looking only at stages before
    /// <paramref name="beforeIndex"/>: by name (case-insensitive) or by index.
    /// </summary>
    public Stage? FindStage(string reference, int beforeIndex)
    {
        for (int i = Stages.Count - 1; i >= 0; i--)
        {
            var stage = Stages[i];
            if (!stage.IsImplicit && stage.Index < beforeIndex && stage.Name is { } name && name.Length == reference.Length && InvariantCase.LowersTo(reference, name))
            {
                return stage;
            }
        }
        if (int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
            && index >= 0 && index < beforeIndex)
        {
            return FirstWithIndex(Stages, index);
        }
        return null;
    }

    // Made on the first word with something to expand: many files expand none through the model. Keyed by the word alone:
    // a string key takes the runtime's own string hash (not randomized unless a table meets many collisions), where the
    // word of a key struct took the randomized one (Marvin, about 220 instructions a lookup). A word is nearly always
    // expanded in one scope, kept with it; the same word in another scope is kept in the second table, keyed by both.
    private Dictionary<string, KeptExpansion>? _expansions;
    private Dictionary<ExpansionKey, ShellWordResult>? _otherScopeExpansions;

    /// <summary>A word's expansion and the scope it was made in.</summary>
    private readonly struct KeptExpansion
    {
        public KeptExpansion(VariableScope scope, ShellWordResult result)
        {
            Scope = scope;
            Result = result;
        }

        public VariableScope Scope { get; }
        public ShellWordResult Result { get; }
    }
    private ShellLex? _lex;

    /// <summary>
    /// The key of an expansion kept in a word's second or later scope: the scope by reference (a scope is its own identity, and never changes once built; it keeps object's hash) and
    /// the word by value. A struct of its own rather than a tuple of two classes: the tuple's shared generic code hashed
    /// and compared through the runtime's type lookups, about 500 instructions a lookup.
    /// </summary>
    private readonly struct ExpansionKey : IEquatable<ExpansionKey>
    {
        private readonly VariableScope _scope;
        private readonly string _word;

        public ExpansionKey(VariableScope scope, string word)
        {
            _scope = scope;
            _word = word;
        }

        public bool Equals(ExpansionKey other) => ReferenceEquals(_scope, other._scope) && string.Equals(_word, other._word);

        public override bool Equals(object? obj) => obj is ExpansionKey other && Equals(other);

        public override int GetHashCode() =>
            (_scope.GetHashCode() * -1521134295) ^ StringComparer.Ordinal.GetHashCode(_word);
    }

    private ShellLex Lex => _lex ??= new ShellLex(Syntax.EscapeToken);

    /// <summary>
    /// Expands a word as BuildKit would for this instruction (no word splitting). Results are kept per
    /// scope and word: many rules expand the same words, and a scope never changes once built.
    /// </summary>
    public ShellWordResult Expand(StageInstruction instruction, string word) => Expand(instruction.Scope, word);

    /// <summary>
    /// Expands a word in a scope, kept as <see cref="Expand(StageInstruction, string)"/> keeps it: FROM's image and
    /// <c>--platform</c> in <see cref="GlobalScope"/> (or <see cref="GlobalDefaultScope"/>), which the model and several
    /// rules read.
    /// </summary>
    public ShellWordResult Expand(VariableScope scope, string word)
    {
        if (word is null || Lex.IsPlainWord(word))
        {
            // Nothing to expand: not worth keeping per scope, and made here (ProcessWord would test the word again).
            return ShellWordResult.Plain(word ?? string.Empty);
        }
        return ExpandKept(scope, word);
    }

    /// <summary>
    /// <see cref="Expand(VariableScope, string)"/> of a word <see cref="ShellLex.IsPlainWord"/> rejected: the callers have
    /// tested it, so neither this nor the lexer tests it again. Locked: the model is public, and a built one may be read
    /// from several threads.
    /// </summary>
    private ShellWordResult ExpandKept(VariableScope scope, string word)
    {
        var expansions = _expansions ?? Interlocked.CompareExchange(ref _expansions, new(StringComparer.Ordinal), null) ?? _expansions;
        lock (expansions)
        {
            if (expansions.TryGetValue(word, out var kept))
            {
                if (ReferenceEquals(kept.Scope, scope))
                {
                    return kept.Result;
                }
                if (_otherScopeExpansions is { } others && others.TryGetValue(new ExpansionKey(scope, word), out var cached))
                {
                    return cached;
                }
            }
        }
        var result = Lex.ProcessNonPlainWord(word, scope);
        lock (expansions)
        {
            if (!expansions.TryGetValue(word, out var kept))
            {
                expansions[word] = new KeptExpansion(scope, result);
            }
            else if (!ReferenceEquals(kept.Scope, scope))
            {
                (_otherScopeExpansions ??= new Dictionary<ExpansionKey, ShellWordResult>())[new ExpansionKey(scope, word)] = result;
            }
        }
        return result;
    }

    /// <summary>The expanded text of a word (<see cref="ShellWordResult.Result"/>), without a result object for a plain word.</summary>
    private string ExpandedText(VariableScope scope, string word) =>
        Lex.IsPlainWord(word) ? word : ExpandKept(scope, word).Result;

    /// <summary><see cref="Expand(StageInstruction, string)"/>'s <see cref="ShellWordResult.Result"/>, without a result object for a plain word.</summary>
    public string ExpandedText(StageInstruction instruction, string word) => ExpandedText(instruction.Scope, word);

    /// <summary>
    /// The word as <see cref="Expand(StageInstruction, string)"/> expands it when that succeeds, else the word as written: no result object for a
    /// word with nothing to expand (most COPY sources and ports), which is its own expansion.
    /// </summary>
    public string ExpandedOrWritten(StageInstruction instruction, string word)
    {
        if (word is null)
        {
            return string.Empty; // as Expand makes it: the empty word, a success
        }
        if (Lex.IsPlainWord(word))
        {
            return word;
        }
        var result = ExpandKept(instruction.Scope, word);
        return result.Success ? result.Result : word;
    }

    /// <summary>True for instructions whose arguments BuildKit expands with ARG/ENV values before use.</summary>
    public static bool IsExpandedByBuilder(InstructionKind kind) => kind is
        InstructionKind.Add or InstructionKind.Arg or InstructionKind.Copy or InstructionKind.Env or
        InstructionKind.Expose or InstructionKind.From or InstructionKind.Label or InstructionKind.StopSignal or
        InstructionKind.User or InstructionKind.Volume or InstructionKind.Workdir;

    public static DockerfileModel Build(DockerfileSyntax syntax, IReadOnlyDictionary<string, string>? buildArgs = null) =>
        BuildWithScratch(syntax, buildArgs ?? NoBuildArgs);

    private static DockerfileModel BuildWithScratch(DockerfileSyntax syntax, IReadOnlyDictionary<string, string> buildArgs)
    {
        // The builder's lists are scratch, reused by the thread's next build (taken out while in use).
        var scratch = t_spareScratch ?? new BuilderScratch();
        t_spareScratch = null;
        var model = new Builder(syntax, buildArgs, scratch).Build();
        if (scratch.Clear())
        {
            t_spareScratch = scratch;
        }
        return model;
    }

    [ThreadStatic]
    private static BuilderScratch? t_spareScratch;

    /// <summary>What a build collects before it makes the model's arrays of exact size.</summary>
    private sealed class BuilderScratch
    {
        private const int MaxKeptItems = 4096;

        public readonly List<Stage> Stages = new();
        public readonly List<StageInstruction> GlobalArgs = new();
        public readonly List<StageInstruction> StageInstructions = new();
        public readonly List<StageReference> References = new();
        public readonly Dictionary<string, string?> GlobalDefaults = new(StringComparer.Ordinal);

        /// <summary>Empties the lists; true when they are small enough to keep for the thread.</summary>
        public bool Clear()
        {
            bool small = Stages.Count <= MaxKeptItems && GlobalArgs.Count <= MaxKeptItems && StageInstructions.Count <= MaxKeptItems
                && References.Count <= MaxKeptItems && GlobalDefaults.Count <= MaxKeptItems;
            Stages.Clear();
            GlobalArgs.Clear();
            StageInstructions.Clear();
            References.Clear();
            GlobalDefaults.Clear();
            return small;
        }
    }

    private sealed class Builder
    {
        private readonly DockerfileSyntax _syntax;
        private readonly IReadOnlyDictionary<string, string> _buildArgs;
        private readonly DockerfileModel _model;
        private List<ParseDiagnostic>? _diagnostics;
        private readonly List<Stage> _stages;
        private readonly BuilderScratch _scratch;

        public Builder(DockerfileSyntax syntax, IReadOnlyDictionary<string, string> buildArgs, BuilderScratch scratch)
        {
            _syntax = syntax;
            _buildArgs = buildArgs;
            _scratch = scratch;
            _stages = scratch.Stages;
            _model = new DockerfileModel(syntax) { BuildArgs = buildArgs };
        }

        public DockerfileModel Build()
        {
            // The model's own lexer: the model expands with it later, and a lexer holds only settings.
            var lex = _model._lex ??= new ShellLex(_syntax.EscapeToken);
            var globalArgs = _scratch.GlobalArgs;
            var globalScope = PlatformScope.Layered();
            var globalDefaultScope = globalScope;
            // Without build-arg overrides the defaults are the values: one scope serves as both (no second history).
            bool defaultsAreValues = _buildArgs.Count == 0;
            var globalDefaults = _scratch.GlobalDefaults;
            Stage? current = null;
            var currentInstructions = _scratch.StageInstructions;
            var currentReferences = _scratch.References;
            VariableScope scope = VariableScope.Empty;
            bool reportedBeforeFrom = false;
            int explicitStages = 0;
            // An ARG after a stray instruction (COPT1005) but before the first FROM is still global: BuildKit reads it so
            // once the stray line is fixed, and FROM lines expand with it. Only when a FROM follows; a file without one
            // stays one implicit stage.
            int firstFrom = FirstFromIndex(_syntax.Instructions);

            void CloseStage()
            {
                if (current is null) return;
                current.Instructions = currentInstructions.ToArray();
                current.References = currentReferences.Count == 0 ? Array.Empty<StageReference>() : currentReferences.ToArray();
                current.FinalScope = scope;
                currentInstructions.Clear();
                currentReferences.Clear();
            }

            var instructions = _syntax.Instructions;
            for (int index = 0; index < instructions.Count; index++)
            {
                var syntax = instructions[index];
                Validate(syntax, isOnbuildTrigger: false);
                switch (syntax.Kind)
                {
                    case InstructionKind.From:
                        {
                            CloseStage();
                            var from = new StageInstruction(syntax, globalScope);
                            current = new Stage(explicitStages++, from);
                            from.Stage = current;
                            DescribeStage(current, syntax, lex, globalScope);
                            _stages.Add(current);
                            // A stage on an earlier stage inherits its ENV; ARGs never cross stages.
                            scope = current.BaseStage is not null
                                ? VariableScope.Empty.With(VariableKind.Env, current.BaseStage.FinalScope.EnvironmentOnly())
                                : VariableScope.Empty;
                            continue;
                        }
                    case InstructionKind.Arg when current is null || index < firstFrom:
                        {
                            var instruction = new StageInstruction(syntax, globalScope);
                            globalArgs.Add(instruction);
                            globalScope = DeclareArgs(syntax, globalScope, lex, globalDefaults, isGlobal: true);
                            if (!defaultsAreValues)
                            {
                                globalDefaultScope = DeclareArgs(syntax, globalDefaultScope, lex, globalDefaults: null, isGlobal: true, ignoreBuildArgs: true);
                            }
                            if (current is not null)
                            {
                                // The implicit stage before the first FROM keeps seeing the ARGs above it (lenient, as hadolint).
                                scope = DeclareArgs(syntax, scope, lex, globalDefaults, isGlobal: false);
                            }
                            continue;
                        }
                }

                if (current is null)
                {
                    if (syntax.Kind == InstructionKind.Unknown)
                    {
                        continue;
                    }
                    if (!reportedBeforeFrom)
                    {
                        reportedBeforeFrom = true;
                        (_diagnostics ??= new List<ParseDiagnostic>()).Add(new ParseDiagnostic(ParseDiagnosticCodes.InstructionBeforeFrom, ParseSeverity.Error,
                            $"{syntax.KeywordText.ToUpperInvariant()} comes before the first FROM: only ARG may precede FROM. Start the stage with FROM <image>.",
                            syntax.KeywordSpan, failsBuildKitParse: false));
                    }
                    // The error is reported; the instructions still get analysed, in a stage of their own.
                    current = ImplicitStage(syntax, globalScope);
                    _stages.Add(current);
                    // Lenient, as hadolint: the file is one stage, so the ARGs above are in scope.
                    scope = globalScope;
                }

                var stageInstruction = new StageInstruction(syntax, scope) { Stage = current };
                currentInstructions.Add(stageInstruction);
                CollectReferences(stageInstruction, lex, currentReferences);
                switch (syntax.Kind)
                {
                    case InstructionKind.Arg:
                        scope = DeclareArgs(syntax, scope, lex, globalDefaults, isGlobal: false);
                        break;
                    case InstructionKind.Env:
                        {
                            // All pairs of one ENV expand against the scope before it (DL3044's point).
                            var pairs = syntax.KeyValues;
                            var bindings = new KeyValuePair<string, string>[pairs.Count];
                            for (int i = 0; i < bindings.Length; i++)
                            {
                                string key = lex.ExpandToString(pairs[i].Key.Value, scope);
                                string value = lex.ExpandToString(pairs[i].Value.Value, scope);
                                bindings[i] = new KeyValuePair<string, string>(key, value);
                            }
                            if (bindings.Length > 0)
                            {
                                scope = scope.With(VariableKind.Env, bindings);
                            }
                            break;
                        }
                }
            }
            CloseStage();

            if (!HasExplicitStage() && _syntax.Instructions.Count > 0)
            {
                var first = _syntax.Instructions[0];
                (_diagnostics ??= new List<ParseDiagnostic>()).Add(new ParseDiagnostic(ParseDiagnosticCodes.MissingFrom, ParseSeverity.Error,
                    "The Dockerfile has no FROM instruction: every build needs a base (FROM <image> or FROM scratch).",
                    first.KeywordSpan, failsBuildKitParse: false));
            }

            // Built: every scope is read-only from here on (and may be read from any thread without locking).
            globalScope.Seal();
            if (defaultsAreValues)
            {
                globalDefaultScope = globalScope;
            }
            globalDefaultScope.Seal();
            for (int i = 0; i < globalArgs.Count; i++)
            {
                globalArgs[i].Scope.Seal();
            }
            for (int s = 0; s < _stages.Count; s++)
            {
                var stage = _stages[s];
                stage.From.Scope.Seal();
                stage.FinalScope.Seal();
                var stageInstructions = stage.Instructions;
                for (int i = 0; i < stageInstructions.Count; i++)
                {
                    stageInstructions[i].Scope.Seal();
                }
            }

            _model.GlobalArgs = globalArgs.Count == 0 ? Array.Empty<StageInstruction>() : globalArgs.ToArray();
            _model.GlobalScope = globalScope;
            _model.GlobalDefaultScope = globalDefaultScope;
            _model.Stages = _stages.ToArray();
            for (int i = 0; i < _stages.Count; i++)
            {
                _stages[i].Position = i;
            }
            _model.Diagnostics = (IReadOnlyList<ParseDiagnostic>?)_diagnostics ?? Array.Empty<ParseDiagnostic>();
            return _model;
        }

        /// <summary>A stage for instructions before any FROM: a synthetic <c>FROM</c> of no image, zero-width at the first one.</summary>
        /// <summary>The index of the first FROM, or -1 when there is none.</summary>
        private static int FirstFromIndex(ArrayView<InstructionSyntax> instructions)
        {
            for (int i = 0; i < instructions.Count; i++)
            {
                if (instructions[i].Kind == InstructionKind.From)
                {
                    return i;
                }
            }
            return -1;
        }

        private static Stage ImplicitStage(InstructionSyntax first, VariableScope globalScope)
        {
            var at = new TextSpan(first.Span.Start, 0);
            var from = new InstructionSyntax("FROM", at, InstructionKind.From)
            {
                StartLine = first.StartLine,
                EndLine = first.StartLine,
                Span = at,
                Original = "",
            };
            var stage = new Stage(-1, new StageInstruction(from, globalScope));
            stage.From.Stage = stage;
            return stage;
        }

        private bool HasExplicitStage()
        {
            for (int i = 0; i < _stages.Count; i++)
            {
                if (!_stages[i].IsImplicit)
                {
                    return true;
                }
            }
            return false;
        }

        private static VariableScope SealedScope(VariableKind kind, KeyValuePair<string, string>[] bindings)
        {
            var scope = VariableScope.Empty.With(kind, bindings);
            scope.Seal();
            return scope;
        }

        private static readonly KeyValuePair<string, string>[] PlatformArgValues =
        {
            new("TARGETPLATFORM", "linux/amd64"),
            new("TARGETOS", "linux"),
            new("TARGETARCH", "amd64"),
            new("TARGETVARIANT", ""),
            new("BUILDPLATFORM", "linux/amd64"),
            new("BUILDOS", "linux"),
            new("BUILDARCH", "amd64"),
            new("BUILDVARIANT", ""),
        };

        /// <summary>The automatic platform ARGs with BuildKit's defaults on amd64, sealed: every global scope is layered on it.</summary>
        private static readonly VariableScope PlatformScope = SealedScope(VariableKind.Arg, PlatformArgValues);

        /// <summary>
        /// ARG semantics: a build-arg override wins, else the default written here (expanded), else —
        /// inside a stage — the global ARG's value when the name was declared globally.
        /// </summary>
        private VariableScope DeclareArgs(InstructionSyntax syntax, VariableScope scope, ShellLex lex, Dictionary<string, string?>? globalDefaults, bool isGlobal, bool ignoreBuildArgs = false)
        {
            var arguments = syntax.Arguments;
            for (int i = 0; i < arguments.Count; i++)
            {
                var word = arguments[i];
                int eq = word.Value.IndexOf('=');
                string name = eq < 0 ? word.Value : word.Value.Substring(0, eq);
                string? value = null;
                if (eq >= 0)
                {
                    value = lex.ExpandToString(word.Value.Substring(eq + 1), scope);
                }
                if (!ignoreBuildArgs && _buildArgs.TryGetValue(name, out var overridden))
                {
                    value = overridden;
                }
                else if (value is null && !isGlobal && globalDefaults!.TryGetValue(name, out var global))
                {
                    value = global;
                }
                // An automatic platform ARG declared in a stage (ARG TARGETARCH) stays declared but unknown: a multi-platform
                // build runs the stage once per platform, so no one value is right, and words using it are left unchecked
                // rather than checked for amd64. (FROM reads the global scope, where they have the defaults BuildKit has on amd64.)
                if (isGlobal && globalDefaults is not null)
                {
                    globalDefaults[name] = value;
                }
                // An ARG without a value is declared but unset: ${x-default} still applies.
                scope = value is null ? scope : scope.With(VariableKind.Arg, name, value);
            }
            return scope;
        }

        private void DescribeStage(Stage stage, InstructionSyntax from, ShellLex lex, VariableScope globalScope)
        {
            var args = from.Arguments;
            if (args.Count > 0)
            {
                stage.BaseToken = args[0];
                // Through the model's kept expansions: the FROM rules read the same words in the same (final) global scope.
                stage.BaseName = _model.ExpandedText(globalScope, args[0].Value);
                stage.BaseStage = stage.BaseName.Length > 0 ? _model.FindStageIn(_stages, stage.BaseName, allowIndex: false) : null;
            }
            // Only `FROM image AS name` names a stage; any other shape is invalid (reported above), and its third word
            // is no name (`FROM python:3 #Install Django …` puts a comment's words there).
            if (args.Count == 3 && string.Equals(args[1].Value, "as", StringComparison.OrdinalIgnoreCase))
            {
                stage.NameToken = args[2];
                stage.Name = InvariantCase.ToLower(args[2].Value);
            }
            var platform = from.FindFlag("platform");
            if (platform?.Value is not null)
            {
                stage.Platform = _model.ExpandedText(globalScope, platform.Value);
            }
        }

        private void CollectReferences(StageInstruction instruction, ShellLex lex, List<StageReference> references)
        {
            var syntax = instruction.Syntax;
            var flags = syntax.Flags;
            for (int i = 0; i < flags.Count; i++)
            {
                var flag = flags[i];
                string? reference = null;
                if (syntax.Kind == InstructionKind.Copy && flag.Name == "from" && flag.Value is not null)
                {
                    reference = flag.Value;
                }
                else if (syntax.Kind == InstructionKind.Run && RunMount.FromOf(flag) is { } mountFrom)
                {
                    reference = mountFrom;
                }
                if (reference is null)
                {
                    continue;
                }
                string expanded = lex.ExpandToString(reference, instruction.Scope);
                var target = _model.FindStageIn(_stages, expanded, allowIndex: true);
                references.Add(new StageReference(instruction, flag, expanded, target));
            }
        }

        private void Validate(InstructionSyntax syntax, bool isOnbuildTrigger)
        {
            if (syntax.HasErrors && syntax.Kind != InstructionKind.Onbuild)
            {
                return; // the parser already reported it
            }
            var keywordSpan = syntax.KeywordSpan;
            // Upper-cased only for a message: most instructions have none.
            if (syntax.Kind == InstructionKind.Unknown)
            {
                Add(ParseDiagnosticCodes.UnknownInstruction, ParseDiagnosticCodes.UnknownInstructionMessage(syntax.KeywordText, SuggestKeyword(UpperKeyword(syntax))), keywordSpan);
                return;
            }

            var flags = syntax.Flags;
            // A set only for many flags: a few are compared with each other.
            var seen = flags.Count > 16 ? new HashSet<string>(StringComparer.Ordinal) : null;
            for (int i = 0; i < flags.Count; i++)
            {
                var flag = flags[i];
                var kind = InstructionFlags.Lookup(syntax.Kind, flag.Name);
                if (kind is null)
                {
                    var allowed = InstructionFlags.NamesFor(syntax.Kind).Select(n => "--" + n).ToArray();
                    Add(ParseDiagnosticCodes.InvalidFlag,
                        allowed.Length == 0
                            ? $"Unknown flag: --{flag.Name}. {UpperKeyword(syntax)} takes no flags."
                            : $"Unknown flag: --{flag.Name}. {UpperKeyword(syntax)} accepts {string.Join(", ", allowed)}.",
                        flag.Span);
                    continue;
                }
                if (kind != InstructionFlags.FlagKind.StringList && !(seen is null ? NoEarlierFlagNamed(flags, i) : seen.Add(flag.Name)))
                {
                    Add(ParseDiagnosticCodes.InvalidFlag, $"Duplicate flag specified: --{flag.Name}. Give it once.", flag.Span);
                }
                if (kind == InstructionFlags.FlagKind.Bool && flag.Value is not null
                    && !bool.TryParse(flag.Value, out _) && flag.Value != "1" && flag.Value != "0")
                {
                    Add(ParseDiagnosticCodes.InvalidFlag, $"Expecting boolean value for flag --{flag.Name}, not: {flag.Value}.", flag.Span);
                }
                if (kind != InstructionFlags.FlagKind.Bool && flag.Value is null)
                {
                    Add(ParseDiagnosticCodes.InvalidFlag, $"Missing a value on flag: --{flag.Name}. Write --{flag.Name}=<value>.", flag.Span);
                }
            }

            int count = syntax.Kind is InstructionKind.Env or InstructionKind.Label ? syntax.KeyValues.Count : syntax.Arguments.Count;
            switch (syntax.Kind)
            {
                case InstructionKind.From:
                    if (count != 1 && count != 3)
                    {
                        Add(ParseDiagnosticCodes.MissingArguments, "FROM requires either one or three arguments: FROM <image> [AS <name>].", syntax.Span);
                    }
                    else if (count == 3)
                    {
                        if (!string.Equals(syntax.Arguments[1].Value, "as", StringComparison.OrdinalIgnoreCase))
                        {
                            Add(ParseDiagnosticCodes.MissingArguments, "When using FROM with 3 arguments, the 2nd argument must be 'AS'.", syntax.Arguments[1].Span);
                        }
                        else if (!IsStageName(InvariantCase.ToLower(syntax.Arguments[2].Value)))
                        {
                            Add(ParseDiagnosticCodes.MissingArguments,
                                $"Invalid name for build stage: \"{syntax.Arguments[2].Value}\": a name starts with a letter and holds only letters, digits, '-', '_' and '.'.",
                                syntax.Arguments[2].Span);
                        }
                    }
                    break;
                case InstructionKind.Copy:
                case InstructionKind.Add:
                    if (count < 2)
                    {
                        Add(ParseDiagnosticCodes.MissingArguments, $"{UpperKeyword(syntax)} requires at least two arguments: {UpperKeyword(syntax)} <source>... <destination>.", syntax.Span);
                    }
                    break;
                case InstructionKind.Shell:
                    if (!syntax.IsJsonForm)
                    {
                        Add(ParseDiagnosticCodes.MissingArguments, "SHELL requires the arguments to be in JSON form: SHELL [\"/bin/bash\", \"-c\"].", syntax.ArgumentText.Span.IsEmpty ? syntax.Span : syntax.ArgumentText.Span);
                    }
                    else if (count == 0)
                    {
                        Add(ParseDiagnosticCodes.MissingArguments, "SHELL requires at least one argument.", syntax.Span);
                    }
                    break;
                case InstructionKind.Healthcheck:
                    if (count == 0)
                    {
                        Add(ParseDiagnosticCodes.MissingArguments, "HEALTHCHECK requires an argument: HEALTHCHECK CMD <command> or HEALTHCHECK NONE.", syntax.Span);
                    }
                    else
                    {
                        string type = syntax.Arguments[0].Value;
                        bool none = InvariantCase.UppersTo(type, "NONE");
                        bool cmd = !none && InvariantCase.UppersTo(type, "CMD");
                        if (none && (count > 1 || syntax.Flags.Count > 0))
                        {
                            Add(ParseDiagnosticCodes.MissingArguments, "HEALTHCHECK NONE takes no other arguments.", syntax.Span);
                        }
                        else if (!none && !cmd)
                        {
                            Add(ParseDiagnosticCodes.MissingArguments, $"Unknown type \"{syntax.Arguments[0].Value}\" in HEALTHCHECK: use CMD or NONE.", syntax.Arguments[0].Span);
                        }
                        else if (cmd && count < 2)
                        {
                            Add(ParseDiagnosticCodes.MissingArguments, "Missing command after HEALTHCHECK CMD.", syntax.Span);
                        }
                    }
                    break;
                case InstructionKind.Onbuild:
                    if (syntax.OnbuildInstruction is null)
                    {
                        Add(ParseDiagnosticCodes.MissingArguments, "ONBUILD requires at least one argument: the instruction to run later.", syntax.Span);
                    }
                    else
                    {
                        var inner = syntax.OnbuildInstruction;
                        if (inner.Kind == InstructionKind.Onbuild)
                        {
                            Add(ParseDiagnosticCodes.MissingArguments, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed.", inner.KeywordSpan);
                        }
                        else if (inner.Kind is InstructionKind.From or InstructionKind.Maintainer)
                        {
                            Add(ParseDiagnosticCodes.MissingArguments, $"{inner.KeywordText.ToUpperInvariant()} isn't allowed as an ONBUILD trigger.", inner.KeywordSpan);
                        }
                        else
                        {
                            Validate(inner, isOnbuildTrigger: true);
                        }
                    }
                    break;
                case InstructionKind.Cmd:
                case InstructionKind.Entrypoint:
                    break; // an empty CMD/ENTRYPOINT is valid: it resets the inherited one
                default:
                    if (count == 0)
                    {
                        Add(ParseDiagnosticCodes.MissingArguments, $"{UpperKeyword(syntax)} requires at least one argument.", syntax.Span);
                    }
                    break;
            }
        }

        /// <summary>
        /// BuildKit's stage-name pattern <c>^[a-z][a-z0-9-_.]*$</c> by hand (as .NET read it: <c>$</c> also before one final
        /// line break).
        /// </summary>
        private static bool IsStageName(string name)
        {
            int end = name.Length > 1 && name[name.Length - 1] == '\n' ? name.Length - 1 : name.Length;
            if (end == 0 || name[0] < 'a' || name[0] > 'z')
            {
                return false;
            }
            for (int i = 1; i < end; i++)
            {
                char c = name[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
                {
                    return false;
                }
            }
            return true;
        }

        private static string UpperKeyword(InstructionSyntax syntax) => syntax.KeywordText.ToUpperInvariant();

        // Apart from Validate: a lambda capturing its keyword made a closure on every call, unknown instruction or not.
        private static string? SuggestKeyword(string keyword) => InstructionKinds.Keywords
            .Select(k => (k, d: Text.EditDistance.Between(k, keyword)))
            .Where(x => x.d <= 2 && keyword.Length > 2)
            .OrderBy(x => x.d)
            .Select(x => x.k)
            .FirstOrDefault();

        /// <summary>
        /// True when no flag before <paramref name="index"/> has its name. Flags of one name on one instruction are of one
        /// kind, so every such earlier flag was "seen": this is the set's answer for the few flags an instruction has.
        /// </summary>
        private static bool NoEarlierFlagNamed(ArrayView<InstructionFlag> flags, int index)
        {
            string name = flags[index].Name;
            for (int j = 0; j < index; j++)
            {
                if (string.Equals(flags[j].Name, name, StringComparison.Ordinal))
                {
                    return false;
                }
            }
            return true;
        }

        private void Add(string code, string message, TextSpan span) =>
            (_diagnostics ??= new List<ParseDiagnostic>()).Add(new ParseDiagnostic(code, ParseSeverity.Error, message, span, failsBuildKitParse: false));
    }

    // A loop, not FirstOrDefault with a lambda: its closure was allocated on every call, index or not.
    private static Stage? FirstWithIndex(IReadOnlyList<Stage> stages, int index)
    {
        for (int i = 0; i < stages.Count; i++)
        {
            if (stages[i].Index == index)
            {
                return stages[i];
            }
        }
        return null;
    }

    private Stage? FindStageIn(List<Stage> stages, string reference, bool allowIndex)
    {
        for (int i = stages.Count - 1; i >= 0; i--)
        {
            // The length first, inline: every FROM of an image is compared with every stage before it.
            if (stages[i].Name is { } name && name.Length == reference.Length && InvariantCase.LowersTo(reference, name))
            {
                return stages[i];
            }
        }
        if (allowIndex && int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
            && index >= 0)
        {
            return FirstWithIndex(stages, index);
        }
        return null;
    }
}
