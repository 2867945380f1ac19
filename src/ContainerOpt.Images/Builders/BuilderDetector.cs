using System.Runtime.InteropServices;
using ContainerOpt.Core.Diagnostics;

namespace ContainerOpt.Images.Builders;

/// <summary>
/// Finds the builder to use: the docker client ($CONTAINEROPT_DOCKER, else docker on PATH) or podman on
/// PATH, checks that its engine answers (with a short timeout), and decides BuildKit or the legacy builder.
/// Failures are <see cref="ImageBuilderException"/>s: COPT0011 nothing installed, COPT0012 engine not answering.
/// </summary>
public static class BuilderDetector
{
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(20);

    public static BuilderInfo Detect(BuilderPreference preference) => Detect(preference, new Dictionary<string, string?>());

    /// <summary>
    /// Finds a builder. Auto prefers docker, then podman. <paramref name="environment"/> holds variables on top of
    /// this process's environment (a null value removes one): PATH, CONTAINEROPT_DOCKER, DOCKER_HOST,
    /// DOCKER_BUILDKIT ...; they are looked at here and passed to every builder command. The engine may take
    /// <paramref name="probeTimeout"/> (default 20 s) to answer.
    /// </summary>
    public static BuilderInfo Detect(BuilderPreference preference, IReadOnlyDictionary<string, string?> environment, TimeSpan? probeTimeout = null)
    {
        var env = new EnvironmentView(environment);
        TimeSpan timeout = probeTimeout ?? DefaultProbeTimeout;
        var searched = new List<string>();

        string? docker = preference == BuilderPreference.Podman ? null : FindDocker(env, searched);
        string? podman = preference is BuilderPreference.Docker or BuilderPreference.Buildx ? null : FindOnPath("podman", env, searched);

        if (docker is null && podman is null)
        {
            throw ImageBuilderException.Create(DiagnosticCatalog.BuilderNotFound, "searched " + string.Join("; ", searched));
        }

        ImageBuilderException? dockerFailure = null;
        if (docker is not null)
        {
            try
            {
                return ProbeDocker(docker, preference, env, timeout);
            }
            catch (ImageBuilderException e) when (preference == BuilderPreference.Auto && podman is not null)
            {
                dockerFailure = e; // Auto: podman may still answer
            }
        }

        BuilderInfo info;
        try
        {
            info = ProbePodman(podman!, env, timeout);
        }
        catch (ImageBuilderException) when (dockerFailure is not null)
        {
            throw dockerFailure; // docker is the preferred one: its reason is the one to fix
        }
        if (dockerFailure is null) return info;
        return new BuilderInfo(info.Kind, info.ExecutablePath, info.EngineVersion, info.EnginePlatform)
        {
            ClientVersion = info.ClientVersion,
            Environment = info.Environment,
            Notes = info.Notes.Concat(new[] { "docker skipped: " + dockerFailure.Message }).ToArray(),
        };
    }

    private static BuilderInfo ProbeDocker(string docker, BuilderPreference preference, EnvironmentView env, TimeSpan timeout)
    {
        ProcessResult version = Probe(docker, new[] { "version", "--format", "{{.Client.Version}}|{{.Server.Version}}|{{.Server.Os}}/{{.Server.Arch}}" }, env, timeout);
        string[] fields = FirstLine(version.StandardOutput).Split('|');
        string? clientVersion = fields.Length > 0 && fields[0].Length > 0 ? fields[0] : null;
        if (!version.Succeeded || fields.Length < 3 || fields[1].Length == 0)
        {
            throw ImageBuilderException.Create(DiagnosticCatalog.DaemonUnavailable, docker, Reason(version, timeout));
        }
        string engineVersion = fields[1];
        string platform = PlatformName.Normalize(fields[2]);

        bool hasBuildx = Probe(docker, new[] { "buildx", "version" }, env, timeout).Succeeded;
        var notes = new List<string>();
        BuilderKind kind;
        if (preference == BuilderPreference.Buildx)
        {
            if (!hasBuildx)
            {
                throw ImageBuilderException.Create(DiagnosticCatalog.BuilderNotFound,
                    $"'{docker} buildx version' failed: the buildx plugin is not installed for this docker client (ContainerOptBuilder=buildx asks for it; install docker-buildx, or use docker)");
            }
            kind = BuilderKind.Buildx;
        }
        else
        {
            kind = ChooseDockerBuilder(docker, clientVersion, platform, hasBuildx, env, notes);
        }

        return new BuilderInfo(kind, docker, engineVersion, platform)
        {
            ClientVersion = clientVersion,
            HasBuildx = hasBuildx,
            Environment = env.Overrides,
            Notes = notes,
        };
    }

    /// <summary>DOCKER_BUILDKIT decides when set; otherwise BuildKit wherever the client and daemon can use it.</summary>
    private static BuilderKind ChooseDockerBuilder(string docker, string? clientVersion, string platform, bool hasBuildx, EnvironmentView env, List<string> notes)
    {
        // From docker 23 on, `docker build` with BuildKit is buildx: without the plugin only the legacy builder works.
        bool clientNeedsBuildx = MajorVersion(clientVersion) >= 23;
        bool buildKitPossible = !platform.StartsWith("windows/", StringComparison.Ordinal) && (!clientNeedsBuildx || hasBuildx);
        string? setting = env.GetNonEmpty("DOCKER_BUILDKIT");
        if (setting is not null)
        {
            bool wantsBuildKit = setting.Trim() is "1" || setting.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            if (!wantsBuildKit)
            {
                notes.Add($"DOCKER_BUILDKIT={setting}: the legacy builder");
                return BuilderKind.DockerLegacy;
            }
            if (!buildKitPossible)
            {
                throw ImageBuilderException.Create(DiagnosticCatalog.BuilderNotFound,
                    $"DOCKER_BUILDKIT={setting} asks for BuildKit, but the docker client {clientVersion} at {docker} needs the buildx plugin for it and 'docker buildx version' failed (install docker-buildx, or set DOCKER_BUILDKIT=0 for the legacy builder)");
            }
            notes.Add($"DOCKER_BUILDKIT={setting}: BuildKit");
            return BuilderKind.DockerBuildKit;
        }
        if (!buildKitPossible)
        {
            notes.Add(clientNeedsBuildx
                ? $"the docker client {clientVersion} needs the buildx plugin for BuildKit and it is missing: the legacy builder"
                : $"the engine ({platform}) has no BuildKit: the legacy builder");
            return BuilderKind.DockerLegacy;
        }
        return BuilderKind.DockerBuildKit;
    }

    private static BuilderInfo ProbePodman(string podman, EnvironmentView env, TimeSpan timeout)
    {
        ProcessResult info = Probe(podman, new[] { "info", "--format", "{{.Version.Version}}|{{.Host.OS}}/{{.Host.Arch}}" }, env, timeout);
        string[] fields = FirstLine(info.StandardOutput).Split('|');
        if (!info.Succeeded || fields.Length < 2 || fields[0].Length == 0)
        {
            throw ImageBuilderException.Create(DiagnosticCatalog.DaemonUnavailable, podman, Reason(info, timeout));
        }
        return new BuilderInfo(BuilderKind.Podman, podman, fields[0], PlatformName.Normalize(fields[1]))
        {
            ClientVersion = fields[0],
            Environment = env.Overrides,
        };
    }

    private static ProcessResult Probe(string program, string[] arguments, EnvironmentView env, TimeSpan timeout)
    {
        var spec = new ProcessSpec(program, arguments) { Environment = env.Overrides, Timeout = timeout };
        try
        {
            return ProcessRunner.Run(spec);
        }
        catch (ProcessStartException e)
        {
            throw ImageBuilderException.Create(e, DiagnosticCatalog.BuilderNotFound, e.Message);
        }
    }

    private static string Reason(ProcessResult result, TimeSpan timeout)
    {
        if (result.TimedOut)
        {
            return $"no answer within {timeout.TotalSeconds:0} s";
        }
        string stderr = string.Join(" ", result.StandardError.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        return stderr.Length > 0 ? stderr : $"exit code {result.ExitCode}, no message";
    }

    private static string? FindDocker(EnvironmentView env, List<string> searched)
    {
        string? configured = env.GetNonEmpty("CONTAINEROPT_DOCKER");
        if (configured is not null)
        {
            if (File.Exists(configured)) return configured;
            string? onPath = Path.IsPathRooted(configured) ? null : FindOnPath(configured, env, new List<string>());
            if (onPath is not null) return onPath;
            searched.Add($"CONTAINEROPT_DOCKER={configured} (no such file)");
        }
        else
        {
            searched.Add("CONTAINEROPT_DOCKER (not set)");
        }
        return FindOnPath("docker", env, searched);
    }

    private static string? FindOnPath(string program, EnvironmentView env, List<string> searched)
    {
        string path = env.Get("PATH") ?? "";
        bool windows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        string[] extensions = windows
            ? (env.Get("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries)
            : new[] { "" };
        string[] directories = path.Split(new[] { Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
        foreach (string directory in directories)
        {
            foreach (string extension in extensions)
            {
                string candidate;
                try
                {
                    candidate = Path.Combine(directory.Trim('"'), program + extension);
                }
                catch (ArgumentException)
                {
                    continue;
                }
                if (File.Exists(candidate)) return candidate;
            }
        }
        searched.Add(directories.Length == 0 ? $"{program} on PATH (PATH is empty)" : $"{program} on PATH ({string.Join(Path.PathSeparator.ToString(), directories)})");
        return null;
    }

    private static string FirstLine(string text)
    {
        int newline = text.IndexOf('\n');
        return (newline < 0 ? text : text.Substring(0, newline)).Trim();
    }

    private static int MajorVersion(string? version)
    {
        if (version is null) return 0;
        int dot = version.IndexOf('.');
        return int.TryParse(dot < 0 ? version : version.Substring(0, dot), out int major) ? major : 0;
    }
}
