using ContainerOpt.Core.Projects;

namespace ContainerOpt.Analysis.Facts;

/// <summary>
/// What the .NET project and the Dockerfile decide together, computed once: the frameworks the
/// Dockerfile builds, whether the app carries its own runtime, the names it can be started by, and
/// where the project lies in the build context.
/// </summary>
public sealed class DotNetFacts
{
    private Fact<IReadOnlyList<(Version Version, string Tfm)>> _targetFrameworks;
    private Fact<bool> _selfContained;
    private Fact<IReadOnlyList<string>> _outputNames;
    private readonly IReadOnlyList<DotNetCommand> _commands;

    internal DotNetFacts(DockerfileFacts facts, ProjectModel project)
    {
        Project = project;
        var commands = facts.DotNetCommands;
        _commands = commands;
        IsAot = project.PublishAot || commands.WithVerb("publish").Any(p => IsTrue(p.Property("PublishAot")?.Value));
        ProjectFileInContext = string.IsNullOrEmpty(project.ProjectPath) ? null : ContextPaths.RelativeToContext(facts.ContextDirectory, project.ProjectPath);
        ProjectDirectoryInContext = string.IsNullOrEmpty(project.ProjectPath)
            ? null
            : ContextPaths.RelativeToContext(facts.ContextDirectory, ContextPaths.ParentOf(ContextPaths.NormalizeSeparators(project.ProjectPath)));
    }

    public ProjectModel Project { get; }

    /// <summary>The target frameworks the Dockerfile builds: the <c>-f</c> of a publish/build when it has one, else the project's, oldest first.</summary>
    public IReadOnlyList<(Version Version, string Tfm)> TargetFrameworks => _targetFrameworks.Get(this, static d => ComputeTargetFrameworks(d._commands, d.Project));

    /// <summary>
    /// True when the app carries its own runtime: SelfContained or PublishAot in the project, or
    /// <c>--self-contained</c>/<c>--sc</c>/<c>-p:SelfContained=true</c>/<c>-p:PublishAot=true</c> on a publish
    /// (<c>--no-self-contained</c> or <c>--self-contained false</c> turn it off), or <c>-r</c> alone for a target
    /// framework before net8.0, where a RuntimeIdentifier still implied SelfContained.
    /// </summary>
    public bool IsSelfContained => _selfContained.Get(this, static d => ComputeSelfContained(d._commands, d.Project, d.TargetFrameworks));

    /// <summary>True when the app is published with Native AOT (project or <c>-p:PublishAot=true</c>).</summary>
    public bool IsAot { get; }

    /// <summary>The output names the app can be started by: TargetName, AssemblyName, a <c>-p:AssemblyName=</c> override, else the project file's name.</summary>
    public IReadOnlyList<string> OutputNames => _outputNames.Get(this, static d => ComputeOutputNames(d._commands, d.Project));

    /// <summary>The project file relative to the build context, or null when the context is unknown or the project lies outside it.</summary>
    public string? ProjectFileInContext { get; }

    /// <summary>The project folder relative to the build context ("" for the context itself), or null when unknown or outside it.</summary>
    public string? ProjectDirectoryInContext { get; }

    /// <summary>MSBuild's true: <c>true</c> (any case) or <c>1</c>.</summary>
    public static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>MSBuild's false: <c>false</c> (any case) or <c>0</c>.</summary>
    public static bool IsFalse(string? value) => value is not null && (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0");

    private static IReadOnlyList<(Version Version, string Tfm)> ComputeTargetFrameworks(IReadOnlyList<DotNetCommand> commands, ProjectModel project)
    {
        foreach (var command in commands)
        {
            if (!(command.Is("publish") || command.Is("build")))
            {
                continue;
            }
            var framework = command.Resolve(command.Option("f", "framework")?.Value);
            if (framework is not null && ProjectModel.ParseTargetFramework(framework) is { } chosen)
            {
                return new[] { (chosen, framework) };
            }
        }
        // The Dockerfile names none: the project's ContainerOptTargetFramework is the one it publishes, when set.
        if (project.PublishFramework is { Length: > 0 } publish && ProjectModel.ParseTargetFramework(publish) is { } published)
        {
            return new[] { (published, publish.Trim()) };
        }
        var list = new List<(Version, string)>();
        foreach (var tfm in project.TargetFrameworks)
        {
            var v = ProjectModel.ParseTargetFramework(tfm);
            if (v is not null && !list.Any(x => x.Item1 == v))
            {
                list.Add((v, tfm.Trim()));
            }
        }
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    private static bool ComputeSelfContained(IReadOnlyList<DotNetCommand> commands, ProjectModel project, IReadOnlyList<(Version Version, string Tfm)> frameworks)
    {
        bool selfContained = project.SelfContained || project.PublishAot;
        foreach (var publish in commands.WithVerb("publish"))
        {
            var option = publish.Option("self-contained", "sc", "no-self-contained");
            var property = publish.Property("SelfContained");
            if (option is not null)
            {
                selfContained = !option.Name.Equals("no-self-contained", StringComparison.OrdinalIgnoreCase)
                    && !string.Equals(option.Value, "false", StringComparison.OrdinalIgnoreCase);
            }
            else if (property is null && publish.Has("r", "runtime") && frameworks.Count > 0 && frameworks[0].Version.Major < 8)
            {
                // Before net8.0 a RuntimeIdentifier implied SelfContained (NETSDK1179); from net8.0 it no longer does.
                selfContained = true;
            }
            if (IsTrue(property?.Value)) selfContained = true;
            else if (IsFalse(property?.Value)) selfContained = false;
            if (IsTrue(publish.Property("PublishAot")?.Value)) selfContained = true;
        }
        return selfContained;
    }

    private static IReadOnlyList<string> ComputeOutputNames(IReadOnlyList<DotNetCommand> commands, ProjectModel project)
    {
        var names = new List<string>();
        foreach (var command in commands)
        {
            if (!(command.Is("publish") || command.Is("build")))
            {
                continue;
            }
            foreach (var key in new[] { "TargetName", "AssemblyName" })
            {
                var value = command.Property(key)?.Value;
                if (!string.IsNullOrEmpty(value) && !value!.Contains('$')) names.Add(value!);
            }
        }
        if (!string.IsNullOrEmpty(project.TargetName)) names.Add(project.TargetName);
        if (!string.IsNullOrEmpty(project.AssemblyName)) names.Add(project.AssemblyName);
        if (names.Count == 0 && !string.IsNullOrEmpty(project.ProjectPath))
        {
            names.Add(System.IO.Path.GetFileNameWithoutExtension(ContextPaths.NormalizeSeparators(project.ProjectPath)));
        }
        return names.Distinct(StringComparer.Ordinal).ToArray();
    }
}
