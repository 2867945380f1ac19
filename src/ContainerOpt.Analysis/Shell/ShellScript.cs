namespace ContainerOpt.Analysis.Shell;

/// <summary>A parsed shell script (a RUN command line or a heredoc body): its simple commands in order.</summary>
public sealed class ShellScript
{
    internal ShellScript(string text, IReadOnlyList<ShellCommand> commands, bool hasPipe, bool complete)
    {
        Text = text;
        Commands = commands;
        HasPipe = hasPipe;
        IsComplete = complete;
    }

    public static ShellScript Empty { get; } = new("", Array.Empty<ShellCommand>(), false, true);

    public string Text { get; }

    /// <summary>Every simple command, nested ones (<c>$(...)</c>, <c>sh -c</c>, subshells) included, in source order.</summary>
    public IReadOnlyList<ShellCommand> Commands { get; }

    /// <summary>True when any command's output is piped into another.</summary>
    public bool HasPipe { get; }

    /// <summary>False when the text ended inside a quote or substitution (the commands are a best effort).</summary>
    public bool IsComplete { get; }

    public IEnumerable<ShellCommand> Named(string name) => Commands.Where(c => c.Is(name));

    public IEnumerable<ShellCommand> Named(params string[] names) => Commands.Where(c => c.IsAny(names));

    public bool Uses(string name) => Commands.Any(c => c.Is(name));

    public static ShellScript Parse(string text) => ShellParser.Parse(text, 0);
}
