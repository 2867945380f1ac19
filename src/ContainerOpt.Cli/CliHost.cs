using ContainerOpt.Cli.Commands;

namespace ContainerOpt.Cli;

/// <summary>
/// What one run of the CLI talks to: its standard streams and its environment. The tool passes its process' own; the
/// tests pass theirs (a piped standard input, a HOME with a hadolint configuration) to run the CLI in process.
/// </summary>
internal sealed class CliHost
{
    public CliHost(TextWriter stdout, TextWriter stderr)
    {
        Stdout = stdout;
        Stderr = stderr;
    }

    public TextWriter Stdout { get; }

    public TextWriter Stderr { get; }

    /// <summary>Opens standard input (read by <c>lint -</c>).</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    /// <summary>Reads an environment variable (HOME, XDG_CONFIG_HOME… for the user's hadolint configuration).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>The working folder (where <c>layers</c> looks for a .dive-ci file); the tests pass their own.</summary>
    public Func<string> CurrentDirectory { get; init; } = Directory.GetCurrentDirectory;

    /// <summary>How lint spreads its files (the tests compare one file after another with the default).</summary>
    public LintCommand.LintSettings LintSettings { get; init; } = LintCommand.LintSettings.Default;
}
