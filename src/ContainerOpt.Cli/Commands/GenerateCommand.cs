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
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, new[] { "--project", "--output", "--family", "--test-project" }, new[] { "--force", "--cache-mount" });
        if (line.Operands.Count > 0)
        {
            throw new UsageException("generate takes no operands: use --project X.csproj.");
        }
        string projectPath = line.Value("--project") ?? throw new UsageException("generate needs --project X.csproj.");
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
            NuGetCacheMount = line.Flag("--cache-mount"),
            Family = line.Value("--family"),
            TestProject = line.Value("--test-project"),
        });

        int status = ExitCodes.Success;
        var results = GeneratedFileWriter.WriteAll(files.Targets(line.Value("--output")), line.Flag("--force"));
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
