using System.Security.Cryptography;
using System.Text;
using ContainerOpt.Analysis.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Project;

namespace ContainerOpt.Tasks;

/// <summary>
/// Reads what one analysis needs (the Dockerfile, its .dockerignore, the project model from the
/// task's parameters) and computes the cache key over all of it: same key, same findings.
/// </summary>
internal sealed class AnalysisInputs
{
    private AnalysisInputs(string key, AnalysisInput? input, IReadOnlyList<LoggedFinding> problems)
    {
        Key = key;
        Input = input;
        Problems = problems;
    }

    public string Key { get; }
    public AnalysisInput? Input { get; }

    /// <summary>COPT0xxx problems that stop the analysis (unreadable or binary file, bad context).</summary>
    public IReadOnlyList<LoggedFinding> Problems { get; }

    public static AnalysisInputs Read(AnalyzeDockerfile task, string dockerfile)
    {
        var key = new StringBuilder("containeropt-cache-v1\n");
        key.Append(typeof(AnalysisInputs).Assembly.ManifestModule.ModuleVersionId).Append('\n');
        key.Append(typeof(DockerfileAnalyzer).Assembly.ManifestModule.ModuleVersionId).Append('\n');

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(dockerfile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Problem(key, ToolDescriptors.FileUnreadable, dockerfile, dockerfile, e.Message);
        }
        key.Append(dockerfile).Append('\n').Append(Hash(bytes)).Append('\n');
        var source = DockerfileInput.Decode(bytes, dockerfile, out var decodeProblem);
        if (source is null)
        {
            return new AnalysisInputs(Hash(key), null, new[] { LoggedFinding.From(decodeProblem!, dockerfile) });
        }

        string context = string.IsNullOrWhiteSpace(task.Context)
            ? Path.GetDirectoryName(dockerfile)!
            : Path.GetFullPath(task.Context!.Trim());
        if (!Directory.Exists(context))
        {
            return Problem(key, ToolDescriptors.InvalidConfiguration, dockerfile, "ContainerOptContext", $"the build context '{context}' is not a folder. Set ContainerOptContext to the folder docker build runs in.");
        }
        string? dockerIgnore = ReadFirst(dockerfile + ".dockerignore", Path.Combine(context, ".dockerignore"));
        key.Append(context).Append('\n').Append(dockerIgnore is null ? "-" : Hash(Encoding.UTF8.GetBytes(dockerIgnore))).Append('\n');

        var project = ProjectFrom(task);
        AppendProject(key, project);
        var input = new AnalysisInput(source)
        {
            ContextDirectory = context,
            DockerIgnoreText = dockerIgnore,
            Project = project,
        };
        return new AnalysisInputs(Hash(key), input, Array.Empty<LoggedFinding>());
    }

    private static AnalysisInputs Problem(StringBuilder key, DiagnosticDescriptor descriptor, string file, params object?[] args)
    {
        var finding = DockerfileInput.FileProblem(descriptor, file, args);
        return new AnalysisInputs(Hash(key), null, new[] { LoggedFinding.From(finding, file) });
    }

    private static string? ReadFirst(params string[] paths)
    {
        foreach (var path in paths)
        {
            try
            {
                if (File.Exists(path))
                {
                    return File.ReadAllText(path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return null;
    }

    private static ProjectModel? ProjectFrom(AnalyzeDockerfile t)
    {
        if (string.IsNullOrWhiteSpace(t.ProjectPath))
        {
            return null;
        }
        var frameworks = (string.IsNullOrWhiteSpace(t.TargetFrameworks) ? t.TargetFramework ?? "" : t.TargetFrameworks!)
            .Split(';').Select(f => f.Trim()).Where(f => f.Length > 0).ToArray();
        var frameworkReferences = t.FrameworkReferences.Select(i => i.ItemSpec).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return new ProjectModel
        {
            ProjectPath = Path.GetFullPath(t.ProjectPath!),
            TargetFrameworks = frameworks,
            OutputType = string.IsNullOrWhiteSpace(t.OutputType) ? "Exe" : t.OutputType!,
            AssemblyName = t.AssemblyName ?? "",
            TargetName = string.IsNullOrWhiteSpace(t.TargetName) ? t.AssemblyName ?? "" : t.TargetName!,
            Kind = t.UsingMicrosoftNETSdkWeb || frameworkReferences.Contains("Microsoft.AspNetCore.App", StringComparer.OrdinalIgnoreCase)
                ? ProjectKind.Web
                : t.UsingMicrosoftNETSdkWorker ? ProjectKind.Worker : ProjectKind.Console,
            FrameworkReferences = frameworkReferences,
            SelfContained = t.SelfContained,
            PublishAot = t.PublishAot,
            PublishTrimmed = t.PublishTrimmed,
            PublishSingleFile = t.PublishSingleFile,
            InvariantGlobalization = t.InvariantGlobalization,
            RuntimeIdentifier = Blank(t.RuntimeIdentifier),
            ManagePackageVersionsCentrally = t.ManagePackageVersionsCentrally,
            ProjectReferences = t.ProjectReferences.Select(i => FullPath(i, t.ProjectPath!)).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToArray(),
            RestoreInputs = t.RestoreInputs.Select(i => FullPath(i, t.ProjectPath!)).Where(File.Exists).Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToArray(),
            ContainerPorts = t.ContainerPorts.Select(i => string.IsNullOrEmpty(i.GetMetadata("Type")) ? i.ItemSpec : i.ItemSpec + "/" + i.GetMetadata("Type")).ToArray(),
            ContainerEnvironment = t.ContainerEnvironmentVariables.GroupBy(i => i.ItemSpec).ToDictionary(g => g.Key, g => g.Last().GetMetadata("Value")),
            ContainerUser = Blank(t.ContainerUser),
            ContainerBaseImage = Blank(t.ContainerBaseImage),
            ContainerFamily = Blank(t.ContainerFamily),
            ContainerWorkingDirectory = Blank(t.ContainerWorkingDirectory),
            ContainerRepository = Blank(t.ContainerRepository),
            ContainerImageTag = Blank(t.ContainerImageTag),
        };
    }

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v!.Trim();

    private static string FullPath(Microsoft.Build.Framework.ITaskItem item, string projectPath)
    {
        string full = item.GetMetadata("FullPath");
        return string.IsNullOrEmpty(full)
            ? Path.GetFullPath(Path.Combine(Path.GetDirectoryName(projectPath)!, item.ItemSpec))
            : full;
    }

    private static void AppendProject(StringBuilder key, ProjectModel? p)
    {
        if (p is null)
        {
            key.Append("no-project\n");
            return;
        }
        key.Append(p.ProjectPath).Append('|').Append(string.Join(";", p.TargetFrameworks)).Append('|').Append(p.OutputType)
            .Append('|').Append(p.AssemblyName).Append('|').Append(p.TargetName).Append('|').Append(p.Kind)
            .Append('|').Append(string.Join(";", p.FrameworkReferences)).Append('|').Append(p.SelfContained).Append(p.PublishAot)
            .Append(p.PublishTrimmed).Append(p.PublishSingleFile).Append(p.InvariantGlobalization).Append(p.ManagePackageVersionsCentrally)
            .Append('|').Append(p.RuntimeIdentifier).Append('|').Append(string.Join(";", p.ProjectReferences))
            .Append('|').Append(string.Join(";", p.ContainerPorts)).Append('|').Append(string.Join(";", p.ContainerEnvironment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value)))
            .Append('|').Append(p.ContainerUser).Append('|').Append(p.ContainerBaseImage).Append('|').Append(p.ContainerFamily)
            .Append('|').Append(p.ContainerWorkingDirectory).Append('|').Append(p.ContainerRepository).Append('|').Append(p.ContainerImageTag).Append('\n');
        foreach (var input in p.RestoreInputs)
        {
            // Restore inputs matter by existence and path only (rules compare them with COPY sources).
            key.Append(input).Append('\n');
        }
    }

    private static string Hash(StringBuilder text) => Hash(Encoding.UTF8.GetBytes(text.ToString()));

    private static string Hash(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(bytes)).Replace("-", "");
    }
}
