using ContainerOpt.Core.Diagnostics;
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
/// </summary>
public sealed class COPT1110UndefinedVar : DockerfileRule
{
    private const string UnknownValue = "value";

    public override DiagnosticDescriptor Descriptor => DiagnosticCatalog.UndefinedVar;

    public override void Analyze(RuleContext context)
    {
        var model = context.Model;
        var lex = new ShellLex(model.Syntax.EscapeToken);
        var rawLex = new ShellLex('\\') { SkipProcessQuotes = true };
        var finals = new Dictionary<Stage, (BuildKitSemantics.Environment Env, HashSet<string> Declared, bool EnvKnown)>();
        foreach (var stage in model.Stages)
        {
            BuildKitSemantics.Environment env;
            HashSet<string> declared;
            bool envKnown;
            if (stage.BaseStage is not null && finals.TryGetValue(stage.BaseStage, out var inherited))
            {
                env = inherited.Env.Clone();
                declared = new HashSet<string>(inherited.Declared, StringComparer.Ordinal);
                envKnown = inherited.EnvKnown;
            }
            else
            {
                env = new BuildKitSemantics.Environment();
                env.Set("PATH", BuildKitSemantics.DefaultPath);
                // An image this analysis does not know may set any variable: only a likely typo is then reported.
                var imageEnv = stage.IsScratch || stage.IsImplicit ? Array.Empty<string>() : BuildKitSemantics.ImageEnvironment(stage.BaseName);
                envKnown = imageEnv is not null;
                foreach (var name in imageEnv ?? Array.Empty<string>())
                {
                    env.Set(name, UnknownValue);
                }
                declared = new HashSet<string>(StringComparer.Ordinal);
            }
            var checker = new Checker(context, env, declared, envKnown);
            foreach (var instruction in stage.Instructions)
            {
                checker.NextInstruction();
                Dispatch(context, instruction.Syntax, lex, rawLex, env, declared, checker);
            }
            finals[stage] = (env, declared, envKnown);
        }
    }

    private static void Dispatch(RuleContext context, InstructionSyntax syntax, ShellLex lex, ShellLex rawLex,
        BuildKitSemantics.Environment env, HashSet<string> declared, Checker checker)
    {
        var model = context.Model;
        switch (syntax.Kind)
        {
            case InstructionKind.Arg:
                foreach (var word in syntax.Arguments)
                {
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
                    declared.Add(name);
                }
                break;
            case InstructionKind.Env:
                {
                    var bindings = new List<KeyValuePair<string, string>>();
                    foreach (var pair in syntax.KeyValues)
                    {
                        string key = checker.Expand(lex, pair.Key.Value, pair.Key.Span);
                        string value = checker.Expand(lex, pair.Value.Value, pair.Value.Span);
                        bindings.Add(new KeyValuePair<string, string>(key, value));
                    }
                    foreach (var binding in bindings)
                    {
                        env.Set(binding.Key, binding.Value);
                    }
                    break;
                }
            case InstructionKind.Label:
                foreach (var pair in syntax.KeyValues)
                {
                    checker.Expand(lex, pair.Key.Value, pair.Key.Span);
                    checker.Expand(lex, pair.Value.Value, pair.Value.Span);
                }
                break;
            case InstructionKind.Copy:
            case InstructionKind.Add:
                foreach (var flag in syntax.Flags)
                {
                    if (flag.Value is not null && (flag.Name == "chown" || (syntax.Kind == InstructionKind.Add && flag.Name == "checksum")))
                    {
                        checker.Expand(lex, flag.Value, flag.Span);
                    }
                }
                foreach (var argument in syntax.Arguments)
                {
                    if (!BuildKitSemantics.IsHeredocMarker(syntax, argument))
                    {
                        checker.Expand(lex, argument.Value, argument.Span);
                    }
                }
                foreach (var heredoc in syntax.Heredocs)
                {
                    if (heredoc.Expand)
                    {
                        checker.Expand(rawLex, heredoc.ChompedContent, heredoc.BodySpan);
                    }
                }
                break;
            case InstructionKind.Workdir:
            case InstructionKind.User:
            case InstructionKind.Volume:
            case InstructionKind.StopSignal:
                foreach (var argument in syntax.Arguments)
                {
                    checker.Expand(lex, argument.Value, argument.Span);
                }
                break;
            case InstructionKind.Run:
                foreach (var flag in syntax.Flags)
                {
                    var mount = RunMount.FromFlag(flag);
                    if (mount is null)
                    {
                        continue;
                    }
                    foreach (var option in mount.Options)
                    {
                        checker.Expand(lex, option.Value, flag.Span);
                    }
                }
                break;
        }
    }

    /// <summary>Expands the words of one instruction against the live environment, reporting each unset name once.</summary>
    private sealed class Checker
    {
        private readonly RuleContext _context;
        private readonly BuildKitSemantics.Environment _env;
        private readonly HashSet<string> _declared;
        private HashSet<string>? _reported;
        private readonly IReadOnlyList<string> _options;
        private readonly bool _envKnown;

        public Checker(RuleContext context, BuildKitSemantics.Environment env, HashSet<string> declared, bool envKnown)
        {
            _context = context;
            _env = env;
            _declared = declared;
            _options = _env.Keys;
            _envKnown = envKnown;
        }

        /// <summary>Each unset name is reported once per instruction: a new instruction starts afresh.</summary>
        public void NextInstruction() => _reported?.Clear();

        /// <summary>Expands <paramref name="word"/> and reports the variables it reads that are unset and undeclared.</summary>
        public string Expand(ShellLex lex, string word, TextSpan span)
        {
            var result = lex.ProcessWord(word, _env);
            foreach (var name in result.Unmatched)
            {
                if (_declared.Contains(name) || BuildKitSemantics.NonEnvArgs.Contains(name) || !(_reported ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
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
                _context.Report(BuildKitSemantics.FindVariable(_context.Source, span, name), detail, alternative);
            }
            return result.Result;
        }
    }
}
