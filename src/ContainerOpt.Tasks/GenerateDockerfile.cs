using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Generation;
using Microsoft.Build.Framework;

namespace ContainerOpt.Tasks;

/// <summary>
/// Writes the optimized Dockerfile (beside the project) and .dockerignore (in the build context)
/// for this project, atomically and never over a different existing file unless forced. With an
/// output folder (obj/ on publish), it writes there for review and reports how the project's own
/// Dockerfile differs.
/// </summary>
public sealed class GenerateDockerfile : ProjectTask
{
    public bool Force { get; set; }

    /// <summary>Write both files here instead of beside the project and in the context.</summary>
    public string? OutputDirectory { get; set; }

    /// <summary>The project's own Dockerfile, to compare the generated one with (an info message).</summary>
    public string? CompareWith { get; set; }

    public bool NuGetCacheMount { get; set; }
    public string? Family { get; set; }
    public string? TestProject { get; set; }

    [Output]
    public string? GeneratedDockerfile { get; private set; }

    [Output]
    public string? GeneratedDockerIgnore { get; private set; }

    [Output]
    public string? ContextDirectory { get; private set; }

    protected override string? SubjectFile => ProjectPath;

    protected override void Run()
    {
        var project = BuildProjectModel();
        if (project is null)
        {
            Diagnostics.Report(DiagnosticCatalog.InvalidConfiguration, null, "ProjectPath", "the task needs the project's path.");
            return;
        }
        if (AppProjects.WhyNotAnApp(project) is { } reason)
        {
            Diagnostics.Message(DiagnosticCatalog.NotAnApp, MessageImportance.Normal, project.ProjectPath, Path.GetFileName(project.ProjectPath), reason);
            return;
        }
        var files = DockerfileGenerator.Generate(project, new GenerationOptions
        {
            NuGetCacheMount = NuGetCacheMount,
            Family = string.IsNullOrWhiteSpace(Family) ? null : Family,
            TestProject = string.IsNullOrWhiteSpace(TestProject) ? null : TestProject,
        });
        ContextDirectory = files.ContextDirectory;
        var results = GeneratedFileWriter.WriteAll(files.Targets(OutputDirectory), Force);
        foreach (var result in results)
        {
            switch (result.Outcome)
            {
                case WriteOutcome.Written:
                    Diagnostics.Note(MessageImportance.High, "wrote {0}", result.Path);
                    break;
                case WriteOutcome.Unchanged:
                    Diagnostics.Note(MessageImportance.High, "{0} is up to date", result.Path);
                    break;
                case WriteOutcome.RefusedExisting:
                    var exists = DiagnosticCatalog.FileExists;
                    Diagnostics.Report(new[] { new LoggedFinding(exists.Id, exists.DefaultSeverity, exists.FormatMessage(result.Path), result.Path, 1, 1, 1, 1, exists.HelpUri) });
                    break;
                case WriteOutcome.Withheld:
                    Diagnostics.Note(MessageImportance.Normal, "{0} was left as it is: the generated files are written together or not at all", result.Path);
                    break;
                default:
                    Diagnostics.Report(DiagnosticCatalog.FileUnwritable, result.Path, result.Path, result.Error);
                    break;
            }
        }
        if (!results.All(r => r.IsInPlace))
        {
            return;
        }
        string dockerfilePath = results[0].Path;
        GeneratedDockerfile = dockerfilePath;
        GeneratedDockerIgnore = results[1].Path;
        foreach (var note in files.Notes)
        {
            Diagnostics.Note(MessageImportance.High, "{0}", note);
        }
        Diagnostics.Note(MessageImportance.High, "build context {0}: docker build -f {1} {0}", files.ContextDirectory, dockerfilePath);
        if (!string.IsNullOrWhiteSpace(CompareWith) && File.Exists(CompareWith))
        {
            var summary = DockerfileComparison.Summarize(File.ReadAllText(CompareWith), files.Dockerfile);
            var differs = DiagnosticCatalog.GeneratedDiffers;
            Diagnostics.Report(new[] { new LoggedFinding(differs.Id, differs.DefaultSeverity, differs.FormatMessage(dockerfilePath, CompareWith, summary),
                CompareWith!, 1, 1, 1, 1, differs.HelpUri) });
        }
    }
}
