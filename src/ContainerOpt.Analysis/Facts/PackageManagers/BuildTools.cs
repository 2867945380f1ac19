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
                return command.HasFlag("no-restore") ? null : PackageManagers.Call("nuget", PackageOp.Build, command, "dotnet", command.Arguments, p, 1);
            case "tool" when p.Count > 1 && p[1].Value is "install" or "update" or "restore":
                return PackageManagers.Call("nuget", PackageOp.Install, command, "dotnet", command.Arguments, p, 2);
            case "nuget" when p.Count > 2 && p[1].Value == "locals" && command.HasFlag("c", "clear"):
                // dotnet nuget locals all --clear: the cache named is the operand.
                var call = PackageManagers.Call("nuget", PackageOp.Clean, command, "dotnet", command.Arguments, p, 3);
                return new PackageCall(call.Manager, call.Op, command, call.Display + " --clear", call.Verb, call.Arguments, p, p.Skip(2).ToArray());
        }
        return null;
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
        new("maven", op, command, command.Name + " " + goal, goal, command.Arguments, positionals, positionals);
}

/// <summary>cargo and composer, whose command lines read alike for what matters here.</summary>
public static class OtherManagers
{
    internal static PackageCall? ClassifyCargo(ShellCommand command) =>
        PackageManagers.Simple(command, "cargo", OptionTable.None, install: new[] { "fetch", "install" }, remove: new[] { "uninstall" });

    internal static PackageCall? ClassifyComposer(ShellCommand command) =>
        PackageManagers.Simple(command, "composer", OptionTable.None, install: new[] { "install", "update", "require" }, remove: new[] { "remove" }, cleanFirst: "clear-cache");
}
