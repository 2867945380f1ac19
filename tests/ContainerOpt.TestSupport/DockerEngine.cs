using System.Diagnostics;
using System.Text;

namespace ContainerOpt.TestSupport;

/// <summary>
/// The real Docker engine the image tests use: the one build/docker-env.sh starts (DOCKER_HOST and
/// CONTAINEROPT_DOCKER come from its exports). Tests call <see cref="Require"/>: without an engine
/// they are inconclusive with the reason, unless CONTAINEROPT_REQUIRE_DOCKER=1 (set by build/test.sh
/// after starting the engine), where a missing engine fails them so CI never goes green by skipping.
/// </summary>
public static class DockerEngine
{
    private static readonly Lazy<string?> LazyUnavailableReason = new(ProbeEngine);

    /// <summary>The docker client: $CONTAINEROPT_DOCKER, else /usr/bin/docker (Debian's 20.10 client builds with BuildKit without buildx), else docker on PATH.</summary>
    public static string Client
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("CONTAINEROPT_DOCKER");
            if (!string.IsNullOrEmpty(configured)) return configured;
            return File.Exists("/usr/bin/docker") ? "/usr/bin/docker" : "docker";
        }
    }

    /// <summary>Why there is no usable engine, or null when one answers.</summary>
    public static string? UnavailableReason => LazyUnavailableReason.Value;

    public static void Require()
    {
        string? reason = UnavailableReason;
        if (reason is null) return;
        string message = $"No Docker engine: {reason}. Start one with: eval \"$(bash build/docker-env.sh start)\"";
        if (Environment.GetEnvironmentVariable("CONTAINEROPT_REQUIRE_DOCKER") == "1")
            Assert.Fail(message);
        Assert.Inconclusive(message);
    }

    /// <summary>Runs the client with an argument list (never a shell string) and captures its output.</summary>
    public static ProcessResult Run(IEnumerable<string> arguments, TimeSpan? timeout = null, string? workingDirectory = null, IDictionary<string, string>? environment = null) =>
        ProcessResult.Run(Client, arguments, timeout ?? TimeSpan.FromMinutes(10), workingDirectory, environment);

    public static ProcessResult Run(params string[] arguments) => Run((IEnumerable<string>)arguments);

    /// <summary>Runs and fails the test with the output when the exit code is not 0.</summary>
    public static ProcessResult RunChecked(params string[] arguments)
    {
        ProcessResult result = Run(arguments);
        if (result.ExitCode != 0)
            Assert.Fail($"docker {string.Join(" ", arguments)} exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        return result;
    }

    /// <summary>
    /// Builds a Dockerfile given as text in an empty context (<c>--network=none --no-cache</c>, untagged: build/test.sh
    /// prunes the dangling result), with BuildKit or the classic builder, and returns the client's result.
    /// </summary>
    public static ProcessResult BuildDockerfile(string dockerfile, bool buildKit = true, bool plainProgress = false)
    {
        string context = Path.Combine(Path.GetTempPath(), "copt-engine-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        try
        {
            File.WriteAllText(Path.Combine(context, "Dockerfile"), dockerfile);
            var arguments = new List<string> { "build", "--network=none", "--no-cache" };
            if (plainProgress)
                arguments.Add("--progress=plain");
            arguments.Add(context);
            return Run(arguments, TimeSpan.FromMinutes(5), environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = buildKit ? "1" : "0" });
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    /// <summary>Removes an image, ignoring a missing one.</summary>
    public static void RemoveImage(string reference) => Run("image", "rm", "-f", reference);

    private static string? ProbeEngine()
    {
        try
        {
            ProcessResult result = Run(new[] { "version", "--format", "{{.Server.Version}}" }, TimeSpan.FromSeconds(30));
            if (result.ExitCode != 0)
                return $"'{Client} version' exited {result.ExitCode}: {result.StandardError.Trim()}";
            return null;
        }
        catch (Exception e)
        {
            return $"cannot run '{Client}': {e.Message}";
        }
    }
}

/// <summary>Exit code and captured output of a finished process.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string Output => StandardOutput + StandardError;

    /// <summary>Runs <paramref name="program"/> with an argument list (never a shell string) and captures its output.</summary>
    public static ProcessResult Run(string program, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory = null, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var pair in environment) start.Environment[pair.Key] = pair.Value;
        return Run(start, timeout);
    }

    public static ProcessResult Run(ProcessStartInfo start, TimeSpan timeout)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            process.WaitForExit();
            throw new TimeoutException($"{start.FileName} {string.Join(" ", start.ArgumentList)} did not finish within {timeout}:\n{stdout}\n{stderr}");
        }
        process.WaitForExit();
        return new ProcessResult(process.ExitCode, stdout.ToString(), stderr.ToString(), watch.Elapsed);
    }
}
