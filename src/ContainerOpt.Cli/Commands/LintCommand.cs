using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Core.Projects;
using ContainerOpt.Cli.Output;
using ContainerOpt.Cli.Projects;

namespace ContainerOpt.Cli.Commands;

/// <summary><c>containeropt lint PATH... [--format text|json|sarif] [--project X.csproj] [--context DIR]</c>.</summary>
internal static class LintCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, new[] { "--format", "--project", "--context", "--config", "--mode" }, new[] { "--verbose" });
        bool verbose = line.Flag("--verbose");
        var notesShown = new HashSet<string>(StringComparer.Ordinal);
        AnalysisMode? mode = null;
        if (line.Value("--mode") is { } modeText)
        {
            if (!AnalysisModeText.TryParse(modeText, out var parsed))
            {
                throw new UsageException($"'{modeText}' is not a mode; use recommended, minimum, all or hadolint.");
            }
            mode = parsed;
        }
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
            project = MSBuildProjectLoader.TryLoad(projectPath, out var problem);
            if (project is null)
            {
                files.Add(new FileFindings(projectPath, new[] { problem! }));
                ioProblem = true;
            }
        }

        var analyzer = new DockerfileAnalyzer();
        bool configProblem = false;
        var failAt = DiagnosticSeverity.Error;
        var modeInEffect = mode ?? AnalysisMode.Recommended;
        bool noFail = false;
        int dockerfiles = 0;
        var configsReported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operand in line.Operands)
        {
            foreach (var path in DockerfileFiles.Expand(operand))
            {
                dockerfiles++;
                var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(path)
                {
                    Context = contextOption ?? project?.BuildContext,
                    ConfigFile = configOption,
                    Mode = mode,
                    Project = project,
                });
                foreach (var note in loaded.Notes)
                {
                    if (verbose && notesShown.Add(note))
                    {
                        stderr.WriteLine($"containeropt: {note}");
                    }
                }
                foreach (var problem in loaded.Problems)
                {
                    bool aboutConfig = problem.FilePath is { } file && loaded.ConfigFiles.Contains(file);
                    configProblem |= aboutConfig && problem.Severity == DiagnosticSeverity.Error;
                    ioProblem |= !aboutConfig && problem.Severity == DiagnosticSeverity.Error;
                }
                // A configuration file's problems are its own (at its path, once however many Dockerfiles it applies to); the rest are the Dockerfile's.
                var unreported = loaded.Problems.Where(p => !(p.FilePath is { } file && loaded.ConfigFiles.Contains(file) && configsReported.Contains(file)));
                foreach (var group in unreported.GroupBy(p => p.FilePath is { } file && loaded.ConfigFiles.Contains(file) ? file : path))
                {
                    files.Add(new FileFindings(group.Key, group.ToArray()));
                }
                configsReported.UnionWith(loaded.ConfigFiles);
                if (loaded.Input is null)
                {
                    continue;
                }
                var options = loaded.Input.Options;
                modeInEffect = options.EffectiveMode;
                if (options.FailureThreshold is { } threshold) failAt = threshold;
                noFail |= options.NoFail;
                files.Add(new FileFindings(path, analyzer.Analyze(loaded.Input).Findings));
            }
        }

        switch (format)
        {
            case "json": JsonReport.Write(stdout, files); break;
            case "sarif": SarifReport.Write(stdout, files, CliApp.Version); break;
            default: TextReport.Write(stdout, stderr, files, dockerfiles, showStyle: modeInEffect == AnalysisMode.Hadolint); break;
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
}

/// <summary>The findings of one file, as the reports print them.</summary>
internal sealed record FileFindings(string Path, IReadOnlyList<Finding> Findings);
