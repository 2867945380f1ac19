using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Core.Projects;
using ContainerOpt.Cli.Output;
using ContainerOpt.Cli.Projects;

namespace ContainerOpt.Cli.Commands;

/// <summary><c>containeropt lint PATH... [--format text|json|sarif] [--project X.csproj] [--context DIR]</c>.</summary>
internal static class LintCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, new[] { "--format", "--project", "--context", "--config" }, Array.Empty<string>());
        string format = line.Choice("--format", "text", "text", "json", "sarif");
        if (line.Operands.Count == 0)
        {
            throw new UsageException("lint needs at least one Dockerfile or folder.");
        }
        string? contextOption = line.Value("--context");
        string? configOption = line.Value("--config");
        if (configOption is not null && !File.Exists(configOption))
        {
            throw new UsageException($"The configuration file '{configOption}' does not exist.");
        }
        if (contextOption is not null && !Directory.Exists(contextOption))
        {
            throw new UsageException($"The build context '{contextOption}' is not a folder.");
        }

        ProjectModel? project = null;
        var files = new List<FileFindings>();
        bool ioProblem = false;
        if (line.Value("--project") is { } projectPath)
        {
            project = MSBuildProjectLoader.TryLoad(projectPath, out var error);
            if (project is null)
            {
                files.Add(new FileFindings(projectPath, new[] { DockerfileInput.FileProblem(DiagnosticCatalog.InvalidConfiguration, projectPath, projectPath, error) }));
                ioProblem = true;
            }
        }

        var analyzer = new DockerfileAnalyzer();
        bool configProblem = false;
        var failAt = DiagnosticSeverity.Error;
        bool noFail = false;
        foreach (var operand in line.Operands)
        {
            foreach (var path in DockerfileFiles.Expand(operand))
            {
                var source = DockerfileFiles.Read(path, out var problem);
                if (source is null)
                {
                    ioProblem = true;
                    files.Add(new FileFindings(path, new[] { problem! }));
                    continue;
                }
                string dockerfileDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
                string context = contextOption ?? dockerfileDirectory;
                var options = new AnalysisOptions();
                var configFiles = configOption is not null ? new[] { configOption } : ConfigurationFiles.Discover(dockerfileDirectory, Path.GetFullPath(context));
                foreach (var configFinding in ConfigurationFiles.Load(configFiles, options))
                {
                    configProblem |= configFinding.Severity == DiagnosticSeverity.Error;
                    files.Add(new FileFindings(configFinding.FilePath ?? configFiles[0], new[] { configFinding }));
                }
                if (options.FailureThreshold is { } threshold) failAt = threshold;
                noFail |= options.NoFail;
                var input = new AnalysisInput(source)
                {
                    ContextDirectory = Path.GetFullPath(context),
                    DockerIgnoreText = ReadDockerIgnore(path, context),
                    Project = project,
                    Options = options,
                };
                files.Add(new FileFindings(path, analyzer.Analyze(input).Findings));
            }
        }

        switch (format)
        {
            case "json": JsonReport.Write(stdout, files); break;
            case "sarif": SarifReport.Write(stdout, files, CliApp.Version); break;
            default: TextReport.Write(stdout, stderr, files); break;
        }

        if (ioProblem || configProblem)
        {
            return ExitCodes.UsageOrIo;
        }
        if (noFail)
        {
            return ExitCodes.Success;
        }
        // failure-threshold (hadolint): findings at or above it fail; "none" (None) means any finding fails.
        return files.Any(f => f.Findings.Any(d => d.Severity >= failAt && d.Severity != DiagnosticSeverity.None || failAt == DiagnosticSeverity.None))
            ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    /// <summary>BuildKit reads <c>&lt;Dockerfile&gt;.dockerignore</c> beside the Dockerfile first, else the context's .dockerignore.</summary>
    private static string? ReadDockerIgnore(string dockerfile, string context)
    {
        foreach (var candidate in new[] { dockerfile + ".dockerignore", Path.Combine(context, ".dockerignore") })
        {
            try
            {
                if (File.Exists(candidate))
                {
                    return File.ReadAllText(candidate);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
        return null;
    }
}

/// <summary>The findings of one file, as the reports print them.</summary>
internal sealed record FileFindings(string Path, IReadOnlyList<Finding> Findings);
