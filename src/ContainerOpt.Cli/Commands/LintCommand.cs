using System.Collections.Concurrent;
using System.CommandLine;
using ContainerOpt.Analysis.Configuration;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Core.Projects;
using ContainerOpt.Cli.Output;
using ContainerOpt.Cli.Projects;

namespace ContainerOpt.Cli.Commands;

/// <summary>
/// <c>containeropt lint PATH... [--format F] [--config FILE] [--mode M] [--project X.csproj] [--context DIR]</c> and
/// hadolint's flags (<c>--ignore</c>, <c>--failure-threshold</c>, <c>--no-fail</c>, <c>--error</c>…, <c>--trusted-registry</c>,
/// <c>--require-label</c>, <c>--strict-labels</c>, <c>--disable-ignore-pragma</c>, <c>--file-path-in-report</c>); <c>-</c> reads
/// standard input.
/// </summary>
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

    /// <summary>A Dockerfile of the run and, once a worker linted it, what the report takes of it.</summary>
    private sealed class PendingFile(LintTarget target)
    {
        private readonly object _gate = new();
        private bool _finished;

        public LintTarget Target { get; } = target;
        public FileResult Result { get; set; }

        /// <summary>What a worker's lint of this file threw, for the report to throw when it reaches the file.</summary>
        public System.Runtime.ExceptionServices.ExceptionDispatchInfo? Failure { get; set; }

        public void Finish()
        {
            lock (_gate)
            {
                _finished = true;
                Monitor.PulseAll(_gate);
            }
        }

        public void WaitUntilFinished()
        {
            lock (_gate)
            {
                while (!_finished)
                {
                    Monitor.Wait(_gate);
                }
            }
        }
    }

    /// <summary>One Dockerfile of the run: where it is (or is said to be), the name the report gives it, its bytes when read from standard input, or why it cannot be linted.</summary>
    private sealed record LintTarget(string Path, string ReportPath, byte[]? Content = null, Finding? Problem = null);

    public const string Description = "Lint Dockerfiles with ContainerOpt's, hadolint's and BuildKit's rules (and ShellCheck's, when shellcheck is on PATH). "
        + "Exit 0: nothing at or above the failure threshold; 1: findings at or above it; 2: a usage or I/O problem.";

    /// <summary>The name of standard input among the operands, as hadolint reads it.</summary>
    private const string StandardInput = "-";

    /// <summary>The command: hadolint's lint flags, and ContainerOpt's own (--mode, --project, --context).</summary>
    public static Command Create(CliHost host)
    {
        var line = new LintCommandLine();
        var command = line.CreateCommand("lint", Description);
        command.SetAction(result => Run(line.Read(result, host.Environment), host));
        return command;
    }

    /// <summary>Runs a lint with the arguments after <c>lint</c> (the tests' way to choose how the files are spread).</summary>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, LintSettings settings) =>
        CliApp.Run(new[] { "lint" }.Concat(args).ToArray(), new CliHost(stdout, stderr) { LintSettings = settings });

    internal static int Run(LintRequest request, CliHost host)
    {
        var stdout = host.Stdout;
        var stderr = host.Stderr;
        var settings = host.LintSettings;
        bool verbose = request.Verbose;
        var notesShown = new HashSet<string>(StringComparer.Ordinal);
        var mode = request.Mode;
        bool terminal = settings.OutputIsTerminal ?? !Console.IsOutputRedirected;
        var format = LintReport.Format(request.Format, terminal);
        // SARIF carries each finding's fix (code scanning offers it); the other formats have no place for one.
        bool withFixes = ReferenceEquals(format, FindingReportFormats.Sarif);
        string? contextOption = request.Context;
        string? configOption = request.Config;
        if (configOption is not null && !File.Exists(configOption))
        {
            throw new UsageException($"The configuration file '{configOption}' does not exist.");
        }
        if (contextOption is not null && !Directory.Exists(contextOption))
        {
            throw new UsageException($"The build context '{contextOption}' is not a folder.");
        }
        if (request.Operands.Count(o => o == StandardInput) > 1)
        {
            throw new UsageException("'-' (standard input) can be named once.");
        }

        ProjectModel? project = null;
        var files = new List<FileFindings>();
        bool ioProblem = false;
        if (request.Project is { } projectPath)
        {
            project = MSBuildProjectLoader.TryLoad(projectPath, out var problem);
            if (project is null)
            {
                files.Add(new FileFindings(projectPath, new[] { problem! }));
                ioProblem = true;
            }
        }

        // Every Dockerfile is loaded and analysed on its own, on every core, as soon as the search of the folders finds
        // it (a folder's in the order of their paths); the results are then taken in that order, operand by operand, as
        // one file after another would give them: the output is the same however the work was spread.
        var runCache = settings.ShareRunCache ? new AnalysisRunCache() : null;
        var userConfigFiles = ConfigurationFiles.UserConfigFiles(host.Environment, OperatingSystem.IsWindows());
        // One file asks the disk directly (a few stats cost less than listing its folders) and is linted on this thread
        // (starting workers would cost more than it).
        bool severalFiles = request.Operands.Count > 1 || request.Operands.Any(o => o != StandardInput && Directory.Exists(o));
        var cache = severalFiles ? runCache : null;
        var analyzer = new DockerfileAnalyzer { Fingerprints = format.WritesFingerprints };
        void Lint(PendingFile file)
        {
            var target = file.Target;
            if (target.Problem is { } unreadable)
            {
                file.Result = new FileResult(Array.Empty<string>(), new[] { unreadable }, Array.Empty<string>(), null);
                return;
            }
            var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(target.Path)
            {
                Content = target.Content,
                Context = contextOption ?? project?.BuildContext,
                ConfigFile = configOption,
                UserConfigFiles = userConfigFiles,
                Overrides = request.Overrides,
                Mode = mode,
                Project = project,
                RunCache = cache,
            });
            var options = loaded.Input?.Options;
            // The configuration is known once loading got past the context (an unreadable Dockerfile stops it before).
            var notes = verbose && loaded.ContextDirectory is not null ? loaded.Notes.Prepend(ConfigurationNote(loaded, userConfigFiles, cache)).ToArray() : loaded.Notes;
            // Only what the report needs is kept: not the text or the facts of the files still waiting for their turn.
            file.Result = new FileResult(notes, loaded.Problems, loaded.ConfigFiles,
                options is null ? null : new Outcome(options.EffectiveMode, options.FailureThreshold, options.NoFail,
                    (withFixes ? analyzer.AnalyzeWithFixes(loaded.Input!) : analyzer.Analyze(loaded.Input!)).Findings));
        }

        // --file-path-in-report names one file: more are a usage error, found before any is linted.
        int workers = severalFiles && request.FilePathInReport is null ? settings.MaxParallelism ?? Environment.ProcessorCount : 1;
        bool noDockerfile = false;
        var run = new RunOutcome { IoProblem = ioProblem };
        int dockerfiles = 0;

        // The search: every Dockerfile of the operands in the report's order, and each operand that names none.
        void Search(Action<SearchResult> found)
        {
            foreach (var operand in request.Operands)
            {
                if (operand == StandardInput)
                {
                    found(new SearchResult(new PendingFile(ReadStandardInput(host, request.FilePathInReport)), null));
                    continue;
                }
                bool any = false;
                DockerfileFiles.Find(operand, path =>
                {
                    any = true;
                    found(new SearchResult(new PendingFile(new LintTarget(path, request.FilePathInReport ?? path)), null));
                }, runCache);
                if (!any)
                {
                    found(new SearchResult(null, operand));
                }
            }
        }

        // The report takes each file as soon as it and the files before it are linted, while the workers go on: a file's
        // findings are printed and forgotten instead of living until the last file is done (they were most of what each
        // garbage collection had to keep), and the printing is no longer a step of its own after the linting.
        IEnumerable<FileFindings> InOrder(IEnumerable<SearchResult> found, bool linted)
        {
            foreach (var file in files)
            {
                yield return file;
            }
            var configsReported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (target, emptyOperand) in found)
            {
                if (target is null)
                {
                    stderr.WriteLine("containeropt: " + DockerfileFiles.NoneFound(emptyOperand!));
                    noDockerfile = true;
                    continue;
                }
                dockerfiles++;
                if (linted)
                {
                    target.WaitUntilFinished();
                    target.Failure?.Throw();
                }
                else
                {
                    Lint(target);
                }
                string path = target.Target.ReportPath;
                var loaded = target.Result;
                target.Result = default;
                foreach (var note in loaded.Notes)
                {
                    if (verbose && notesShown.Add(note))
                    {
                        stderr.WriteLine($"containeropt: {note}");
                    }
                }
                // In hadolint's mode style is one of the levels printed (the file's configuration may choose the mode).
                bool showsStyle = loaded.Analysed?.Mode == AnalysisMode.Hadolint;
                foreach (var problem in loaded.Problems)
                {
                    bool aboutConfig = problem.FilePath is { } file && loaded.ConfigFiles.Contains(file);
                    run.ConfigProblem |= aboutConfig && problem.Severity == DiagnosticSeverity.Error;
                    run.IoProblem |= !aboutConfig && problem.Severity == DiagnosticSeverity.Error;
                }
                // A configuration file's problems are its own (at its path, once however many Dockerfiles it applies to); the rest are the Dockerfile's.
                if (loaded.Problems.Count > 0)
                {
                    var unreported = loaded.Problems.Where(p => !(p.FilePath is { } file && loaded.ConfigFiles.Contains(file) && configsReported.Contains(file)));
                    foreach (var group in unreported.GroupBy(p => p.FilePath is { } file && loaded.ConfigFiles.Contains(file) ? file : path))
                    {
                        yield return new FileFindings(group.Key, group.ToArray(), showsStyle);
                    }
                }
                configsReported.UnionWith(loaded.ConfigFiles);
                if (loaded.Analysed is not { } outcome)
                {
                    continue;
                }
                if (outcome.FailureThreshold is { } threshold) run.FailAt = threshold;
                run.NoFail |= outcome.NoFail;
                yield return new FileFindings(path, outcome.Findings, showsStyle);
            }
        }

        FindingTally Report(IEnumerable<SearchResult> found, bool linted) =>
            LintReport.Write(format, stdout, stderr, InOrder(found, linted), () => dockerfiles, () => new ReportOptions
            {
                ToolVersion = CliApp.Version,
                CommandLine = LintReport.CommandLine(request.Arguments),
                ExecutionSuccessful = !run.IoProblem && !run.ConfigProblem && !noDockerfile,
                Color = LintReport.UseColor(terminal, request.NoColor),
            });

        void LintAndFinish(PendingFile file)
        {
            try
            {
                Lint(file);
            }
            catch (Exception e)
            {
                // The report rethrows it when it reaches this file: the files before it are reported as they would be.
                file.Failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                file.Finish();
            }
        }

        FindingTally tally;
        if (workers == 1)
        {
            // One thread: the search first (--file-path-in-report's usage error comes before any file is linted), then
            // each file linted as the report reaches it.
            var found = new List<SearchResult>();
            Search(found.Add);
            int count = found.Count(f => f.File is not null);
            if (request.FilePathInReport is not null && count > 1)
            {
                throw new UsageException($"--file-path-in-report names one Dockerfile, but {count} are linted.");
            }
            tally = Report(found, linted: false);
        }
        else
        {
            tally = SearchLintAndReport(Search, Report, workers, LintAndFinish);
        }

                if (run.IoProblem || run.ConfigProblem || noDockerfile)
        {
            return ExitCodes.UsageOrIo;
        }
        if (run.NoFail)
        {
            return ExitCodes.Success;
        }
        // failure-threshold (hadolint): findings at or above it fail; "none" (None) means any finding fails.
        return tally.AnyAtOrAbove(run.FailAt) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// Many files on every core: the search runs on a thread of its own and hands each Dockerfile to the workers and to
    /// the report, which prints each file as soon as it and the files before it are linted. The report starts with the
    /// first file, not when the search is over: while the search ran on the report's thread, the findings of every file
    /// linted meanwhile waited for it (a third of the files of a folder of 3,000) and every garbage collection of that
    /// time copied them.
    /// </summary>
    private static FindingTally SearchLintAndReport(Action<Action<SearchResult>> search,
        Func<IEnumerable<SearchResult>, bool, FindingTally> report, int workers, Action<PendingFile> lintAndFinish)
    {
        using var queue = new BlockingCollection<PendingFile>();
        // The search keeps at most this many files ahead of the report: what it has found and the report not yet taken
        // (and the folder listings it made meanwhile) is what every garbage collection of the time has to keep.
        using var found = new BlockingCollection<SearchResult>(boundedCapacity: 128);
        using var stopped = new CancellationTokenSource();
        var linting = Task.Run(() => Parallel.ForEach(Partitioner.Create(queue.GetConsumingEnumerable(), EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = workers }, lintAndFinish));
        // A thread of its own (LongRunning), not the pool's: the workers hold as many of those as there are cores, and
        // the search would wait for the pool to grow.
        var searching = Task.Factory.StartNew(() =>
        {
            try
            {
                search(result =>
                {
                    found.Add(result, stopped.Token);
                    if (result.File is { } file)
                    {
                        queue.Add(file);
                    }
                });
            }
            finally
            {
                queue.CompleteAdding();
                found.CompleteAdding();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return report(Searched(), true);
        }
        finally
        {
            // Reached early only by an exception (which goes on): the search stops at its next file, and the workers end
            // with the files they were given, before the command does.
            stopped.Cancel();
            try
            {
                searching.Wait();
            }
            catch (AggregateException)
            {
                // Already thrown to the report, or a stop of the search the exception under way caused.
            }
            try
            {
                linting.Wait();
            }
            catch (AggregateException e) when (e.Flatten().InnerExceptions.Count > 0)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.Flatten().InnerExceptions[0]).Throw();
            }
        }

        IEnumerable<SearchResult> Searched()
        {
            foreach (var result in found.GetConsumingEnumerable())
            {
                yield return result;
            }
            // A search that failed ends the report with its exception, not with fewer files.
            searching.GetAwaiter().GetResult();
        }
    }

    /// <summary>What the search of the operands gives the report, in order: a Dockerfile to lint, or an operand that names none.</summary>
    private readonly record struct SearchResult(PendingFile? File, string? EmptyOperand);

    /// <summary>
    /// What the exit code depends on beyond the findings (which the report counts, <see cref="FindingTally"/>), gathered
    /// as the report takes the files: problems that stopped a file or a configuration, and the options of the files
    /// analysed (the last file's threshold decides, as hadolint's one configuration would).
    /// </summary>
    private sealed class RunOutcome
    {
        public bool IoProblem;
        public bool ConfigProblem;
        public bool NoFail;
        public DiagnosticSeverity FailAt = DiagnosticSeverity.Error;
    }

    /// <summary>
    /// The Dockerfile piped to standard input, reported as '-' or as --file-path-in-report names it. It stands where that
    /// path says when its folder is here (an editor's buffer: the configuration is found from that folder, which is also
    /// the default context), else in the working folder (hadolint run in a container, given the path outside it). Read up
    /// to the largest Dockerfile analysed; past it, the rest is counted, not kept.
    /// </summary>
    private static LintTarget ReadStandardInput(CliHost host, string? reportPath)
    {
        string name = reportPath ?? StandardInput;
        try
        {
            string location = reportPath is not null && Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(reportPath))) ? reportPath : StandardInput;
            using var input = host.OpenStandardInput();
            using var kept = new MemoryStream();
            var chunk = new byte[81920];
            long total = 0;
            int read;
            while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
            {
                long room = DockerfileInput.MaxBytes - total;
                if (room > 0)
                {
                    kept.Write(chunk, 0, (int)Math.Min(read, room));
                }
                total += read;
            }
            if (total > DockerfileInput.MaxBytes)
            {
                return new LintTarget(name, name, Problem: DockerfileInput.FileProblem(DiagnosticCatalog.FileTooLarge, name, name, total, DockerfileInput.MaxBytes));
            }
            return new LintTarget(location, name, kept.ToArray());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException or ArgumentException)
        {
            return new LintTarget(name, name, Problem: DockerfileInput.FileProblem(DiagnosticCatalog.FileUnreadable, name, name, e.Message));
        }
    }

    /// <summary>What --verbose says of a Dockerfile's configuration: the files read, or where none was found.</summary>
    private static string ConfigurationNote(LoadedRequest loaded, IReadOnlyList<string> userConfigFiles, AnalysisRunCache? cache)
    {
        if (loaded.ConfigFiles.Count > 0)
        {
            return "configuration: " + string.Join(", ", loaded.ConfigFiles);
        }
        string folder = Path.GetDirectoryName(loaded.Dockerfile)!;
        var searched = ConfigurationFiles.SearchedFolders(folder, loaded.ContextDirectory, cache ?? AnalysisRunCache.None);
        return $"no configuration file in {string.Join(", ", searched)}" + (userConfigFiles.Count == 0 ? "." : $" or {string.Join(", ", userConfigFiles)}.");
    }
}
