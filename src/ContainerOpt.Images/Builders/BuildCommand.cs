namespace ContainerOpt.Images.Builders;

/// <summary>The exact command a build runs: program, argument list, environment, and how to show it safely.</summary>
public sealed class BuildCommand
{
    public BuildCommand(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> environment, CommandLineRedactor redactor)
    {
        FileName = fileName;
        Arguments = arguments;
        Environment = environment;
        Redactor = redactor;
    }

    public string FileName { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The builder's environment plus what this build sets (DOCKER_BUILDKIT, secret build-arg values).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; }

    public CommandLineRedactor Redactor { get; }

    public string DisplayText => Redactor.Display(FileName, Arguments);

    public override string ToString() => DisplayText;
}
