using ContainerOpt.Analysis.Engine;
using ContainerOpt.Analysis.Fixes;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Cli.Projects;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Core.Projects;

namespace ContainerOpt.Cli.Commands;

/// <summary>
/// <c>containeropt fix PATH... [--rule NAME...] [--mode M] [--dry-run] [--project X.csproj] [--context DIR] [--config FILE]</c>:
/// applies the fixers (<see cref="DockerfileFixEngine"/>) and writes each changed file atomically, or with
/// <c>--dry-run</c> prints a unified diff (stdout) and changes nothing. Reports what it fixed and what it left, by code and
/// line: <c>PATH(LINE): fixed CODE name: what</c> and <c>PATH(LINE): left CODE name: why</c>. Exit 0: no error-severity
/// finding is left; 1: one is, or a file was not fixed (it does not parse, or could not be written as read); 2: usage or I/O.
/// </summary>
internal static class FixCommand
{
    public const string Usage = """
        containeropt fix PATH... [--rule NAME...] [--mode recommended|minimum|all|hadolint] [--dry-run]
                                 [--project X.csproj] [--context DIR] [--config FILE]
            Fix what the fixable rules report (containeropt rules marks them): without --rule, the findings the mode shows
            (errors, warnings, infos); --rule (code, name, DL code or BuildKit check; repeatable) fixes those rules' findings,
            suggestions included. Each changed file is written in place, atomically; --dry-run prints a unified diff and
            changes nothing. A file that does not parse is never changed (COPT0030).
            Exit 0: no error-severity finding left; 1: one is left, or a file was not fixed; 2: usage or I/O problem.
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            stdout.WriteLine(Usage);
            return ExitCodes.Success;
        }
        var line = CommandLine.Parse(args, new[] { "--rule", "--mode", "--project", "--context", "--config" }, new[] { "--dry-run" });
        if (line.Operands.Count == 0)
        {
            throw new UsageException("fix needs at least one Dockerfile or folder.");
        }
        AnalysisMode? mode = null;
        if (line.Value("--mode") is { } modeText)
        {
            if (!AnalysisModeText.TryParse(modeText, out var parsed))
            {
                throw new UsageException($"'{modeText}' is not a mode; use recommended, minimum, all or hadolint.");
            }
            mode = parsed;
        }
        var rules = line.Values("--rule").SelectMany(r => r.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)).Select(r => r.Trim()).ToList();
        foreach (var rule in rules)
        {
            if (DiagnosticCatalog.Find(rule) is null)
            {
                throw new UsageException($"'{rule}' names no rule; use a code (COPT4001), a name (dotnet-version-mismatch) or an equivalent (DL3025).");
            }
        }
        string? context = line.Value("--context");
        string? config = line.Value("--config");
        if (config is not null && !File.Exists(config))
        {
            throw new UsageException($"The configuration file '{config}' does not exist.");
        }
        if (context is not null && !Directory.Exists(context))
        {
            throw new UsageException($"The build context '{context}' is not a folder.");
        }
        bool dryRun = line.Flag("--dry-run");
        // With --dry-run the diff is the output (for patch or git apply): the report goes to stderr.
        var report = dryRun ? stderr : stdout;

        ProjectModel? project = null;
        if (line.Value("--project") is { } projectPath)
        {
            project = MSBuildProjectLoader.TryLoad(projectPath, out var problem);
            if (project is null)
            {
                stderr.WriteLine(problem!.ToCanonicalString());
                return ExitCodes.UsageOrIo;
            }
        }

        var engine = new DockerfileFixEngine();
        var selection = new FixSelection(rules);
        var cache = new AnalysisRunCache();
        var paths = line.Operands.SelectMany(operand => DockerfileFiles.Expand(operand, cache)).ToList();
        int status = ExitCodes.Success;
        int fixedCount = 0, leftCount = 0, changedFiles = 0;
        foreach (string path in paths)
        {
            var loaded = AnalysisRequestLoader.Load(new AnalysisRequest(path)
            {
                Context = context ?? project?.BuildContext,
                ConfigFile = config,
                Mode = mode,
                Project = project,
                RunCache = paths.Count > 1 ? cache : null,
            });
            foreach (var problem in loaded.Problems)
            {
                stderr.WriteLine(problem.ToCanonicalString());
                if (problem.Severity == DiagnosticSeverity.Error)
                {
                    status = ExitCodes.UsageOrIo;
                }
            }
            if (loaded.Input is not { } input)
            {
                continue;
            }
            var result = engine.Fix(input, selection);
            if (result.NotFixed is { } notFixed)
            {
                report.WriteLine(notFixed.ToCanonicalString());
                status = Math.Max(status, ExitCodes.Findings);
                continue;
            }
            foreach (var fix in result.Fixed)
            {
                report.WriteLine($"{path}({fix.Line}): fixed {fix.Code} {fix.Finding.Descriptor.Name}: {fix.Title}");
            }
            foreach (var left in result.Left)
            {
                report.WriteLine($"{path}({left.Line}): left {left.Code} {left.Finding.Descriptor.Name}: {left.ReasonText}");
            }
            fixedCount += result.Fixed.Count;
            leftCount += result.Left.Count;
            if (result.Changed)
            {
                changedFiles++;
                if (dryRun)
                {
                    string name = Path.IsPathRooted(path) ? path : path.Replace('\\', '/');
                    stdout.Write(UnifiedDiff.Format(result.OriginalText, result.FixedText,
                        Path.IsPathRooted(path) ? name : "a/" + name, Path.IsPathRooted(path) ? name : "b/" + name));
                }
                else if (FixedFileWriter.Write(loaded.Dockerfile, result.OriginalText, result.FixedText) is { } notWritten)
                {
                    stderr.WriteLine(notWritten.ToCanonicalString());
                    status = Math.Max(status, notWritten.Descriptor == DiagnosticCatalog.FixNotWritten ? ExitCodes.Findings : ExitCodes.UsageOrIo);
                    continue;
                }
            }
            if (result.Remaining.Any(f => f.Severity == DiagnosticSeverity.Error) && status == ExitCodes.Success)
            {
                status = ExitCodes.Findings;
            }
        }
        string verb = dryRun ? "would fix" : "fixed";
        report.WriteLine($"{verb} {fixedCount} finding(s) in {changedFiles} of {paths.Count} Dockerfile(s); {leftCount} left");
        return status;
    }
}
