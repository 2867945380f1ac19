using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Collections;
using ContainerOpt.Dockerfile.Expansion;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Analysis.Rules.Correctness;

/// <summary>
/// BuildKit's UndefinedVar: an instruction BuildKit expands (ENV, LABEL, ARG defaults, COPY/ADD and
/// their heredocs, WORKDIR, USER, VOLUME, STOPSIGNAL, RUN --mount) uses a variable that is not set
/// at that point and that no ARG of the stage declares. Follows BuildKit's dispatcher: the stage's
/// environment is the base image's (PATH, plus the variables of well-known images), or the base
/// stage's at its end (ARG values included); every form that reads a variable counts, including
/// <c>${x:-default}</c>. Suggests the nearest defined name. RUN, CMD and the like are left to the shell.
/// On a Windows stage, PowerShell's <c>$env:NAME</c> in any instruction Docker expands (EXPOSE too) is reported as
/// what it is: Docker reads the undefined <c>$env</c> and keeps <c>:NAME</c>, whatever the image's environment.
/// </summary>
public sealed class COPT1110UndefinedVar : DockerfileRule
{
    private const string UnknownValue = "value";

    // The lexers hold no state of their own (a run's state is the thread's): one of each for every file.
    private static readonly ShellLex BackslashLex = new('\\');
    private static readonly ShellLex BacktickLex = new('`');
    private static readonly ShellLex RawLex = new('\\') { SkipProcessQuotes = true };

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UndefinedVar;

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        char escape = model.Syntax.EscapeToken;
        var lex = escape == '\\' ? BackslashLex : escape == '`' ? BacktickLex : new ShellLex(escape);
        var rawLex = RawLex;
        var stages = model.Stages;
        string text = context.Source.Text;
        // Each stage's state at its end, by stage index (+1: the implicit stage of a file without FROM is -1), for the stages
        // built on it; only a file with such a stage keeps them.
        var finals = AnyBuiltOnStage(stages) ? new (BuildKitSemantics.Environment Env, bool EnvKnown)[stages.Count + 1] : null;
        Checker? checker = null; // one for the file, set to each stage in turn
        for (int s = 0; s < stages.Count; s++)
        {
            // A stage none of whose instructions reads a variable has nothing to report: its state is made only if a stage
            // built on it reads one (most stages read none).
            if (ReadsVariable(text, stages[s]))
            {
                Run(stages[s]);
            }
        }

        // Runs the stage's instructions from its start state, reporting what they read unset, and keeps its end state.
        (BuildKitSemantics.Environment Env, bool EnvKnown) Run(Stage stage)
        {
            BuildKitSemantics.Environment env;
            bool envKnown;
            if (finals is not null && stage.BaseStage is { } baseStage && baseStage.Index + 1 < finals.Length)
            {
                // FROM names only an earlier stage: one that read no variable was skipped, and is run now (reporting nothing).
                var inherited = finals[baseStage.Index + 1] is { Env: not null } kept ? kept : Run(baseStage);
                env = inherited.Env.Clone();
                envKnown = inherited.EnvKnown;
            }
            else
            {
                // An image this analysis does not know may set any variable: only a likely typo is then reported.
                var imageEnv = ImageNames(context, stage);
                envKnown = imageEnv is not null;
                imageEnv ??= Array.Empty<string>();
                // Room for PATH, the image's names and every name the stage's ARGs and ENVs may set: no regrowth, no spare room.
                env = new BuildKitSemantics.Environment(1 + imageEnv.Count + NamesSetIn(stage));
                // The table's names are distinct and never PATH: each is added without a search of those before it.
                env.AddUnset("PATH", BuildKitSemantics.DefaultPath);
                for (int i = 0; i < imageEnv.Count; i++)
                {
                    env.AddUnset(imageEnv[i], UnknownValue);
                }
            }
            checker ??= new Checker(context);
            checker.Start(env, envKnown, stage);
            var instructions = stage.Instructions;
            for (int i = 0; i < instructions.Count; i++)
            {
                checker.NextInstruction(i);
                Dispatch(context, instructions[i], lex, rawLex, env, checker);
            }
            if (finals is not null && stage.Index + 1 < finals.Length)
            {
                finals[stage.Index + 1] = (env, envKnown);
            }
            return (env, envKnown);
        }
    }

    /// <summary>
    /// Whether an instruction of the stage may read a variable: one <see cref="Dispatch"/> expands whose source has a '$' (a
    /// word's value is cut from the source, so a word without one in its instruction's text reads none), or a RUN whose
    /// flags have one. A '$' elsewhere in the instruction (a comment, a word not expanded) only makes the stage run.
    /// </summary>
    private static bool ReadsVariable(string text, Stage stage)
    {
        var instructions = stage.Instructions;
        for (int i = 0; i < instructions.Count; i++)
        {
            var syntax = instructions[i].Syntax;
            switch (syntax.Kind)
            {
                case InstructionKind.Arg:
                case InstructionKind.Env:
                case InstructionKind.Label:
                case InstructionKind.Copy:
                case InstructionKind.Add:
                case InstructionKind.Workdir:
                case InstructionKind.User:
                case InstructionKind.Volume:
                case InstructionKind.StopSignal:
                case InstructionKind.Expose:
                    var span = syntax.Span;
                    if (text.IndexOf('$', span.Start, Math.Min(span.End, text.Length) - span.Start) >= 0)
                    {
                        return true;
                    }
                    break;
                case InstructionKind.Run:
                    if (AnyFlagHasVariable(syntax))
                    {
                        return true;
                    }
                    break;
            }
        }
        return false;
    }

    private static bool AnyBuiltOnStage(ArrayView<Stage> stages)
    {
        for (int s = 0; s < stages.Count; s++)
        {
            if (stages[s].BaseStage is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The names the stage's base image sets (none for scratch and a file without FROM), or null when it is not known.</summary>
    private static IReadOnlyList<string>? ImageNames(RuleContext context, Stage stage) =>
        stage.IsScratch || stage.IsImplicit ? Array.Empty<string>() : BuildKitSemantics.ImageEnvironment(context.Facts.ImageReferenceOf(stage));

    /// <summary>How many names the stage's ARGs and ENVs may set (at most: a name may come twice).</summary>
    private static int NamesSetIn(Stage stage)
    {
        int count = 0;
        var instructions = stage.Instructions;
        for (int i = 0; i < instructions.Count; i++)
        {
            var syntax = instructions[i].Syntax;
            count += syntax.Kind == InstructionKind.Arg ? syntax.Arguments.Count : syntax.Kind == InstructionKind.Env ? syntax.KeyValues.Count : 0;
        }
        return count;
    }

    private static void Dispatch(RuleContext context, StageInstruction instruction, ShellLex lex, ShellLex rawLex,
        BuildKitSemantics.Environment env, Checker checker)
    {
        var model = context.Model;
        var syntax = instruction.Syntax;
        switch (syntax.Kind)
        {
            case InstructionKind.Arg:
                var words = syntax.Arguments;
                for (int w = 0; w < words.Count; w++)
                {
                    // The words before this one are declared: a default reads the names declared before it, not its own.
                    checker.DeclaredArgWords = w;
                    var word = words[w];
                    int eq = word.Value.IndexOf('=');
                    string name = eq < 0 ? word.Value : word.Value.Substring(0, eq);
                    if (name.Length == 0)
                    {
                        continue;
                    }
                    string? value = null;
                    bool hasBuildArg = model.BuildArgs.TryGetValue(name, out var buildArg);
                    if (eq < 0 && !hasBuildArg && model.GlobalScope.TryGetValue(name, out var global))
                    {
                        value = global;
                    }
                    if (hasBuildArg)
                    {
                        value = buildArg;
                    }
                    else if (eq >= 0)
                    {
                        value = checker.Expand(lex, word.Value.Substring(eq + 1), word.Span);
                    }
                    if (value is not null && !BuildKitSemantics.NonEnvArgs.Contains(name))
                    {
                        env.Set(name, value);
                    }
                }
                break;
            case InstructionKind.Env:
                {
                    // Every pair is expanded with the environment before the instruction, then all are set.
                    var pairs = syntax.KeyValues;
                    if (pairs.Count == 1)
                    {
                        string key = checker.Expand(lex, pairs[0].Key.Value, pairs[0].Key.Span);
                        string value = checker.Expand(lex, pairs[0].Value.Value, pairs[0].Value.Span);
                        env.Set(key, value);
                        break;
                    }
                    var bindings = new KeyValuePair<string, string>[pairs.Count];
                    for (int i = 0; i < pairs.Count; i++)
                    {
                        string key = checker.Expand(lex, pairs[i].Key.Value, pairs[i].Key.Span);
                        string value = checker.Expand(lex, pairs[i].Value.Value, pairs[i].Value.Span);
                        bindings[i] = new KeyValuePair<string, string>(key, value);
                    }
                    foreach (var binding in bindings)
                    {
                        env.Set(binding.Key, binding.Value);
                    }
                    break;
                }
            case InstructionKind.Label:
                {
                    var pairs = syntax.KeyValues;
                    for (int i = 0; i < pairs.Count; i++)
                    {
                        checker.Check(lex, pairs[i].Key.Value, pairs[i].Key.Span);
                        checker.Check(lex, pairs[i].Value.Value, pairs[i].Value.Span);
                    }
                    break;
                }
            case InstructionKind.Copy:
            case InstructionKind.Add:
                {
                    var flags = syntax.Flags;
                    for (int i = 0; i < flags.Count; i++)
                    {
                        var flag = flags[i];
                        if (flag.Value is not null && (flag.Name == "chown" || (syntax.Kind == InstructionKind.Add && flag.Name == "checksum")))
                        {
                            checker.Check(lex, flag.Value, flag.Span);
                        }
                    }
                    var arguments = syntax.Arguments;
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        var argument = arguments[i];
                        if (!BuildKitSemantics.IsHeredocMarker(syntax, argument))
                        {
                            checker.Check(lex, argument.Value, argument.Span);
                        }
                    }
                    var heredocs = syntax.Heredocs;
                    for (int i = 0; i < heredocs.Count; i++)
                    {
                        if (heredocs[i].Expand)
                        {
                            checker.Check(rawLex, heredocs[i].ChompedContent, heredocs[i].BodySpan);
                        }
                    }
                    break;
                }
            case InstructionKind.Workdir:
            case InstructionKind.User:
            case InstructionKind.Volume:
            case InstructionKind.StopSignal:
                {
                    var arguments = syntax.Arguments;
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        checker.Check(lex, arguments[i].Value, arguments[i].Span);
                    }
                    break;
                }
            case InstructionKind.Expose:
                {
                    // BuildKit expands EXPOSE without its UndefinedVar check: only the PowerShell form is reported there.
                    var arguments = syntax.Arguments;
                    for (int i = 0; i < arguments.Count; i++)
                    {
                        checker.CheckPowerShellEnv(lex, arguments[i].Value, arguments[i].Span);
                    }
                    break;
                }
            case InstructionKind.Run:
                {
                    // Only a mount's options are expanded (the step parsed them); a flag without '$' reads no variable, so a RUN
                    // whose flags have none (most) needs no step.
                    if (!AnyFlagHasVariable(syntax))
                    {
                        break;
                    }
                    var mounts = context.RunSteps.Find(instruction)!.Mounts;
                    for (int i = 0; i < mounts.Count; i++)
                    {
                        var flag = mounts[i].Flag;
                        if (flag.Value!.IndexOf('$') < 0)
                        {
                            continue;
                        }
                        foreach (var option in mounts[i].Options)
                        {
                            checker.Check(lex, option.Value, flag.Span);
                        }
                    }
                    break;
                }
        }
    }

    private static bool AnyFlagHasVariable(InstructionSyntax syntax)
    {
        var flags = syntax.Flags;
        for (int i = 0; i < flags.Count; i++)
        {
            if (flags[i].Value is { } value && value.IndexOf('$') >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Expands the words of one instruction against the live environment, reporting each unset name once.</summary>
    private sealed class Checker
    {
        private readonly RuleContext _context;
        private BuildKitSemantics.Environment _env = null!;
        private HashSet<string>? _reported;
        private IReadOnlyList<string> _options = null!;
        private bool _envKnown;
        private Stage _stage = null!;
        private int _instruction;
        private bool? _windows;

        /// <summary>Whether the stage is Windows: asked only when a word reads an unset variable, or EXPOSE reads one (few stages).</summary>
        private bool Windows => _windows ??= _context.Facts.IsWindows(_stage);

        public Checker(RuleContext context)
        {
            _context = context;
        }

        /// <summary>How many words of the ARG being dispatched are declared (those before the word being expanded).</summary>
        public int DeclaredArgWords { get; set; }

        /// <summary>Checks the instructions of a stage from here on, against its environment and the ARGs declared in its chain.</summary>
        public void Start(BuildKitSemantics.Environment env, bool envKnown, Stage stage)
        {
            _env = env;
            _options = env.Keys;
            _envKnown = envKnown;
            _stage = stage;
            _windows = null;
            _reported?.Clear();
        }

        /// <summary>Each unset name is reported once per instruction: instruction <paramref name="index"/> of the stage starts afresh.</summary>
        public void NextInstruction(int index)
        {
            _instruction = index;
            DeclaredArgWords = 0;
            _reported?.Clear();
        }

        /// <summary>
        /// Whether an ARG declares <paramref name="name"/> before the word being expanded: in a stage the chain builds on, or
        /// in this stage before it. Asked only of a name a word reads unset (few), so the ARGs are scanned, not kept in a set.
        /// </summary>
        private bool IsDeclared(string name)
        {
            var chain = _stage.Chain;
            for (int c = 0; c < chain.Count; c++)
            {
                bool current = ReferenceEquals(chain[c], _stage);
                var instructions = chain[c].Instructions;
                int end = current ? Math.Min(_instruction + 1, instructions.Count) : instructions.Count;
                for (int i = 0; i < end; i++)
                {
                    var syntax = instructions[i].Syntax;
                    if (syntax.Kind == InstructionKind.Arg
                        && DeclaresName(syntax.Arguments, current && i == _instruction ? DeclaredArgWords : syntax.Arguments.Count, name))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        /// <summary>Whether one of the first <paramref name="count"/> words of an ARG (<c>NAME</c> or <c>NAME=value</c>) names <paramref name="name"/>.</summary>
        private static bool DeclaresName(ArrayView<SyntaxToken> words, int count, string name)
        {
            for (int w = 0; w < count; w++)
            {
                string word = words[w].Value;
                int eq = word.IndexOf('=');
                int length = eq < 0 ? word.Length : eq;
                if (length > 0 && length == name.Length && string.CompareOrdinal(word, 0, name, 0, length) == 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>
        /// <see cref="Expand"/> for a word whose expansion is not kept (LABEL, COPY, WORKDIR ...): a word without '$' reads
        /// no variable, so it is not expanded at all (most words).
        /// </summary>
        public void Check(ShellLex lex, string word, TextSpan span)
        {
            if (word.IndexOf('$') >= 0)
            {
                Expand(lex, word, span);
            }
        }

        /// <summary>Expands <paramref name="word"/> and reports the variables it reads that are unset and undeclared.</summary>
        public string Expand(ShellLex lex, string word, TextSpan span)
        {
            if (lex.IsPlainWord(word))
            {
                return word; // expands to itself, reads nothing: no result object
            }
            var result = lex.ProcessWord(word, _env);
            foreach (var name in result.Unmatched)
            {
                if (IsDeclared(name) || BuildKitSemantics.NonEnvArgs.Contains(name))
                {
                    continue;
                }
                if (Windows && ReportPowerShellEnv(name, span))
                {
                    continue;
                }
                if (!(_reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                {
                    continue;
                }
                // On an image whose environment is unknown, only a near miss of a name this Dockerfile declares is a likely
                // typo ($APP_HOM for ARG APP_HOME); $GOPATH is not a typo of the default $PATH, the image may set it.
                string? suggestion = EditDistance.BuildKitSuggestion(name, _envKnown ? _options : _options.Where(o => o != "PATH").ToList());
                if (!_envKnown && suggestion is null)
                {
                    continue;
                }
                string detail = $"Usage of undefined variable '${name}'" + EditDistance.DidYouMean(suggestion, "$");
                string alternative = suggestion is null ? "" : $", or use ${suggestion}";
                _context.Report(BuildKitSemantics.FindVariable(_context.Source, span, name), detail, "", alternative);
            }
            return result.Result;
        }

        /// <summary>Reports only PowerShell's <c>$env:NAME</c> in a word (an instruction BuildKit does not check otherwise).</summary>
        public void CheckPowerShellEnv(ShellLex lex, string word, TextSpan span)
        {
            if (word.IndexOf('$') < 0 || lex.IsPlainWord(word) || !Windows)
            {
                return;
            }
            foreach (var name in lex.ProcessWord(word, _env).Unmatched)
            {
                if (!IsDeclared(name))
                {
                    ReportPowerShellEnv(name, span);
                }
            }
        }

        /// <summary>
        /// When the unset <paramref name="name"/> is the <c>env</c> of PowerShell's <c>$env:NAME</c>, reports each such use in
        /// <paramref name="span"/> (once per instruction) and returns true; a bare <c>$env</c> is an ordinary variable.
        /// </summary>
        private bool ReportPowerShellEnv(string name, TextSpan span)
        {
            if (!name.Equals("env", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            string text = _context.Source.Text;
            int end = Math.Min(span.End, text.Length);
            bool found = false;
            for (int i = text.IndexOf('$', span.Start); i >= 0 && i < end; i = text.IndexOf('$', i + 1))
            {
                int colon = i + 1 + name.Length;
                if (colon + 1 >= end || string.CompareOrdinal(text, i + 1, name, 0, name.Length) != 0 || text[colon] != ':' || !IsNameChar(text[colon + 1]))
                {
                    continue;
                }
                int nameEnd = colon + 1;
                while (nameEnd < end && IsNameChar(text[nameEnd]))
                {
                    nameEnd++;
                }
                found = true;
                string written = text.Substring(i, nameEnd - i);
                if (!(_reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(written))
                {
                    continue;
                }
                string variable = text.Substring(colon + 1, nameEnd - colon - 1);
                string detail = $"'{written}' is PowerShell syntax, which Docker does not expand (it reads the undefined variable '${name}' and leaves ':{variable}')";
                _context.Report(TextSpan.FromBounds(i, nameEnd), detail, $"write ${{{variable}}} and ", ", or write the literal value");
            }
            return found;
        }

        private static bool IsNameChar(char c) => c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
