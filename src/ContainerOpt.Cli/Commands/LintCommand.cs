using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Core.Projects;
using ContainerOpt.Cli.Output;
using ContainerOpt.Cli.Projects;

namespace ContainerOpt.Cli.Commands;

/// <summary><c>containeropt lint PATH... [--format NAME] [--no-color] [--project X.csproj] [--context DIR]</c>.</summary>
internal static class LintCommand
{
    /// <summary>How the files of a lint are spread: the tests compare a run on one thread without the run's cache with the default.</summary>
    internal sealed class LintSettings
    {
        public static readonly LintSettings Default = new();

        /// <summary>At most this many files at once; null: one per core.</summary>
        public int? MaxParallelism { get; init; }

        /// <summary>Whether the files of the run share folder listings, configuration and the ShellCheck lookup (<see cref="AnalysisRunCache"/>).</summary>
        public bool ShareRunCache { get; init; } = true;

        /// <summary>Whether standard output is a terminal (the default format and colour depend on it); null: ask the console.</summary>
        public bool? OutputIsTerminal { get; init; }
    }

    /// <summary>What the report takes of a file: its loading's notes and problems, and the analysis (null when loading stopped it).</summary>
    private readonly record struct FileResult(IReadOnlyList<string> Notes, IReadOnlyList<Finding> Problems, IReadOnlyList<string> ConfigFiles, Outcome? Analysed);

    /// <summary>The options an analysis ran with, as far as the exit code depends on them, and its findings.</summary>
    private sealed record Outcome(AnalysisMode Mode, DiagnosticSeverity? FailureThreshold, bool NoFail, IReadOnlyList<Finding> Findings);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, LintSettings.Default);

    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, LintSettings settings)
    {
        var line = CommandLine.Parse(args, new[] { "--format", "--project", "--context", "--config", "--mode" }, new[] { "--verbose", "--no-color" });
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
        bool terminal = settings.OutputIsTerminal ?? !Console.IsOutputRedirected;
        var format = LintReport.Format(line.Value("--format"), terminal);
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

        // Every Dockerfile is loaded and analysed on its own (on both cores when there are several), then the results are
        // taken in the order of the files, as one file after another would give them: the output is the same however
        // the work was spread.
        var runCache = settings.ShareRunCache ? new AnalysisRunCache() : null;
        var paths = line.Operands.SelectMany(operand => DockerfileFiles.Expand(operand, runCache)).ToList();
        // One file asks the disk directly: a few stats cost less than listing its folders.
        var cache = paths.Count > 1 ? runCache : null;
        var analyzer = new DockerfileAnalyzer();
        var results = new FileResult[paths.Count];
        void Lint(int i)
        {
            string path = paths[i];
            var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(path)
            {
                Context = contextOption ?? project?.BuildContext,
                ConfigFile = configOption,
                Mode = mode,
                Project = project,
                RunCache = cache,
            });
            var options = loaded.Input?.Options;
            // Only what the report needs is kept: not the text or the facts of the files still waiting for their turn.
            results[i] = new FileResult(loaded.Notes, loaded.Problems, loaded.ConfigFiles,
                options is null ? null : new Outcome(options.EffectiveMode, options.FailureThreshold, options.NoFail, analyzer.Analyze(loaded.Input!).Findings));
        }
        int workers = Math.Min(settings.MaxParallelism ?? Environment.ProcessorCount, paths.Count);
        if (workers > 1)
        {
            try
            {
                Parallel.For(0, paths.Count, new ParallelOptions { MaxDegreeOfParallelism = workers }, Lint);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }
        else
        {
            for (int i = 0; i < paths.Count; i++)
            {
                Lint(i);
            }
        }

        bool configProblem = false;
        var failAt = DiagnosticSeverity.Error;
        var modeInEffect = mode ?? AnalysisMode.Recommended;
        bool noFail = false;
        int dockerfiles = paths.Count;
        var configsReported = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < paths.Count; i++)
        {
            string path = paths[i];
            var loaded = results[i];
            results[i] = default;
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
            if (loaded.Analysed is not { } outcome)
            {
                continue;
            }
            modeInEffect = outcome.Mode;
            if (outcome.FailureThreshold is { } threshold) failAt = threshold;
            noFail |= outcome.NoFail;
            files.Add(new FileFindings(path, outcome.Findings));
        }

        LintReport.Write(format, stdout, stderr, files, dockerfiles, new ReportOptions
        {
            ToolVersion = CliApp.Version,
            CommandLine = LintReport.CommandLine(args),
            ExecutionSuccessful = !ioProblem && !configProblem,
            Color = LintReport.UseColor(terminal, line.Flag("--no-color")),
            ShowStyle = modeInEffect == AnalysisMode.Hadolint,
        });

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
