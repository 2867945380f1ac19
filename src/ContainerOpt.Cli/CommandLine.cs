namespace ContainerOpt.Cli;

/// <summary>
/// A small, strict reader of <c>command [options] operands</c>: <c>--name value</c> and
/// <c>--name=value</c>, flags without values, <c>--</c> ends options. Unknown options are errors.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

    private CommandLine(List<string> operands) => Operands = operands;

    public IReadOnlyList<string> Operands { get; }

    public static CommandLine Parse(IReadOnlyList<string> args, ICollection<string> valueOptions, ICollection<string> flagOptions)
    {
        var operands = new List<string>();
        var line = new CommandLine(operands);
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                operands.AddRange(args.Skip(i + 1));
                break;
            }
            if (!arg.StartsWith("-", StringComparison.Ordinal) || arg == "-")
            {
                operands.Add(arg);
                continue;
            }
            string name = arg;
            string? value = null;
            int eq = arg.IndexOf('=');
            if (eq > 0)
            {
                name = arg.Substring(0, eq);
                value = arg.Substring(eq + 1);
            }
            if (flagOptions.Contains(name))
            {
                if (value is not null)
                {
                    throw new UsageException($"Option {name} takes no value.");
                }
                line._flags.Add(name);
                continue;
            }
            if (!valueOptions.Contains(name))
            {
                throw new UsageException($"Unknown option '{name}'.");
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"Option {name} needs a value.");
                }
                value = args[++i];
            }
            if (!line._options.TryGetValue(name, out var list))
            {
                line._options[name] = list = new List<string>();
            }
            list.Add(value);
        }
        return line;
    }

    public string? Value(string name) => _options.TryGetValue(name, out var list) ? list[list.Count - 1] : null;

    public IReadOnlyList<string> Values(string name) => _options.TryGetValue(name, out var list) ? list : Array.Empty<string>();

    public bool Flag(string name) => _flags.Contains(name);

    /// <summary>The value of an option restricted to a set of choices (case-insensitive).</summary>
    public string Choice(string name, string defaultValue, params string[] choices)
    {
        string value = Value(name) ?? defaultValue;
        var match = choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new UsageException($"{name} must be one of: {string.Join(", ", choices)} (got '{value}').");
    }
}
