using System.CommandLine;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Cli.Projects;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Generation;

namespace ContainerOpt.Cli.Commands;

/// <summary>
/// <c>containeropt generate --project X.csproj [--output DIR] [--force] [--cache-mount]</c>. Apps only: a class
/// library or test project is COPT0017 (info, exit 0), no file. The Dockerfile and .dockerignore are written
/// together or not at all: a refused file (COPT0006, exit 1) leaves the other untouched too.
/// </summary>
internal static class GenerateCommand
{
    public const string Description = "Write the optimized Dockerfile (beside the project) and .dockerignore (in the build context) of a .NET project; "
        + "existing files are never replaced without --force.";

    public static Command Create(CliHost host)
    {
        var project = CliOptions.Value("--project", "X.csproj", "The project to containerize (required).");
        var output = CliOptions.Value("--output", "DIR", "Write both files here instead (to review them).");
        var force = CliOptions.Flag("--force", "Replace existing files that differ.");
        var cacheMount = CliOptions.Flag("--cache-mount", "Restore with a BuildKit cache mount for the NuGet packages: faster rebuilds, nothing left in the layers.");
        var family = CliOptions.Value("--family", "FAMILY", "The final image's family when the project sets none (alpine, noble-chiseled, ...; default: chiseled on .NET 8 and later).");
        var testProject = CliOptions.Value("--test-project", "X.csproj", "Run this test project in a 'test' stage (docker build --target test).");
        var command = new Command("generate", Description) { project, output, force, cacheMount, family, testProject };
        command.SetAction(result => Run(
            result.GetValue(project) ?? throw new UsageException("generate needs --project X.csproj."),
            result.GetValue(output), result.GetValue(force), result.GetValue(cacheMount), result.GetValue(family), result.GetValue(testProject),
            host.Stdout, host.Stderr));
        return command;
    }

    private static int Run(string projectPath, string? outputFolder, bool force, bool cacheMount, string? family, string? testProject, TextWriter stdout, TextWriter stderr)
    {
        var project = MSBuildProjectLoader.TryLoad(projectPath, out var problem);
        if (project is null)
        {
            stderr.WriteLine(problem!.ToCanonicalString());
            return ExitCodes.UsageOrIo;
        }
        if (AppProjects.WhyNotAnApp(project) is { } reason)
        {
            stderr.WriteLine(DockerfileInput.FileProblem(DiagnosticCatalog.NotAnApp, projectPath, Path.GetFileName(project.ProjectPath), reason).ToCanonicalString());
            return ExitCodes.Success;
        }
        var files = DockerfileGenerator.Generate(project, new GenerationOptions
        {
            NuGetCacheMount = cacheMount,
            Family = family,
            TestProject = testProject,
        });

        int status = ExitCodes.Success;
        var results = GeneratedFileWriter.WriteAll(files.Targets(outputFolder), force);
        foreach (var result in results)
        {
            switch (result.Outcome)
            {
                case WriteOutcome.Written:
                    stdout.WriteLine($"wrote {result.Path}");
                    break;
                case WriteOutcome.Unchanged:
                    stdout.WriteLine($"unchanged {result.Path}");
                    break;
                case WriteOutcome.RefusedExisting:
                    stderr.WriteLine(DockerfileInput.FileProblem(DiagnosticCatalog.FileExists, result.Path, result.Path).ToCanonicalString());
                    status = Math.Max(status, ExitCodes.Findings);
                    break;
                case WriteOutcome.Withheld:
                    stderr.WriteLine($"left {result.Path} as it is: the generated files are written together or not at all");
                    break;
                default:
                    stderr.WriteLine(DockerfileInput.FileProblem(DiagnosticCatalog.FileUnwritable, result.Path, result.Path, result.Error).ToCanonicalString());
                    status = ExitCodes.UsageOrIo;
                    break;
            }
        }
        if (status != ExitCodes.Success)
        {
            return status;
        }
        foreach (var note in files.Notes)
        {
            stdout.WriteLine("note: " + note);
        }
        stdout.WriteLine($"build context: {files.ContextDirectory}");
        return status;
    }
}
