namespace ContainerOpt.Cli;

/// <summary>A command line that cannot be run; printed with usage, exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message) : base(message) { }
}
