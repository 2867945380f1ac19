using ContainerOpt.Analysis.Diagnostics;
using ContainerOpt.Analysis.Engine;
using ContainerOpt.Cli.Output;

namespace ContainerOpt.Cli.Commands;

/// <summary><c>containeropt lint PATH... [--format text|json|sarif]</c>.</summary>
internal static class LintCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, new[] { "--format" }, Array.Empty<string>());
        string format = line.Choice("--format", "text", "text", "json", "sarif");
        if (line.Operands.Count == 0)
        {
            throw new UsageException("lint needs at least one Dockerfile or folder.");
        }

        var analyzer = new DockerfileAnalyzer();
        var files = new List<FileFindings>();
        bool ioProblem = false;
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
                files.Add(new FileFindings(path, analyzer.Analyze(source).Findings));
            }
        }

        switch (format)
        {
            case "json": JsonReport.Write(stdout, files); break;
            case "sarif": SarifReport.Write(stdout, files, CliApp.Version); break;
            default: TextReport.Write(stdout, stderr, files); break;
        }

        if (ioProblem)
        {
            return ExitCodes.UsageOrIo;
        }
        return files.Any(f => f.Findings.Any(d => d.Severity == DiagnosticSeverity.Error)) ? ExitCodes.Findings : ExitCodes.Success;
    }
}

/// <summary>The findings of one file, as the reports print them.</summary>
internal sealed record FileFindings(string Path, IReadOnlyList<Finding> Findings);
