namespace ContainerOpt.Images.Builders;

/// <summary>What to run: a program, its arguments as a list (never one shell string), and how to watch it.</summary>
public sealed class ProcessSpec
{
    public ProcessSpec(string fileName, IReadOnlyList<string> arguments)
    {
        FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
        Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments));
    }

    public string FileName { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Variables set for the child on top of this process's environment; a null value removes one.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public string? WorkingDirectory { get; init; }

    /// <summary>Called with each standard-output line as it arrives, in order (not for streamed standard output).</summary>
    public Action<string>? OnStandardOutput { get; init; }

    /// <summary>Called with each standard-error line as it arrives, in order.</summary>
    public Action<string>? OnStandardError { get; init; }

    /// <summary>Stop the process (and everything it started) after this long; null waits forever.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Masks secrets in <see cref="DisplayText"/>; the default shows the arguments as they are.</summary>
    public CommandLineRedactor Redactor { get; init; } = CommandLineRedactor.None;

    /// <summary>The command line for logs and messages, secrets masked.</summary>
    public string DisplayText => Redactor.Display(FileName, Arguments);

    public override string ToString() => DisplayText;
}
