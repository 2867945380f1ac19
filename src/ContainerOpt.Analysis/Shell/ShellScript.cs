using ContainerOpt.Dockerfile.Collections;

namespace ContainerOpt.Analysis.Shell;

/// <summary>A parsed shell script (a RUN command line or a heredoc body): its simple commands in order.</summary>
public sealed class ShellScript
{
    internal ShellScript(string text, ShellCommand[] commands, bool hasPipe, bool complete)
    {
        Text = text;
        _commands = commands;
        HasPipe = hasPipe;
        IsComplete = complete;
    }

    public static ShellScript Empty { get; } = new("", Array.Empty<ShellCommand>(), false, true);

    public string Text { get; }

    /// <summary>Every simple command, nested ones (<c>$(...)</c>, <c>sh -c</c>, subshells) included, in source order.</summary>
    public ArrayView<ShellCommand> Commands => new(_commands);

    private readonly ShellCommand[] _commands;

    /// <summary>The commands' own array, for the fact model's views (never changed after parsing).</summary>
    internal ShellCommand[] CommandArray => _commands;

    /// <summary>True when any command's output is piped into another.</summary>
    public bool HasPipe { get; }

    /// <summary>False when the text ended inside a quote or substitution (the commands are a best effort).</summary>
    public bool IsComplete { get; }

    // Asked of every script by many rules: nothing is allocated for a script without the command.
    public IEnumerable<ShellCommand> Named(string name) => Uses(name) ? Commands.Where(c => c.Is(name)) : Array.Empty<ShellCommand>();

    public IEnumerable<ShellCommand> Named(params string[] names)
    {
        for (int i = 0; i < Commands.Count; i++)
        {
            if (Commands[i].IsAny(names))
            {
                return Commands.Where(c => c.IsAny(names));
            }
        }
        return Array.Empty<ShellCommand>();
    }

    public bool Uses(string name)
    {
        for (int i = 0; i < Commands.Count; i++)
        {
            if (Commands[i].Is(name))
            {
                return true;
            }
        }
        return false;
    }

    public static ShellScript Parse(string text) => ShellParser.Parse(text, 0);
}
