using System.CommandLine;
using ContainerOpt.Analysis.Reporting;
using ContainerOpt.Analysis.Requests;
using ContainerOpt.Cli.Output;
using ContainerOpt.Dockerfile.Syntax;

namespace ContainerOpt.Cli.Commands;

/// <summary><c>containeropt parse PATH [--format buildkit|json]</c>.</summary>
internal static class ParseCommand
{
    public const string Description = "Print a Dockerfile's syntax tree: BuildKit's AST dump, byte for byte, or JSON with exact spans.";

    private static readonly string[] Formats = { "buildkit", "json" };

    public static Command Create(CliHost host)
    {
        var path = new Argument<string>("PATH") { Description = "The Dockerfile." };
        var format = CliOptions.Choice("--format", Formats, "buildkit", "buildkit: BuildKit's AST dump; json: every instruction, flag and argument with its span.", "-f");
        var command = new Command("parse", Description) { path, format };
        CliApp.RequiredMessage(path, "parse takes exactly one Dockerfile.");
        command.SetAction(result => Run(result.GetValue(path)!, CliOptions.Canonical(Formats, result.GetValue(format)) ?? "buildkit", host.Stdout, host.Stderr));
        return command;
    }

    private static int Run(string path, string format, TextWriter stdout, TextWriter stderr)
    {
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
