using System.Diagnostics;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Podman;

/// <summary>
/// The podman that build/docker-env.sh sets up beside dockerd: a private store and config under
/// $CONTAINEROPT_PODMAN_STATE (default /var/lib/containeropt-podman), selected by CONTAINERS_CONF and
/// CONTAINERS_STORAGE_CONF, which the tests pass explicitly (to the detector, hence to every builder command).
/// The script writes "ready" or "unavailable: why" to status; tests are inconclusive with that reason, or fail
/// when CONTAINEROPT_REQUIRE_PODMAN=1.
/// </summary>
internal static class PodmanEngine
{
    public const string Client = "/usr/bin/podman";

    private static readonly Lazy<string?> LazyUnavailableReason = new(Probe);

    public static string StateDirectory =>
        Environment.GetEnvironmentVariable("CONTAINEROPT_PODMAN_STATE") is { Length: > 0 } state ? state : "/var/lib/containeropt-podman";

    /// <summary>The variables that select the private store; given to the detector as overrides.</summary>
    public static IReadOnlyDictionary<string, string?> Variables => new Dictionary<string, string?>
    {
        ["CONTAINERS_CONF"] = Path.Combine(StateDirectory, "containers.conf"),
        ["CONTAINERS_STORAGE_CONF"] = Path.Combine(StateDirectory, "storage.conf"),
    };

    public static void Require()
    {
        string? reason = LazyUnavailableReason.Value;
        if (reason is null) return;
        string message = $"No podman: {reason}. Set it up with: eval \"$(bash build/docker-env.sh start)\"";
        if (System.Environment.GetEnvironmentVariable("CONTAINEROPT_REQUIRE_PODMAN") == "1") Assert.Fail(message);
        Assert.Inconclusive(message);
    }

    /// <summary>Runs podman on the private store with an argument list and captures its output.</summary>
    public static ProcessResult Run(params string[] arguments) =>
        ProcessResult.Run(Client, arguments, TimeSpan.FromMinutes(5), environment: Variables.ToDictionary(p => p.Key, p => p.Value!));

    public static ProcessResult RunChecked(params string[] arguments)
    {
        ProcessResult result = Run(arguments);
        if (result.ExitCode != 0) Assert.Fail($"podman {string.Join(" ", arguments)} exited {result.ExitCode}:\n{result.Output}");
        return result;
    }

    public static void RemoveImage(string reference) => Run("image", "rm", "-f", reference);

    private static string? Probe()
    {
        if (!File.Exists(Client)) return "podman not installed";
        string status = Path.Combine(StateDirectory, "status");
        if (!File.Exists(status)) return $"{status} does not exist (docker-env.sh start has not set podman up)";
        string text = File.ReadAllText(status).Trim();
        return text == "ready" ? null : text;
    }
}
