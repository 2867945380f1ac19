using ContainerOpt.Analysis.Shell;
using ContainerOpt.Dockerfile.Collections;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// A manager's options that take a value as the next word (<c>-t bookworm-backports</c>, <c>--index-url URL</c>):
/// one table per manager, so every rule reads a command's words the same way.
/// </summary>
public sealed class OptionTable
{
    // A string of the one-letter options and an array of the long ones: a flag is compared where it stands, with no
    // substring per flag (every flag of every package-manager command is asked about; the tables hold a few names).
    private readonly string _short;
    private readonly string[] _long;

    /// <summary>A manager with no option that takes a value (or none this analysis needs to know).</summary>
    public static readonly OptionTable None = new();

    public OptionTable(params string[] names)
    {
        Names = names;
        _short = string.Concat(names.Where(n => n.Length == 1));
        _long = names.Where(n => n.Length > 1).ToArray();
    }

    /// <summary>The option names without dashes: one letter for a short option, else a long one.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>True when the flag word (<c>-t</c>, <c>--target-release</c>) takes the next word as its value.</summary>
    public bool TakesValue(string flag) =>
        flag.Length >= 2 && flag[0] == '-' && (flag.Length == 2 ? _short.IndexOf(flag[1]) >= 0 : flag[1] == '-' && IsLong(flag));

    private bool IsLong(string flag)
    {
        foreach (var name in _long)
        {
            if (flag.Length == name.Length + 2 && string.CompareOrdinal(flag, 2, name, 0, name.Length) == 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The words that are neither options nor option values; everything after <c>--</c> is positional.</summary>
    /// <remarks>
    /// <paramref name="args"/> itself when every word is positional. Counted first, then copied into an array of that
    /// size: asked of every package-manager command, where a list grown from four was most of the bytes.
    /// </remarks>
    public IReadOnlyList<ShellWord> Positionals(IReadOnlyList<ShellWord> args)
    {
        // Read as a view, not through the interface (two interface calls per word): the lists given are views or arrays.
        var view = args switch
        {
            ArrayView<ShellWord> given => given,
            ShellWord[] array => new ArrayView<ShellWord>(array),
            _ => new ArrayView<ShellWord>(args.ToArray()),
        };
        return Select(view) ?? args;
    }

    /// <inheritdoc cref="Positionals(IReadOnlyList{ShellWord})"/>
    public IReadOnlyList<ShellWord> Positionals(ArrayView<ShellWord> args) => Select(args) ?? (IReadOnlyList<ShellWord>)args;

    /// <summary>The first positional word (a subcommand), or null: found without collecting the others.</summary>
    public ShellWord? FirstPositional(ArrayView<ShellWord> args)
    {
        bool endOfFlags = false;
        int first = NextPositional(args, 0, ref endOfFlags);
        return first < args.Count ? args[first] : null;
    }

    /// <summary>The positional words, or null when every word is one (the caller answers its own list).</summary>
    private IReadOnlyList<ShellWord>? Select(ArrayView<ShellWord> args)
    {
        int count = 0;
        bool endOfFlags = false;
        for (int i = NextPositional(args, 0, ref endOfFlags); i < args.Count; i = NextPositional(args, i + 1, ref endOfFlags))
        {
            count++;
        }
        if (count == args.Count)
        {
            return null;
        }
        if (count == 0)
        {
            return Array.Empty<ShellWord>();
        }
        var result = new ShellWord[count];
        int k = 0;
        endOfFlags = false;
        for (int i = NextPositional(args, 0, ref endOfFlags); i < args.Count; i = NextPositional(args, i + 1, ref endOfFlags))
        {
            result[k++] = args[i];
        }
        return result;
    }

    /// <summary>The index of the first positional word at or after <paramref name="i"/> (<c>args.Count</c> when none).</summary>
    private int NextPositional(ArrayView<ShellWord> args, int i, ref bool endOfFlags)
    {
        for (; i < args.Count; i++)
        {
            // "--" and flags told apart by their first characters (no string compare per word: every word of every
            // package-manager command comes here, twice).
            string value = args[i].Value;
            if (!endOfFlags && value.Length > 1 && value[0] == '-')
            {
                if (value.Length == 2 && value[1] == '-')
                {
                    endOfFlags = true;
                }
                else if (TakesValue(value) && i + 1 < args.Count)
                {
                    i++;
                }
                continue;
            }
            return i;
        }
        return args.Count;
    }

    /// <summary>True when any of the flags is among the arguments (see <see cref="ShellCommand.HasFlag"/>), before a <c>--</c>.</summary>
    public static bool HasFlag(IReadOnlyList<ShellWord> args, params string[] names)
    {
        foreach (var word in args)
        {
            if (word.Value == "--")
            {
                break;
            }
            if (word.IsFlag && MatchesAny(word.Value, names))
            {
                return true;
            }
        }
        return false;
    }

    // A loop, not Any with a lambda: a closure per flag word otherwise.
    private static bool MatchesAny(string flag, string[] names)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (ShellCommand.MatchesFlag(flag, names[i]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when any argument is exactly one of the values (hadolint's <c>hasArg</c>).</summary>
    public static bool HasArgument(IReadOnlyList<ShellWord> args, params string[] values) =>
        args.Any(a => values.Contains(a.Value, StringComparer.Ordinal));
}
