using System.CommandLine;
using ContainerOpt.Cli.Output;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Images;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Registry;
using ContainerOpt.Images.Reporting;

namespace ContainerOpt.Cli.Commands;

/// <summary>
/// <c>containeropt layers IMAGE|ARCHIVE.tar|OCI-DIR|HOST[:PORT]/REPO:TAG [--dockerfile F] [--target STAGE] [--format text|json]
/// [--builder auto|docker|podman] [--platform OS/ARCH] [--source auto|archive|engine|registry] [--insecure-registry HOST[:PORT]]...
/// [--max-size S] [--max-wasted S] [--min-efficiency E]</c>: every layer's size, the Dockerfile line that made it and the
/// bytes it wastes, with the gates' verdict.
/// </summary>
internal static class LayersCommand
{
    public const string Description = "Report every layer of an image: its size, compressed size, the Dockerfile line that made it, the bytes it wastes "
        + "(overwritten, deleted or left in caches) and its largest files. Exit 0: within the gates; 1: a gate failed; 2: a usage, engine, registry or archive problem.";

    private static readonly string[] Formats = { "text", "json" };

    private static readonly string[] Sources = { "auto", "archive", "engine", "registry" };

    /// <summary>The layers command's values, as given.</summary>
    private sealed record LayersRequest(string Image, string Format, string? Dockerfile, string? Target, string? Builder, string? Platform,
        string? MaxSize, string? MaxWasted, string? MinEfficiency, bool NoCompressedSize,
        string Source, IReadOnlyList<string> InsecureRegistries);

    public static Command Create(CliHost host)
    {
        var image = new Argument<string>("IMAGE") { Description = "A local image (read with docker save), a 'docker save' archive (.tar), an OCI layout folder, or HOST[:PORT]/REPO:TAG (or @sha256:DIGEST) read from that registry." };
        var dockerfile = CliOptions.Value("--dockerfile", "FILE", "The Dockerfile the image was built from: each layer is attributed to its line.");
        var target = CliOptions.Value("--target", "STAGE", "The stage the image was built to (default: the last).");
        var format = CliOptions.Choice("--format", Formats, "text", "text: a table; json: the report as JSON.", "-f");
        var builder = CliOptions.Choice("--builder", new[] { "auto", "docker", "buildx", "podman" }, "auto", "The engine an IMAGE is read from.");
        var platform = CliOptions.Value("--platform", "OS/ARCH", "The platform of a multi-platform image or archive.");
        var maxSize = CliOptions.Value("--max-size", "SIZE", "Fail when the image is larger (500MB).");
        var maxWasted = CliOptions.Value("--max-wasted", "SIZE", "Fail when more bytes are wasted (10MB).");
        var minEfficiency = CliOptions.Value("--min-efficiency", "RATIO", "Fail when less of the image is used (0.95 or 95%).");
        var noCompressedSize = CliOptions.Flag("--no-compressed-size", "Skip the compressed sizes (faster).");
        var source = CliOptions.Choice("--source", Sources, "auto",
            "Where IMAGE is: auto (a file or folder is an archive; a name whose first part has a '.' or ':' is on that registry; any other name is in the local engine), archive, engine or registry.");
        var insecureRegistry = CliOptions.Repeated("--insecure-registry", "HOST[:PORT]",
            "A registry that may be read over plain HTTP or with an unverified certificate (localhost always may); repeatable.");
        var command = new Command("layers", Description) { image, dockerfile, target, format, builder, platform, source, insecureRegistry, maxSize, maxWasted, minEfficiency, noCompressedSize };
        CliApp.RequiredMessage(image, "layers takes one image: a local image reference, a 'docker save' archive or an OCI layout folder.");
        command.SetAction(result => Run(new LayersRequest(result.GetValue(image)!, CliOptions.Canonical(Formats, result.GetValue(format)) ?? "text",
            result.GetValue(dockerfile), result.GetValue(target), result.GetValue(builder), result.GetValue(platform),
            result.GetValue(maxSize), result.GetValue(maxWasted), result.GetValue(minEfficiency), result.GetValue(noCompressedSize),
            CliOptions.Canonical(Sources, result.GetValue(source)) ?? "auto", result.GetValue(insecureRegistry) ?? Array.Empty<string>()), host));
        return command;
    }

    private static int Run(LayersRequest line, CliHost host)
    {
        TextWriter stdout = host.Stdout, stderr = host.Stderr;
        string format = line.Format;
        ImageGateOptions gates;
        try
        {
            gates = ImageGateOptions.FromProperties(line.MaxSize, line.MaxWasted, line.MinEfficiency);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }

        string image = line.Image;
        string? dockerfile = line.Dockerfile;
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
            var options = new ImageReadOptions { Platform = line.Platform, MeasureCompressedSize = !line.NoCompressedSize, Progress = progress };
            ImageSourceKind kind = line.Source switch
            {
                "archive" => ImageSourceKind.Archive,
                "engine" => ImageSourceKind.Engine,
                "registry" => ImageSourceKind.Registry,
                _ => ImageLayers.SourceOf(image),
            };
            if (kind == ImageSourceKind.Archive)
            {
                report = ImageLayers.FromPath(image, options);
            }
            else if (kind == ImageSourceKind.Registry)
            {
                var registry = new RegistryOptions { InsecureRegistries = line.InsecureRegistries, Environment = host.Environment };
                report = ImageLayers.FromRegistry(image, options, registry);
            }
            else
            {
                if (!BuilderPreferences.TryParse(line.Builder ?? "auto", out var preference))
                {
                    throw new UsageException($"Unknown builder '{line.Builder}': use auto, docker, buildx or podman.");
                }
                var builder = BuilderDetector.Detect(preference);
                report = ImageLayers.FromEngine(builder, image, ImageBuildRequest.DefaultTimeout, options);
            }
            if (dockerfile is not null)
            {
                report = ImageLayers.Attribute(report, Path.GetFullPath(dockerfile), line.Target);
            }
        }
        catch (ImageBuilderException e)
        {
            progress?.Dispose();
            stderr.WriteLine($"{image}: error {e.Code}: {e.Message}");
            return ExitCodes.UsageOrIo;
        }
        catch (RegistryException e)
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
