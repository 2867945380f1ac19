using ContainerOpt.Analysis.Facts;
using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Semantics;

namespace ContainerOpt.Analysis.Facts;

/// <summary>An option of a <c>dotnet</c> command: <c>-c Release</c>, <c>--configuration:Release</c>, <c>-p:A=1</c>, <c>--no-restore</c>.</summary>
public sealed class DotNetOption
{
    public DotNetOption(string name, string? value, ShellWord word, ShellWord? valueWord)
    {
        Name = name;
        Value = value;
        Word = word;
        ValueWord = valueWord;
    }

    /// <summary>The name without dashes or slash (<c>c</c>, <c>configuration</c>, <c>p</c>).</summary>
    public string Name { get; }

    /// <summary>The value given inline (<c>-c:Release</c>, <c>--arch=$TARGETARCH</c>) or as the next word; null for a switch.</summary>
    public string? Value { get; }

    public ShellWord Word { get; }

    /// <summary>The separate value word, when the value is not inline.</summary>
    public ShellWord? ValueWord { get; }

    /// <summary>The word holding the value (the option word itself when inline).</summary>
    public ShellWord ValueOrOptionWord => ValueWord ?? Word;
}

/// <summary>An MSBuild property given on the command line (<c>-p:PublishAot=true</c>, <c>/p:A=1;B=2</c>).</summary>
public sealed class DotNetProperty
{
    public DotNetProperty(string name, string value, ShellWord word)
    {
        Name = name;
        Value = value;
        Word = word;
    }

    public string Name { get; }
    public string Value { get; }
    public ShellWord Word { get; }
}

/// <summary>One <c>dotnet &lt;verb&gt;</c> command of a RUN, with its options parsed the way the .NET CLI reads them.</summary>
public sealed class DotNetCommand
{
    private static readonly HashSet<string> OptionsWithValue = new(StringComparer.OrdinalIgnoreCase)
    {
        "c", "configuration", "o", "output", "r", "runtime", "a", "arch", "os", "f", "framework", "s", "source",
        "v", "verbosity", "p", "property", "version-suffix", "packages", "configfile", "artifacts-path", "l", "logger",
        "lockfile-path", "ucr", "use-current-runtime", "launch-profile", "filter", "settings", "results-directory", "collect",
    };

    /// <summary>Options whose value is optional and only ever true/false (<c>--self-contained false</c>).</summary>
    private static readonly HashSet<string> OptionalBooleans = new(StringComparer.OrdinalIgnoreCase) { "self-contained", "sc" };

    internal DotNetCommand(DockerfileModel model, RunScript run, ShellCommand command, int index)
    {
        _model = model;
        Run = run;
        Command = command;
        Index = index;
        // Gathered in lists kept per thread, then copied into arrays of the right size: a list of each grown from four,
        // and the positionals' range copied twice, cost more than the command's own options.
        var options = t_options ??= new List<DotNetOption>();
        var positionals = t_positionals ??= new List<ShellWord>();
        options.Clear();
        positionals.Clear();
        var args = command.Arguments;
        for (int i = 0; i < args.Count; i++)
        {
            var word = args[i];
            string v = word.Value;
            if (!TryParseOption(v, out string name, out int common, out string? inlineValue))
            {
                positionals.Add(word);
                continue;
            }
            ShellWord? valueWord = null;
            string? value = inlineValue;
            if (value is null && i + 1 < args.Count && !IsOptionLike(args[i + 1].Value))
            {
                string next = args[i + 1].Value;
                // A common name's kind was looked up once (the case-insensitive sets hash each name they are asked).
                var kind = common >= 0 ? CommonKinds[common] : KindOf(name);
                if (kind == ValueKind.Required
                    || kind == ValueKind.OptionalBoolean && (next.Equals("true", StringComparison.OrdinalIgnoreCase) || next.Equals("false", StringComparison.OrdinalIgnoreCase)))
                {
                    valueWord = args[i + 1];
                    value = next;
                    i++;
                }
            }
            options.Add(new DotNetOption(name, value, word, valueWord));
        }
        var optionArray = options.Count == 0 ? Array.Empty<DotNetOption>() : options.ToArray();
        Options = optionArray;
        VerbWord = positionals.Count > 0 ? positionals[0] : null;
        if (positionals.Count <= 1)
        {
            Positionals = Array.Empty<ShellWord>();
        }
        else
        {
            var rest = new ShellWord[positionals.Count - 1];
            positionals.CopyTo(1, rest, 0, rest.Length);
            Positionals = rest;
        }
        options.Clear(); // the pool keeps no words or options of this file
        positionals.Clear();
        List<DotNetProperty>? properties = null; // a list only for a command that sets properties
        foreach (var option in optionArray)
        {
            if (!(option.Name.Equals("p", StringComparison.OrdinalIgnoreCase) || option.Name.Equals("property", StringComparison.OrdinalIgnoreCase)) || option.Value is null)
            {
                continue;
            }
            foreach (var pair in option.Value.Split(new[] { ';', ',' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = pair.IndexOf('=');
                if (eq > 0)
                {
                    (properties ??= new List<DotNetProperty>()).Add(new DotNetProperty(pair.Substring(0, eq).Trim(), pair.Substring(eq + 1).Trim().Trim('"'), option.ValueOrOptionWord));
                }
            }
        }
        Properties = properties ?? (IReadOnlyList<DotNetProperty>)Array.Empty<DotNetProperty>();
    }

    private readonly DockerfileModel _model;

    [ThreadStatic]
    private static List<DotNetOption>? t_options;

    [ThreadStatic]
    private static List<ShellWord>? t_positionals;

    public RunScript Run { get; }
    public ShellCommand Command { get; }

    /// <summary>Position among every dotnet command of the file, in source order.</summary>
    public int Index { get; }

    /// <summary>The verb (<c>restore</c>, <c>publish</c>), or null for a bare <c>dotnet</c>.</summary>
    public ShellWord? VerbWord { get; }

    public string Verb => VerbWord?.Value ?? "";

    /// <summary>Arguments after the verb that are neither options nor option values (the project or solution).</summary>
    public IReadOnlyList<ShellWord> Positionals { get; }

    public IReadOnlyList<DotNetOption> Options { get; }

    public IReadOnlyList<DotNetProperty> Properties { get; }

    public StageInstruction Instruction => Run.Instruction;

    public Stage? Stage => Run.Instruction.Stage;

    /// <summary>Line of the RUN (for messages).</summary>
    public int Line => Run.Run.StartLine;

    public bool Is(string verb) => string.Equals(Verb, verb, StringComparison.Ordinal);

    /// <summary>The last of the named options (the CLI lets a later one win), or null.</summary>
    public DotNetOption? Option(params string[] names)
    {
        // The last one given wins, as in the CLI; loops, not a lambda per option (asked of every command by many rules).
        var options = Options;
        for (int i = options.Count - 1; i >= 0; i--)
        {
            for (int n = 0; n < names.Length; n++)
            {
                if (names[n].Equals(options[i].Name, StringComparison.OrdinalIgnoreCase))
                {
                    return options[i];
                }
            }
        }
        return null;
    }

    public bool Has(params string[] names) => Option(names) is not null;

    private static readonly string[] RestoringVerbs = { "restore", "build", "publish", "test", "pack", "run" };

    /// <summary>True for <c>dotnet restore</c>, and for a build/publish/test/pack/run that restores implicitly (no <c>--no-restore</c>, no <c>--no-build</c>).</summary>
    public bool Restores => Is("restore") || (Array.IndexOf(RestoringVerbs, Verb) >= 0 && !Has(NoRestoreOptions));

    private static readonly string[] NoRestoreOptions = { "no-restore", "no-build" };

    /// <summary>The last value given to an MSBuild property with <c>-p</c> (names are case-insensitive), or null.</summary>
    public DotNetProperty? Property(string name)
    {
        var properties = Properties;
        for (int i = properties.Count - 1; i >= 0; i--)
        {
            if (properties[i].Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return properties[i];
            }
        }
        return null;
    }

    /// <summary>The span of the verb word (or the program name when there is none).</summary>
    public Dockerfile.Text.TextSpan VerbSpan => VerbWord is null ? Run.NameSpanOf(Command) : Run.SpanOf(VerbWord);

    /// <summary>
    /// The value with ARG/ENV references expanded the way the RUN's shell sees them, or null when a
    /// variable in it has no value at this point.
    /// </summary>
    public string? Resolve(string? value)
    {
        if (value is null || !value.Contains('$'))
        {
            return value;
        }
        var result = _model.Expand(Run.Instruction, value);
        return result.Error is null && result.Unmatched.Count == 0 ? result.Result : null;
    }

    private static bool IsOptionLike(string v) => v.Length > 1 && v[0] == '-' || IsSlashOption(v);

    private static bool IsSlashOption(string v)
    {
        // MSBuild's /p:Name=Value and /property:...; a path such as /app/out is not an option.
        if (v.Length < 3 || v[0] != '/') return false;
        int colon = v.IndexOf(':');
        if (colon < 2) return false;
        for (int i = 1; i < colon; i++)
        {
            if (!char.IsLetter(v[i])) return false;
        }
        return true;
    }

    /// <summary>What an option's name says of the word after it.</summary>
    private enum ValueKind : byte
    {
        None,
        /// <summary>In <see cref="OptionsWithValue"/>: the next word is its value.</summary>
        Required,
        /// <summary>In <see cref="OptionalBooleans"/>: the next word is its value when it is true or false.</summary>
        OptionalBoolean,
    }

    private static ValueKind KindOf(string name) =>
        OptionsWithValue.Contains(name) ? ValueKind.Required : OptionalBooleans.Contains(name) ? ValueKind.OptionalBoolean : ValueKind.None;

    // common: the index of the name in CommonNames, or -1.
    private static bool TryParseOption(string v, out string name, out int common, out string? value)
    {
        name = "";
        common = -1;
        value = null;
        // The option's body starts after its prefix (--, - or /); name and value are cut from the word itself.
        int start;
        if (v.StartsWith("--", StringComparison.Ordinal) && v.Length > 2)
        {
            start = 2;
        }
        else if (v.Length > 1 && v[0] == '-' && v != "--")
        {
            start = 1;
        }
        else if (IsSlashOption(v))
        {
            start = 1;
        }
        else
        {
            return false;
        }
        int colon = v.IndexOf(':', start), equals = v.IndexOf('=', start);
        int cut = colon < 0 ? equals : equals < 0 ? colon : Math.Min(colon, equals);
        if (cut >= 0)
        {
            name = NameAt(v, start, cut - start, out common);
            value = v.Substring(cut + 1);
        }
        else
        {
            name = NameAt(v, start, v.Length - start, out common);
        }
        return name.Length > 0;
    }

    /// <summary>Names commands often give, each one string: an option's name is then no new string when written as one of these.</summary>
    private static readonly string[] CommonNames =
    {
        "c", "configuration", "o", "output", "r", "runtime", "a", "arch", "os", "f", "framework", "s", "source", "v", "verbosity",
        "p", "property", "self-contained", "sc", "no-restore", "no-build", "no-self-contained", "nologo", "locked-mode", "no-cache",
    };

    /// <summary>The <see cref="ValueKind"/> of each of <see cref="CommonNames"/>.</summary>
    private static readonly ValueKind[] CommonKinds = Array.ConvertAll(CommonNames, KindOf);

    /// <summary>The indexes in <see cref="CommonNames"/> by the name's length: a word is compared only with the names of its length.</summary>
    private static readonly int[][] CommonNamesByLength = IndexByLength(CommonNames);

    private static int[][] IndexByLength(string[] names)
    {
        int longest = 0;
        foreach (var known in names)
        {
            longest = Math.Max(longest, known.Length);
        }
        var byLength = new int[longest + 1][];
        for (int length = 0; length <= longest; length++)
        {
            var indexes = new List<int>();
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i].Length == length)
                {
                    indexes.Add(i);
                }
            }
            byLength[length] = indexes.ToArray();
        }
        return byLength;
    }

    /// <summary>v[start..start+length): the common name written so (same case, <paramref name="common"/> its index), else a new string (-1).</summary>
    private static string NameAt(string v, int start, int length, out int common)
    {
        if (length < CommonNamesByLength.Length)
        {
            foreach (int index in CommonNamesByLength[length])
            {
                if (IsAt(v, start, CommonNames[index]))
                {
                    common = index;
                    return CommonNames[index];
                }
            }
        }
        common = -1;
        return v.Substring(start, length);
    }

    /// <summary>True when <paramref name="known"/> is written at v[start..] (a loop: CompareOrdinal's checks cost more than these short names).</summary>
    private static bool IsAt(string v, int start, string known)
    {
        for (int i = 0; i < known.Length; i++)
        {
            if (v[start + i] != known[i])
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => Command.ToString();
}

/// <summary>Finds the <c>dotnet</c> commands of a Dockerfile's RUNs (any wrapper, heredoc, <c>sh -c</c>, exec form; not ONBUILD, not under a PowerShell/cmd SHELL).</summary>
public static class DotNetCli
{
    internal static IReadOnlyList<DotNetCommand> Collect(DockerfileFacts facts)
    {
        List<DotNetCommand>? result = null; // most files run no dotnet: then no list
        var runs = facts.RunScripts;
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            // ONBUILD RUN runs in the images built FROM this one, not here.
            if (!run.IsPosix || run.IsOnbuild)
            {
                continue;
            }
            var commands = run.Script.Commands;
            for (int c = 0; c < commands.Count; c++)
            {
                if (commands[c].Is("dotnet"))
                {
                    result ??= new List<DotNetCommand>();
                    result.Add(new DotNetCommand(facts.Model, run, commands[c], result.Count));
                }
            }
        }
        return result ?? (IReadOnlyList<DotNetCommand>)Array.Empty<DotNetCommand>();
    }

    /// <summary>The commands with this verb.</summary>
    public static IEnumerable<DotNetCommand> WithVerb(this IEnumerable<DotNetCommand> commands, string verb) => commands.Where(c => c.Is(verb));

    /// <summary>True when the command runs in <paramref name="stage"/> or in a stage that <paramref name="stage"/> is built on.</summary>
    public static bool RunsIn(this DotNetCommand command, Stage stage) =>
        command.Stage is { } s && stage.Chain.Contains(s);
}
