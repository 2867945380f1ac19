using ContainerOpt.Cli.Output;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Images;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;

namespace ContainerOpt.Cli.Commands;

/// <summary>
/// <c>containeropt layers IMAGE|ARCHIVE.tar|OCI-DIR [--dockerfile F] [--target STAGE] [--format text|json]
/// [--builder auto|docker|podman] [--platform OS/ARCH] [--max-size S] [--max-wasted S] [--min-efficiency E]</c>:
/// every layer's size, the Dockerfile line that made it and the bytes it wastes, with the gates' verdict.
/// </summary>
internal static class LayersCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var line = CommandLine.Parse(args,
            new[] { "--dockerfile", "--target", "--format", "--builder", "--platform", "--max-size", "--max-wasted", "--min-efficiency" },
            new[] { "--no-compressed-size" });
        if (line.Operands.Count != 1)
        {
            throw new UsageException("layers takes one image: a local image reference, a 'docker save' archive or an OCI layout folder.");
        }
        string format = line.Value("--format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new UsageException($"Unknown format '{format}': use text or json.");
        }
        ImageGateOptions gates;
        try
        {
            gates = ImageGateOptions.FromProperties(line.Value("--max-size"), line.Value("--max-wasted"), line.Value("--min-efficiency"));
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }

        string image = line.Operands[0];
        string? dockerfile = line.Value("--dockerfile");
        if (dockerfile is not null && !File.Exists(dockerfile))
        {
            stderr.WriteLine($"{dockerfile}(1,1): error {DiagnosticCatalog.FileNotFound.Id}: {DiagnosticCatalog.FileNotFound.FormatMessage(dockerfile)}");
            return ExitCodes.UsageOrIo;
        }

        ImageReport report;
        // Reading a large image takes a while: a terminal sees how far it has come; redirected output gets nothing.
        // The line is cleared before anything else is written.
        ImageReadProgressLine? progress = ImageReadProgressLine.ForTerminal(stderr, image);
        try
        {
            var options = new ImageReadOptions { Platform = line.Value("--platform"), MeasureCompressedSize = !line.Flag("--no-compressed-size"), Progress = progress };
            if (File.Exists(image) || Directory.Exists(image))
            {
                report = ImageLayers.FromPath(image, options);
            }
            else
            {
                if (!BuilderPreferences.TryParse(line.Value("--builder") ?? "auto", out var preference))
                {
                    throw new UsageException($"Unknown builder '{line.Value("--builder")}': use auto, docker, buildx or podman.");
                }
                var builder = BuilderDetector.Detect(preference);
                report = ImageLayers.FromEngine(builder, image, ImageBuildRequest.DefaultTimeout, options);
            }
            if (dockerfile is not null)
            {
                report = ImageLayers.Attribute(report, Path.GetFullPath(dockerfile), line.Value("--target"));
            }
        }
        catch (ImageBuilderException e)
        {
            progress?.Dispose();
            stderr.WriteLine($"{image}: error {e.Code}: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (ImageReadException e)
        {
            progress?.Dispose();
            stderr.WriteLine($"{image}: error {DiagnosticCatalog.ImageUnreadable.Id}: {DiagnosticCatalog.ImageUnreadable.FormatMessage(image, e.Message)}");
            return ExitCodes.UsageOrIo;
        }
        finally
        {
            progress?.Dispose();
        }

        if (format == "json")
        {
            ImageReportJson.Write(report, stdout);
            stdout.WriteLine();
        }
        else
        {
            stdout.Write(ImageReportTable.Format(report));
        }
        var findings = ImageGates.Evaluate(report, gates);
        foreach (var finding in findings)
        {
            stderr.WriteLine(finding.ToCanonicalString());
        }
        return findings.Any(f => f.Severity == DiagnosticSeverity.Error) ? ExitCodes.Findings : ExitCodes.Success;
    }
}
