namespace ContainerOpt.TestSupport;

/// <summary>
/// The ShellCheck the ShellCheck tests need (shellcheck on PATH, as the analysis finds it). Without it they are
/// inconclusive with the reason, unless CONTAINEROPT_REQUIRE_SHELLCHECK=1 (set by build/test.sh after installing
/// it), where a missing ShellCheck fails them so CI never goes green by skipping.
/// </summary>
public static class ShellCheckInstalled
{
    private static readonly Lazy<string?> LazyUnavailableReason = new(Probe);

    /// <summary>Why there is no usable shellcheck, or null when one answers.</summary>
    public static string? UnavailableReason => LazyUnavailableReason.Value;

    public static void Require()
    {
        string? reason = UnavailableReason;
        if (reason is null) return;
        string message = $"ShellCheck is not available: {reason}. Install it with: apt-get install -y shellcheck (build/test.sh does).";
        if (Environment.GetEnvironmentVariable("CONTAINEROPT_REQUIRE_SHELLCHECK") == "1")
            Assert.Fail(message);
        Assert.Inconclusive(message);
    }

    private static string? Probe()
    {
        try
        {
            ProcessResult result = ProcessResult.Run("shellcheck", new[] { "--version" }, TimeSpan.FromSeconds(30));
            return result.ExitCode == 0 ? null : $"'shellcheck --version' exited {result.ExitCode}: {result.StandardError.Trim()}";
        }
        catch (Exception e)
        {
            return $"cannot run 'shellcheck': {e.Message}";
        }
    }
}
