using System.Text;
using System.Text.RegularExpressions;
using ContainerOpt.Core.Projects;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Analysis.Rules.DotNet;

/// <summary>A source of a COPY/ADD taken from the build context (not <c>--from</c>, not a URL or heredoc).</summary>
internal sealed class ContextSource
{
    public ContextSource(StageInstruction instruction, SyntaxToken token, string path)
    {
        Instruction = instruction;
        Token = token;
        Path = path;
    }

    public StageInstruction Instruction { get; }

    /// <summary>The source word as written.</summary>
    public SyntaxToken Token { get; }

    /// <summary>Expanded, relative to the context, '/'-separated, cleaned: "" is the whole context.</summary>
    public string Path { get; }

    /// <summary>True for <c>.</c>, <c>./</c>, <c>*</c>, <c>/</c>: the whole build context.</summary>
    public bool IsWholeContext => Path.Length == 0 || Path == "*";
}

/// <summary>What the .NET rules derive from the project and the Dockerfile together.</summary>
internal static class DotNetBuild
{
    /// <summary>The target frameworks the Dockerfile builds: the <c>-f</c> of a publish/build when it has one, else the project's.</summary>
    public static IReadOnlyList<(Version Version, string Tfm)> TargetFrameworks(RuleContext context, IReadOnlyList<DotNetCommand> commands, ProjectModel project)
    {
        foreach (var command in commands)
        {
            if (!(command.Is("publish") || command.Is("build")))
            {
                continue;
            }
            var framework = command.Resolve(context, command.Option("f", "framework")?.Value);
            if (framework is not null && ProjectModel.ParseTargetFramework(framework) is { } chosen)
            {
                return new[] { (chosen, framework) };
            }
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

    /// <summary>
    /// True when the app carries its own runtime: SelfContained or PublishAot in the project, or
    /// <c>--self-contained</c>/<c>--sc</c>/<c>-p:SelfContained=true</c>/<c>-p:PublishAot=true</c> on a publish
    /// (<c>--no-self-contained</c> or <c>--self-contained false</c> turn it off), or <c>-r</c> alone for a target
    /// framework before net8.0, where a RuntimeIdentifier still implied SelfContained.
    /// </summary>
    public static bool IsSelfContained(RuleContext context, IReadOnlyList<DotNetCommand> commands, ProjectModel project)
    {
        bool selfContained = project.SelfContained || project.PublishAot;
        var frameworks = TargetFrameworks(context, commands, project);
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

    /// <summary>True when the app is published with Native AOT (project or <c>-p:PublishAot=true</c>).</summary>
    public static bool IsAot(IReadOnlyList<DotNetCommand> commands, ProjectModel project) =>
        project.PublishAot || commands.WithVerb("publish").Any(p => IsTrue(p.Property("PublishAot")?.Value));

    /// <summary>The output names the app can be started by: TargetName, AssemblyName, a <c>-p:AssemblyName=</c> override, else the project file's name.</summary>
    public static IReadOnlyList<string> OutputNames(IReadOnlyList<DotNetCommand> commands, ProjectModel project)
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
            names.Add(System.IO.Path.GetFileNameWithoutExtension(NormalizeSeparators(project.ProjectPath)));
        }
        return names.Distinct(StringComparer.Ordinal).ToArray();
    }

    public static bool IsTrue(string? value) => value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    public static bool IsFalse(string? value) => value is not null && (value.Equals("false", StringComparison.OrdinalIgnoreCase) || value == "0");

    /// <summary>The final stage: the image <c>docker build</c> produces without <c>--target</c>.</summary>
    public static Stage? FinalStage(RuleContext context) => context.Model.FinalStage;

    /// <summary>The value of an ENV variable at the end of the stage (inherited through FROM stage included), or null.</summary>
    public static string? EnvAtEnd(Stage stage, string name) =>
        stage.FinalScope.KindOf(name) == VariableKind.Env && stage.FinalScope.TryGetValue(name, out var value) ? value : null;

    /// <summary>The effective instructions of a kind across the stage chain that makes up <paramref name="stage"/>.</summary>
    public static IEnumerable<StageInstruction> InstructionsOf(Stage stage, InstructionKind kind) =>
        stage.Chain.SelectMany(s => s.Instructions).Where(i => i.Syntax.Kind == kind);

    // ---- paths ------------------------------------------------------------------------------

    public static string NormalizeSeparators(string path) => path.Replace('\\', '/');

    /// <summary>
    /// A full path as a path relative to the build context ('/'-separated, "" for the context itself),
    /// or null when the context is unknown or the path lies outside it.
    /// </summary>
    public static string? RelativeToContext(RuleContext context, string? fullPath)
    {
        string? root = context.ContextDirectory;
        if (string.IsNullOrEmpty(root) || string.IsNullOrEmpty(fullPath))
        {
            return null;
        }
        string r = Context.DockerIgnore.CleanPath(NormalizeSeparators(root!));
        string p = Context.DockerIgnore.CleanPath(NormalizeSeparators(fullPath!));
        var comparison = IsWindowsPath(r) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(r, p, comparison))
        {
            return "";
        }
        string prefix = r.EndsWith("/", StringComparison.Ordinal) ? r : r + "/";
        return p.StartsWith(prefix, comparison) ? p.Substring(prefix.Length) : null;
    }

    /// <summary>The project folder relative to the context, or null when unknown or outside it.</summary>
    public static string? ProjectDirectoryInContext(RuleContext context, ProjectModel project) =>
        string.IsNullOrEmpty(project.ProjectPath) ? null : RelativeToContext(context, ParentOf(NormalizeSeparators(project.ProjectPath)));

    public static string ParentOf(string path)
    {
        string p = path.TrimEnd('/');
        int slash = p.LastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : p.Substring(0, slash);
    }

    /// <summary>The COPY/ADD sources of an instruction that come from the build context, expanded and cleaned.</summary>
    public static IReadOnlyList<ContextSource> ContextSources(RuleContext context, StageInstruction instruction)
    {
        var syntax = instruction.Syntax;
        if (syntax.Kind is not (InstructionKind.Copy or InstructionKind.Add) || syntax.FindFlag("from") is not null || syntax.Arguments.Count < 2)
        {
            return Array.Empty<ContextSource>();
        }
        var heredocNames = new HashSet<string>(syntax.Heredocs.Select(h => h.Name), StringComparer.Ordinal);
        var result = new List<ContextSource>();
        for (int i = 0; i < syntax.Arguments.Count - 1; i++)
        {
            var token = syntax.Arguments[i];
            string raw = token.Value;
            if (raw.StartsWith("<<", StringComparison.Ordinal) || heredocNames.Contains(raw)
                || raw.Contains("://", StringComparison.Ordinal) || raw.StartsWith("git@", StringComparison.Ordinal))
            {
                continue;
            }
            var expanded = context.Model.Expand(instruction, raw);
            if (expanded.Error is not null)
            {
                continue;
            }
            result.Add(new ContextSource(instruction, token, CleanSource(expanded.Result)));
        }
        return result;
    }

    /// <summary>A COPY source as a context path: leading "./" and "/" dropped, "." and ".." resolved ("" for the whole context).</summary>
    public static string CleanSource(string source)
    {
        string c = Context.DockerIgnore.CleanPath(NormalizeSeparators(source)).TrimStart('/');
        return c == "." ? "" : c;
    }

    /// <summary>
    /// True when a COPY source brings <paramref name="path"/> (a context path) into the image: the
    /// source is the path, a folder above it, or a pattern matching it or a folder above it.
    /// </summary>
    public static bool Covers(string source, string path)
    {
        if (source.Length == 0)
        {
            return true;
        }
        bool glob = source.IndexOfAny(new[] { '*', '?', '[' }) >= 0;
        Regex? pattern = glob ? Context.PathGlob.ToRegex(source, doubleStarCrossesFolders: true) : null;
        string current = path;
        while (true)
        {
            if (pattern is not null ? pattern.IsMatch(current) : string.Equals(source, current, StringComparison.Ordinal))
            {
                return true;
            }
            int slash = current.LastIndexOf('/');
            if (slash <= 0)
            {
                return false;
            }
            current = current.Substring(0, slash);
        }
    }

    /// <summary>True when <paramref name="source"/> names <paramref name="folder"/> or a folder above it (copying the folder's whole content).</summary>
    public static bool CoversFolder(string source, string folder) =>
        source.Length == 0 || source == "*" || folder.Length > 0 && Covers(source, folder);

    private static bool IsWindowsPath(string path) => path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]);
}
