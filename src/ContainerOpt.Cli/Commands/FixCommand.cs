using System.CommandLine;
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
    public const string Description = "Fix what the fixable rules report ('containeropt rules' marks them), in place and atomically; "
        + "--dry-run prints a unified diff and changes nothing. A file that does not parse is never changed (COPT0030). "
        + "Exit 0: no error-severity finding left; 1: one is left, or a file was not fixed; 2: usage or I/O problem.";

    public static Command Create(CliHost host)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Dockerfiles, or folders searched for them.", Arity = ArgumentArity.OneOrMore };
        var rule = CliOptions.Rule("--rule", "Fix only this rule's findings, suggestions included (code, name, DL code or BuildKit check; repeatable). "
            + "Without it: the findings the mode shows (errors, warnings, infos).");
        var mode = CliOptions.Choice("--mode", new[] { "recommended", "minimum", "all", "hadolint" }, null, "The analysis mode whose findings are fixed.");
        var dryRun = CliOptions.Flag("--dry-run", "Print a unified diff on standard output (the report on standard error) and change nothing.");
        var project = CliOptions.Value("--project", "X.csproj", "Evaluate this .NET project for the .NET rules' fixes.");
        var context = CliOptions.Value("--context", "DIR", "The build context (default: the Dockerfile's folder).");
        var config = CliOptions.Value("--config", "FILE", "Read this configuration file instead of searching for one.", "-c");
        var command = new Command("fix", Description) { paths, rule, mode, dryRun, project, context, config };
        command.SetAction(result => Run(
            result.GetValue(paths) ?? Array.Empty<string>(),
            result.GetValue(rule) ?? Array.Empty<string>(),
            result.GetValue(mode), result.GetValue(dryRun), result.GetValue(project), result.GetValue(context), result.GetValue(config),
            host.Stdout, host.Stderr));
        return command;
    }

    private static int Run(IReadOnlyList<string> operands, IReadOnlyList<string> ruleNames, string? modeText, bool dryRun, string? projectOption,
        string? context, string? config, TextWriter stdout, TextWriter stderr)
    {
        if (operands.Count == 0)
        {
            throw new UsageException("fix needs at least one Dockerfile or folder.");
        }
        AnalysisMode? mode = null;
        if (modeText is not null)
        {
            if (!AnalysisModeText.TryParse(modeText, out var parsed))
            {
                throw new UsageException($"'{modeText}' is not a mode; use recommended, minimum, all or hadolint.");
            }
            mode = parsed;
        }
        var rules = ruleNames.SelectMany(r => r.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)).Select(r => r.Trim()).ToList();
        foreach (var rule in rules)
        {
            if (DiagnosticCatalog.Find(rule) is null)
            {
                throw new UsageException($"'{rule}' names no rule; use a code (COPT4001), a name (dotnet-version-mismatch) or an equivalent (DL3025).");
            }
        }
        if (config is not null && !File.Exists(config))
        {
            throw new UsageException($"The configuration file '{config}' does not exist.");
        }
        if (context is not null && !Directory.Exists(context))
        {
            throw new UsageException($"The build context '{context}' is not a folder.");
        }
        // With --dry-run the diff is the output (for patch or git apply): the report goes to stderr.
        var report = dryRun ? stderr : stdout;

        ProjectModel? project = null;
        if (projectOption is { } projectPath)
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
        var paths = operands.SelectMany(operand => DockerfileFiles.Expand(operand, cache)).ToList();
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
