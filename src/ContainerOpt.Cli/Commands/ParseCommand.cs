using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Cli.Output;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Cli.Commands;

/// <summary><c>containeropt parse PATH [--format buildkit|json]</c>.</summary>
internal static class ParseCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args, new[] { "--format" }, Array.Empty<string>());
        string format = line.Choice("--format", "buildkit", "buildkit", "json");
        if (line.Operands.Count != 1)
        {
            throw new UsageException("parse takes exactly one Dockerfile.");
        }
        string path = line.Operands[0];
        var source = AnalysisRequestLoader.ReadDockerfile(path, out _, out var problem);
        if (source is null)
        {
            stderr.WriteLine(MSBuildReport.Format(path, problem!));
            return ExitCodes.UsageOrIo;
        }
        var syntax = DockerfileParser.Parse(source);
        if (format == "json")
        {
            SyntaxTreeJson.Write(stdout, syntax);
            return syntax.FailsBuildKitParse ? ExitCodes.Findings : ExitCodes.Success;
        }
        if (syntax.FailsBuildKitParse)
        {
            foreach (var d in syntax.Diagnostics.Where(d => d.FailsBuildKitParse))
            {
                var at = source.GetLinePosition(d.Span.Start);
                stderr.WriteLine($"{path}({at.Line},{at.Column}): error {d.Code}: {d.Message}");
            }
            return ExitCodes.Findings;
        }
        stdout.Write(BuildKitAstDump.Dump(syntax));
        return ExitCodes.Success;
    }
}
