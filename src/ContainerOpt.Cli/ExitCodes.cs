namespace ContainerOpt.Cli;

/// <summary>Exit codes scripts rely on (contract.md).</summary>
public static class ExitCodes
{
    /// <summary>No error-severity finding.</summary>
    public const int Success = 0;

    /// <summary>At least one error-severity finding.</summary>
    public const int Findings = 1;

    /// <summary>Usage or I/O problem.</summary>
    public const int UsageOrIo = 2;
}
