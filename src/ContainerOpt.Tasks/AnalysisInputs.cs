using System.Security.Cryptography;
using System.Text;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Projects;

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

    /// <summary>COPT0xxx problems: those with error severity stop the analysis (unreadable or binary file, bad context or configuration).</summary>
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
            return Problem(key, DiagnosticCatalog.FileUnreadable, dockerfile, dockerfile, e.Message);
        }
        key.Append(dockerfile).Append('\n').Append(Hash(bytes)).Append('\n');
        var source = DockerfileInput.Decode(bytes, dockerfile, out var decodeProblem);
        if (source is null)
        {
            return new AnalysisInputs(Hash(key), null, new[] { LoggedFinding.From(decodeProblem!, dockerfile) });
        }

        string context = Generation.GeneratedDockerfileHeader.ResolveContext(task.Context, dockerfile, source.Text, task.ProjectPath);
        if (!Directory.Exists(context))
        {
            return Problem(key, DiagnosticCatalog.InvalidConfiguration, dockerfile, "ContainerOptContext", $"the build context '{context}' is not a folder. Set ContainerOptContext to the folder docker build runs in.");
        }
        string? dockerIgnore = ReadFirst(dockerfile + ".dockerignore", Path.Combine(context, ".dockerignore"));
        key.Append(context).Append('\n').Append(dockerIgnore is null ? "-" : Hash(Encoding.UTF8.GetBytes(dockerIgnore))).Append('\n');

        var project = task.BuildProjectModel();
        AppendProject(key, project);

        // Configuration files are inputs too: their text goes into the key, their problems are findings.
        var options = new AnalysisOptions();
        var configFiles = string.IsNullOrWhiteSpace(task.ConfigFile)
            ? ConfigurationFiles.Discover(Path.GetDirectoryName(dockerfile)!, context)
            : new[] { Path.GetFullPath(task.ConfigFile!.Trim()) };
        foreach (var file in configFiles)
        {
            key.Append(file).Append('\n').Append(File.Exists(file) ? Hash(File.ReadAllBytes(file)) : "missing").Append('\n');
        }
        if (!string.IsNullOrWhiteSpace(task.ConfigFile) && !File.Exists(configFiles[0]))
        {
            return Problem(key, DiagnosticCatalog.InvalidConfiguration, configFiles[0], configFiles[0], "the file does not exist. Fix ContainerOptConfig or remove it.");
        }
        var configProblems = ConfigurationFiles.Load(configFiles, options).Select(f => LoggedFinding.From(f, f.FilePath ?? dockerfile)).ToList();
        if (configProblems.Any(p => p.Severity == DiagnosticSeverity.Error))
        {
            return new AnalysisInputs(Hash(key), null, configProblems);
        }
        var input = new AnalysisInput(source)
        {
            ContextDirectory = context,
            DockerIgnoreText = dockerIgnore,
            Project = project,
            Options = options,
        };
        return new AnalysisInputs(Hash(key), input, configProblems);
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
            .Append('|').Append(p.RuntimeIdentifier).Append('|').Append(string.Join(";", p.RuntimeIdentifiers)).Append('|').Append(p.RollForward).Append('|').Append(string.Join(";", p.ProjectReferences))
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
