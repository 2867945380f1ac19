using ContainerOpt.Analysis.Shell;

namespace ContainerOpt.Analysis.Facts;

/// <summary>The dotnet CLI as NuGet's client (restore, tool install, builds that restore on the way).</summary>
public static class NuGet
{
    public static readonly OptionTable Options = new(
        "c", "configuration", "o", "output", "r", "runtime", "f", "framework", "s", "source", "packages", "v", "verbosity", "p",
        "property", "a", "arch", "os", "version", "tool-path", "configfile", "add-source");

    internal static PackageCall? Classify(ShellCommand command)
    {
        var p = Options.Positionals(command.Arguments);
        if (p.Count == 0) return null;
        switch (p[0].Value)
        {
            case "restore":
                return PackageManagers.Call("nuget", PackageOp.Install, command, "dotnet", command.Arguments, p, 1);
            case "build":
            case "publish":
            case "test":
            case "pack":
            case "run":
                // --no-build implies --no-restore (dotnet publish/pack/test/run documentation).
                return command.HasFlag("no-restore", "no-build") ? null : PackageManagers.Call("nuget", PackageOp.Build, command, "dotnet", command.Arguments, p, 1);
            case "tool" when p.Count > 1 && p[1].Value is "install" or "update" or "restore":
                return PackageManagers.Call("nuget", PackageOp.Install, command, "dotnet", command.Arguments, p, 2);
            case "nuget" when p.Count > 2 && p[1].Value == "locals" && command.HasFlag("c", "clear"):
                // dotnet nuget locals all --clear: the cache named is the operand.
                var call = PackageManagers.Call("nuget", PackageOp.Clean, command, "dotnet", command.Arguments, p, 3);
                return new PackageCall(call.Manager, call.Op, command, "dotnet", call.Verb, call.Arguments, p, p.Skip(2).ToArray(), display: call.Display + " --clear");
        }
        return null;
    }

    /// <summary>
    /// True for a <c>dotnet build/publish/test/pack/run</c> that restores nothing new: an explicit <c>dotnet restore</c> ran
    /// before it in the same stage (or a stage it is built on), so its packages are on disk already.
    /// </summary>
    public static bool RestoredBefore(RunSteps steps, RunStep step, StepCommand at)
    {
        if (step.CallAt(at) is not { Manager: "nuget", Op: PackageOp.Build } || step.Instruction.Stage is not { } stage)
        {
            return false;
        }
        foreach (var instruction in stage.ChainInstructions)
        {
            if (steps.Find(instruction) is not { IsOnbuild: false } earlier)
            {
                continue;
            }
            foreach (var command in earlier.Commands)
            {
                if (ReferenceEquals(earlier, step) && command.Order >= at.Order)
                {
                    return false;
                }
                if (earlier.CallAt(command) is { Manager: "nuget", Op: PackageOp.Install, Verb: "restore" })
                {
                    return true;
                }
            }
            if (ReferenceEquals(earlier, step))
            {
                return false;
            }
        }
        return false;
    }
}

/// <summary>Maven (<c>mvn</c>, <c>mvnw</c>): dependency goals download, lifecycle phases build.</summary>
public static class Maven
{
    public static readonly OptionTable Options = new("f", "file", "s", "settings", "P", "activate-profiles", "pl", "projects", "T", "threads", "D");

    internal static PackageCall? Classify(ShellCommand command)
    {
        var positionals = Options.Positionals(command.Arguments);
        PackageCall? build = null;
        foreach (var goal in positionals)
        {
            string g = goal.Value;
            if (g.StartsWith("dependency:", StringComparison.Ordinal) || g.StartsWith("org.apache.maven.plugins:maven-dependency-plugin", StringComparison.Ordinal))
            {
                return Goal(PackageOp.Install, command, g, positionals);
            }
            if (build is null && g is "compile" or "test" or "package" or "verify" or "install" or "deploy")
            {
                build = Goal(PackageOp.Build, command, g, positionals);
            }
        }
        return build;
    }

    private static PackageCall Goal(PackageOp op, ShellCommand command, string goal, IReadOnlyList<ShellWord> positionals) =>
        new("maven", op, command, command.Name, goal, command.Arguments, positionals, positionals);
}

/// <summary>cargo and composer, whose command lines read alike for what matters here.</summary>
public static class OtherManagers
{
    /// <summary>cargo's options that take a value: global ones (<c>--config</c>, <c>-Z</c>) and those of build, install, fetch, test.</summary>
    public static readonly OptionTable CargoOptions = new(
        "config", "color", "Z", "C", "p", "package", "j", "jobs", "F", "features", "target", "target-dir", "manifest-path", "bin",
        "example", "test", "bench", "profile", "root", "version", "git", "branch", "tag", "rev", "path", "registry", "index",
        "message-format", "exclude", "lockfile-path");

    /// <summary>cargo's subcommand (<c>build</c> in <c>cargo +nightly --locked build</c>), or null.</summary>
    public static string? CargoSubcommand(ShellCommand command) =>
        CargoOptions.Positionals(command.Arguments).FirstOrDefault(w => !w.Value.StartsWith("+", StringComparison.Ordinal))?.Value;

    internal static PackageCall? ClassifyCargo(ShellCommand command) =>
        PackageManagers.Simple(command, "cargo", CargoOptions, install: new[] { "fetch", "install" }, remove: new[] { "uninstall" });

    internal static PackageCall? ClassifyComposer(ShellCommand command) =>
        PackageManagers.Simple(command, "composer", OptionTable.None, install: new[] { "install", "update", "require" }, remove: new[] { "remove" }, cleanFirst: "clear-cache");
}

/// <summary>Gradle (<c>gradle</c>, the <c>gradlew</c> wrapper): every task run resolves dependencies into the Gradle user home.</summary>
public static class Gradle
{
    /// <summary>Gradle's options that take a value as the next word.</summary>
    public static readonly OptionTable Options = new(
        "p", "project-dir", "b", "build-file", "c", "settings-file", "g", "gradle-user-home", "x", "exclude-task", "I", "init-script",
        "console", "warning-mode", "max-workers", "priority", "project-cache-dir", "include-build", "D", "P");

    /// <summary>True for gradle or a gradlew wrapper (<c>./gradlew</c>, <c>/app/gradlew</c>).</summary>
    public static bool IsGradle(ShellCommand command) => command.IsAny("gradle", "gradlew");

    /// <summary>The tasks a gradle command runs (<c>build</c>, <c>:app:test</c>); none for <c>gradle --version</c>.</summary>
    public static IReadOnlyList<ShellWord> Tasks(ShellCommand command) => Options.Positionals(command.Arguments);
}

/// <summary>Elixir's mix: <c>deps.get</c> fetches packages through Hex, <c>compile</c> and <c>deps.compile</c> build them.</summary>
public static class Mix
{
    /// <summary>mix's task: the first word that is not an option (mix has no global option that takes a value).</summary>
    public static string? Task(ShellCommand command) => OptionTable.None.Positionals(command.Arguments).FirstOrDefault()?.Value;
}
