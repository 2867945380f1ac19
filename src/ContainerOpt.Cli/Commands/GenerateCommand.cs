using ContainerOpt.Cli.Projects;
using ContainerOpt.Generation;

namespace ContainerOpt.Cli.Commands;

/// <summary><c>containeropt generate --project X.csproj [--output DIR] [--force] [--cache-mount]</c>.</summary>
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
        var project = MSBuildProjectLoader.TryLoad(projectPath, out var error);
        if (project is null)
        {
            stderr.WriteLine($"{projectPath}(1,1): error COPT0005: {error}");
            return ExitCodes.UsageOrIo;
        }
        var files = DockerfileGenerator.Generate(project, new GenerationOptions
        {
            NuGetCacheMount = line.Flag("--cache-mount"),
            Family = line.Value("--family"),
            TestProject = line.Value("--test-project"),
        });

        string dockerfilePath = files.DockerfilePath, ignorePath = files.DockerIgnorePath;
        if (line.Value("--output") is { } output)
        {
            dockerfilePath = Path.Combine(output, "Dockerfile");
            ignorePath = Path.Combine(output, ".dockerignore");
        }
        bool force = line.Flag("--force");
        int status = ExitCodes.Success;
        foreach (var (path, content) in new[] { (dockerfilePath, files.Dockerfile), (ignorePath, files.DockerIgnore) })
        {
            switch (GeneratedFileWriter.Write(path, content, force, out var writeError))
            {
                case WriteOutcome.Written:
                    stdout.WriteLine($"wrote {path}");
                    break;
                case WriteOutcome.Unchanged:
                    stdout.WriteLine($"unchanged {path}");
                    break;
                case WriteOutcome.RefusedExisting:
                    stderr.WriteLine($"{path}(1,1): error COPT0006: {path} exists and differs; not overwritten. Pass --force to replace it, or --output DIR to write elsewhere.");
                    status = ExitCodes.Findings;
                    break;
                default:
                    stderr.WriteLine($"{path}(1,1): error COPT0002: cannot write {path}: {writeError}");
                    status = ExitCodes.UsageOrIo;
                    break;
            }
        }
        foreach (var note in files.Notes)
        {
            stdout.WriteLine("note: " + note);
        }
        stdout.WriteLine($"build context: {files.ContextDirectory}");
        return status;
    }
}
