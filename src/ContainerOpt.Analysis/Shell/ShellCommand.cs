using ContainerOpt.Dockerfile.Collections;

namespace ContainerOpt.Analysis.Shell;

/// <summary>How a command is joined to the one before it.</summary>
public enum ShellOperator
{
    None,
    And,        // &&
    Or,         // ||
    Sequence,   // ; or a newline
    Pipe,       // |
    Background, // &
}

/// <summary>
/// One simple command as the shell runs it, with wrappers such as <c>sudo -E</c>, <c>env X=1</c>,
/// <c>xargs -r</c> and <c>nice -n 5</c> taken off, so <see cref="Name"/> is the program that does the work.
/// </summary>
public sealed class ShellCommand
{
    // Every simple command of every RUN is one of these: kept to 48 bytes. The rare wrappers and assignments share one
    // object (one shared empty one for most commands), and the small numbers are stored in bytes.
    private readonly ShellWord[] _words;
    private readonly Prefix _prefix;
    private readonly int _nameIndex;
    private readonly byte _depth;
    private readonly byte _precedingOperator;
    private readonly bool _inPipeline;

    // name: the base name of words[nameIndex] ("" past the words), which the parser has read already.
    internal ShellCommand(ShellWord[] words, int nameIndex, string name, IReadOnlyList<string> wrappers,
        ShellWord[] assignments, ShellOperator precedingOperator, bool inPipeline, int depth)
    {
        _words = words;
        _prefix = wrappers.Count == 0 && assignments.Length == 0 ? Prefix.None : new Prefix(wrappers, assignments);
        _nameIndex = nameIndex;
        _precedingOperator = (byte)precedingOperator;
        _inPipeline = inPipeline;
        _depth = (byte)depth; // at most the parser's nesting limit (16)
        Name = name;
    }

    /// <summary>What comes before the program: the wrappers taken off and the assignments.</summary>
    private sealed class Prefix
    {
        public static readonly Prefix None = new(Array.Empty<string>(), Array.Empty<ShellWord>());

        public Prefix(IReadOnlyList<string> wrappers, ShellWord[] assignments)
        {
            Wrappers = wrappers;
            Assignments = assignments;
        }

        public IReadOnlyList<string> Wrappers { get; }
        public ShellWord[] Assignments { get; }
    }

    /// <summary>The program's base name (<c>/usr/bin/apt-get</c> gives <c>apt-get</c>).</summary>
    public string Name { get; }

    /// <summary>Every word of the command, wrappers included, redirections and prefix assignments excluded.</summary>
    public ArrayView<ShellWord> Words => new(_words);

    /// <summary>Index of the program in <see cref="Words"/>.</summary>
    public int NameIndex => _nameIndex;

    public ShellWord? NameWord => NameIndex < _words.Length ? _words[NameIndex] : null;

    /// <summary>Arguments after the program: a view of <see cref="Words"/>, nothing copied.</summary>
    public ArrayView<ShellWord> Arguments => NameIndex + 1 < _words.Length ? new ArrayView<ShellWord>(_words, NameIndex + 1, _words.Length - NameIndex - 1) : default;

    /// <summary>Wrapper programs taken off, outermost first (<c>sudo</c>, <c>env</c>...).</summary>
    public IReadOnlyList<string> Wrappers => _prefix.Wrappers;

    /// <summary><c>NAME=value</c> words before the program (or given to env).</summary>
    public ArrayView<ShellWord> Assignments => new(_prefix.Assignments);

    public ShellOperator PrecedingOperator => (ShellOperator)_precedingOperator;

    /// <summary>True when this command reads from or writes to a pipe.</summary>
    public bool IsInPipeline => _inPipeline;

    /// <summary>0 at top level; deeper inside <c>$(...)</c>, <c>sh -c "..."</c> and subshells.</summary>
    public int Depth => _depth;

    public int Start => _words.Length > 0 ? _words[0].Start : 0;
    public int End => _words.Length > 0 ? _words[_words.Length - 1].End : 0;

    // Lengths first, inline: most commands asked about are not the one named (rules ask every command for a name, COPT2001
    // for ten), and String.Equals is a call even when the lengths differ.
    public bool Is(string name) => Name.Length == name.Length && string.Equals(Name, name, StringComparison.Ordinal);

    // Two and three names are most calls (IsAny("mvn", "mvnw")): overloads, so asking every command allocates no array.
    public bool IsAny(string first, string second) => Is(first) || Is(second);

    public bool IsAny(string first, string second, string third) => Is(first) || Is(second) || Is(third);

    public bool IsAny(params string[] names)
    {
        foreach (var name in names)
        {
            if (Is(name))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Positional arguments (not flags). Values of the listed flags (<c>-o value</c>) are skipped too.</summary>
    /// <remarks>Counted first, then copied into an array of that size (no list grown from four).</remarks>
    public IReadOnlyList<ShellWord> Positionals(params string[] flagsTakingValue)
    {
        var arguments = Arguments;
        int count = 0;
        bool endOfFlags = false;
        for (int i = NextPositional(arguments, 0, flagsTakingValue, ref endOfFlags); i < arguments.Count; i = NextPositional(arguments, i + 1, flagsTakingValue, ref endOfFlags))
        {
            count++;
        }
        if (count == 0)
        {
            return Array.Empty<ShellWord>();
        }
        var result = new ShellWord[count];
        int k = 0;
        endOfFlags = false;
        for (int i = NextPositional(arguments, 0, flagsTakingValue, ref endOfFlags); i < arguments.Count; i = NextPositional(arguments, i + 1, flagsTakingValue, ref endOfFlags))
        {
            result[k++] = arguments[i];
        }
        return result;
    }

    /// <summary>The index of the first positional argument at or after <paramref name="i"/> (<c>arguments.Count</c> when none).</summary>
    private static int NextPositional(ArrayView<ShellWord> arguments, int i, string[] flagsTakingValue, ref bool endOfFlags)
    {
        for (; i < arguments.Count; i++)
        {
            // "--" and flags told apart by their first characters, as OptionTable does (no string compare per word).
            string value = arguments[i].Value;
            if (!endOfFlags && value.Length > 1 && value[0] == '-')
            {
                if (value.Length == 2 && value[1] == '-')
                {
                    endOfFlags = true;
                }
                else if (TakesValue(value, flagsTakingValue) && i + 1 < arguments.Count)
                {
                    i++;
                }
                continue;
            }
            return i;
        }
        return arguments.Count;
    }

    /// <summary>Positional arguments, read with a manager's table of options that take a value.</summary>
    public IReadOnlyList<ShellWord> Positionals(Facts.OptionTable options) => options.Positionals(Arguments);

    /// <summary>The first positional argument (<c>install</c> in <c>apt-get -y install curl</c>).</summary>
    public string? Subcommand(params string[] flagsTakingValue)
    {
        // The first positional found, not all of them collected.
        var arguments = Arguments;
        bool endOfFlags = false;
        int first = NextPositional(arguments, 0, flagsTakingValue, ref endOfFlags);
        return first < arguments.Count ? arguments[first].Value : null;
    }

    /// <summary>
    /// True when any of the flags is given: <c>y</c> matches <c>-y</c> and combined <c>-qy</c>;
    /// <c>yes</c> matches <c>--yes</c> and <c>--yes=...</c>. Names of one character are short flags.
    /// </summary>
    public bool HasFlag(params string[] names) => FindFlag(names) is not null;

    /// <summary>The word holding the first of the flags, or null.</summary>
    public ShellWord? FindFlag(params string[] names)
    {
        foreach (var word in Arguments)
        {
            if (word.Value == "--")
            {
                break;
            }
            if (!word.IsFlag)
            {
                continue;
            }
            foreach (var name in names)
            {
                if (MatchesFlag(word.Value, name))
                {
                    return word;
                }
            }
        }
        return null;
    }

    /// <summary>The value of a flag: <c>--name=value</c>, <c>--name value</c>, <c>-n value</c> or <c>-nvalue</c>.</summary>
    public string? FlagValue(params string[] names)
    {
        var arguments = Arguments;
        for (int i = 0; i < arguments.Count; i++)
        {
            string v = arguments[i].Value;
            if (v == "--") break;
            if (v.Length < 2 || v[0] != '-')
            {
                continue; // no flag: no name can match (compared in place, without a string per name)
            }
            bool doubleDash = v[1] == '-';
            foreach (var name in names)
            {
                if (name.Length == 1)
                {
                    // -x VALUE, or -xVALUE
                    if (!doubleDash && v[1] == name[0]) return v.Length == 2 ? (i + 1 < arguments.Count ? arguments[i + 1].Value : null) : v.Substring(2);
                }
                else
                {
                    // --name VALUE, or --name=VALUE
                    if (doubleDash && v.Length >= name.Length + 2 && string.CompareOrdinal(v, 2, name, 0, name.Length) == 0)
                    {
                        if (v.Length == name.Length + 2) return i + 1 < arguments.Count ? arguments[i + 1].Value : null;
                        if (v[name.Length + 2] == '=') return v.Substring(name.Length + 3);
                    }
                    // single-dash long options (find -name, gem -v)
                    if (v.Length == name.Length + 1 && string.CompareOrdinal(v, 1, name, 0, name.Length) == 0) return i + 1 < arguments.Count ? arguments[i + 1].Value : null;
                }
            }
        }
        return null;
    }

    /// <summary>True when an argument equals <paramref name="value"/> exactly.</summary>
    public bool HasArgument(string value)
    {
        foreach (var argument in Arguments)
        {
            if (argument.Value == value)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when any argument equals one of the values (hadolint's <c>cmdHasArgs</c>).</summary>
    public bool HasAnyArgument(params string[] values)
    {
        foreach (var argument in Arguments)
        {
            if (Array.IndexOf(values, argument.Value) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    private static bool TakesValue(string flag, string[] flagsTakingValue)
    {
        foreach (var name in flagsTakingValue)
        {
            // -n or --name, compared where it stands (no "-" + name per flag and name)
            int dashes = name.Length == 1 ? 1 : 2;
            if (flag.Length == name.Length + dashes && flag[0] == '-' && (dashes == 1 || flag[1] == '-')
                && string.CompareOrdinal(flag, dashes, name, 0, name.Length) == 0)
            {
                return true;
            }
        }
        return false;
    }

    internal static bool MatchesFlag(string word, string name)
    {
        if (name.Length == 1)
        {
            // -y, -qy (combined short flags); not --y...
            if (word.Length < 2 || word[0] != '-' || word[1] == '-')
            {
                return false;
            }
            for (int i = 1; i < word.Length; i++)
            {
                char c = word[i];
                if (c == '=') break;
                if (c == name[0]) return true;
                if (!char.IsLetter(c)) break; // -o=value, -n5: stop at the value
            }
            return false;
        }
        // --name or --name=value, compared where it stands: asked of every flag word for every name, "--" + name made a string each time.
        int end = name.Length + 2;
        return word.Length >= end && word[0] == '-' && word[1] == '-' && string.CompareOrdinal(word, 2, name, 0, name.Length) == 0
            && (word.Length == end || word[end] == '=');
    }

    public override string ToString() => string.Join(" ", Words.Select(w => w.Value));
}
