using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// A build tool's download (and build) cache: which commands fill it, and which mount targets hold it. A RUN whose
/// <c>--mount=type=cache</c> (or tmpfs) target holds it keeps the cache out of the layer and, for a cache mount, reuses
/// it across builds; without one every build downloads everything again.
/// </summary>
public sealed class DependencyCache
{
    private readonly Func<ShellCommand, string?> _use;
    private readonly string[] _fragments;

    // This cache's bit in a step's DependencyCachePrograms, and every cache's programs with their caches' bits: a RUN's
    // commands are looked up once for all nine caches, not compared with each cache's programs nine times.
    private readonly int _bit;
    private static int s_created; // counted by DependencyCaches' static initializer only, so on one thread
    private static readonly Dictionary<string, int> s_cachesByProgram = new(StringComparer.Ordinal);

    /// <param name="tool">The tool's name.</param>
    /// <param name="programs">The programs whose commands can fill the cache: <paramref name="use"/> answers null for any other.</param>
    /// <param name="use">What a command fills the cache with, or null.</param>
    /// <param name="fragments">Parts of a mount target that hold the cache.</param>
    internal DependencyCache(string tool, string[] programs, Func<ShellCommand, string?> use, params string[] fragments)
    {
        Tool = tool;
        _use = use;
        _fragments = fragments;
        _bit = 1 << s_created++;
        foreach (var program in programs)
        {
            s_cachesByProgram.TryGetValue(program, out int bits);
            s_cachesByProgram[program] = bits | _bit;
        }
    }

    /// <summary>cargo, go, maven, gradle, composer, nuget, pnpm, mix, gem.</summary>
    public string Tool { get; }

    /// <summary>Parts of a mount target that hold the cache wherever the home folder is (<c>.cargo</c>, <c>.nuget/packages</c>).</summary>
    public IReadOnlyList<string> TargetFragments => _fragments;

    /// <summary>What the command fills the cache with, as written (<c>cargo build</c>), or null when it does not use the cache.</summary>
    public string? UseBy(ShellCommand command) => _use(command);

    /// <summary>
    /// The first command of the RUN that fills the cache, with what it runs, when no cache or tmpfs mount of the RUN has a
    /// target holding the cache; null when the RUN does not use the cache or mounts it.
    /// </summary>
    public (StepCommand At, string Use)? FirstUnmountedUse(RunStep step) =>
        // The commands first: most RUNs run none of this tool (a name test each, straight over the scripts' commands), and
        // the mounts are read only for one that does. The walk has a method of its own: asked of every RUN for every cache,
        // the answer for a RUN without the tool is a bit test, not the walk's frame.
        RunsAProgram(step) ? FirstUse(step) : null;

    private (StepCommand At, string Use)? FirstUse(RunStep step)
    {
        foreach (var at in step.Commands)
        {
            if (_use(at.Command) is { } use)
            {
                return step.HasCacheMountContaining(tmpfsToo: true, _fragments) ? null : (at, use);
            }
        }
        return null;
    }

    private bool RunsAProgram(RunStep step)
    {
        int caches = step.DependencyCachePrograms;
        if (caches < 0)
        {
            step.DependencyCachePrograms = caches = CachesWhoseProgramsRun(step);
        }
        return (caches & _bit) != 0;
    }

    /// <summary>The bits of the caches one of whose programs some command of the step runs.</summary>
    private static int CachesWhoseProgramsRun(RunStep step)
    {
        int caches = 0;
        var scripts = step.Scripts;
        for (int s = 0; s < scripts.Count; s++)
        {
            var commands = scripts[s].Script.CommandArray;
            for (int i = 0; i < commands.Length; i++)
            {
                if (s_cachesByProgram.TryGetValue(commands[i].Name, out int bits))
                {
                    caches |= bits;
                }
            }
        }
        return caches;
    }

    public override string ToString() => Tool;
}

/// <summary>
/// The dependency caches of the build tools hadolint asks to mount (DL3069–DL3077), each read with its tool's one table of
/// options (<see cref="OtherManagers"/>, <see cref="Go"/>, <see cref="Maven"/>, <see cref="Gradle"/>, <see cref="NuGet"/>,
/// <see cref="Npm"/>, <see cref="Mix"/>, <see cref="Gem"/>).
/// </summary>
public static class DependencyCaches
{
    /// <summary>cargo's registry and git checkouts ($CARGO_HOME: /root/.cargo, /usr/local/cargo on the official rust images).</summary>
    public static readonly DependencyCache Cargo = new("cargo", new[] { "cargo" },
        c => c.Is("cargo") && OtherManagers.CargoSubcommand(c) is { } sub
            && sub is "build" or "b" or "check" or "c" or "test" or "t" or "clippy" or "install" or "fetch"
            ? "cargo " + sub : null,
        ".cargo", "cargo/registry", "cargo/git");

    /// <summary>Go's build cache (/root/.cache/go-build) and module cache ($GOPATH/pkg/mod: /go/pkg/mod on the official golang images).</summary>
    public static readonly DependencyCache GoModules = new("go", new[] { "go" },
        c => c.Is("go") && Go.Positionals(c.Arguments) is { Count: > 0 } p && p[0].Value is "build" or "get" or "install" or "test" or "mod" or "run"
            ? "go " + p[0].Value + (p[0].Value == "mod" && p.Count > 1 ? " " + p[1].Value : "") : null,
        ".cache/go-build", "go/pkg/mod");

    /// <summary>The local Maven repository (~/.m2): dependency goals and the lifecycle phases that resolve dependencies.</summary>
    public static readonly DependencyCache MavenRepository = new("maven", new[] { "mvn", "mvnw" },
        c => c.IsAny("mvn", "mvnw") && Maven.Classify(c) is { } call ? c.Name + " " + call.Verb : null,
        ".m2");

    /// <summary>The Gradle user home (~/.gradle; /home/gradle/.gradle on the official gradle images): any task run.</summary>
    public static readonly DependencyCache GradleHome = new("gradle", new[] { "gradle", "gradlew" },
        c => Gradle.IsGradle(c) && Gradle.Tasks(c) is { Count: > 0 } tasks ? c.Name + " " + tasks[0].Value : null,
        ".gradle");

    /// <summary>Composer's download cache (~/.composer/cache or ~/.cache/composer).</summary>
    public static readonly DependencyCache ComposerCache = new("composer", new[] { "composer" },
        c => c.Is("composer") && OtherManagers.ClassifyComposer(c) is { Op: PackageOp.Install } call ? call.Display : null,
        "composer/cache", ".cache/composer");

    /// <summary>The NuGet global packages folder (~/.nuget/packages): <c>dotnet restore</c>, the builds that restore or read it, <c>nuget restore</c>.</summary>
    public static readonly DependencyCache NuGetPackages = new("nuget", new[] { "dotnet", "nuget" },
        // Every dotnet command of every RUN is asked: the subcommand found in place and answered with a constant.
        c => (c.Is("dotnet")
                ? NuGet.Options.FirstPositional(c.Arguments)?.Value switch
                {
                    "restore" => "dotnet restore",
                    "build" => "dotnet build",
                    "publish" => "dotnet publish",
                    "test" => "dotnet test",
                    _ => null,
                }
                : null)
            ?? (c.Is("nuget") && OptionTable.None.FirstPositional(c.Arguments)?.Value == "restore" ? "nuget restore" : null),
        ".nuget/packages");

    /// <summary>pnpm's content-addressable store (~/.local/share/pnpm/store).</summary>
    public static readonly DependencyCache PnpmStore = new("pnpm", new[] { "pnpm" },
        c => c.Is("pnpm") && Npm.Options.FirstPositional(c.Arguments)?.Value is { } sub
            && sub is "install" or "i" or "add" or "fetch" or "update" or "up"
            ? "pnpm " + sub : null,
        "pnpm");

    /// <summary>Hex's package cache (~/.hex) and mix's archives (~/.mix).</summary>
    public static readonly DependencyCache HexPackages = new("mix", new[] { "mix" },
        c => c.Is("mix") && Mix.Task(c) is { } task && task is "deps.get" or "deps.compile" or "compile" ? "mix " + task : null,
        ".hex", ".mix");

    /// <summary>The downloaded .gem files ($GEM_HOME/cache: /usr/local/bundle/cache on the official ruby images; ~/.gem).</summary>
    public static readonly DependencyCache GemCache = new("gem", new[] { "gem", "bundle", "bundler" },
        c => (c.Is("gem") && Gem.Positionals(c.Arguments).FirstOrDefault()?.Value is "install" or "i" ? "gem install" : null)
            ?? (c.IsAny("bundle", "bundler") && Gem.BundleOptions.FirstPositional(c.Arguments)?.Value is { } sub
                && sub is "install" or "update" ? c.Name + " " + sub : null),
        ".gem", "bundle");
}
