using System.CommandLine;
using ContainerOpt.Cli.Output;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Images;
using ContainerOpt.Images.Compression;
using ContainerOpt.Images.Archives;
using ContainerOpt.Images.Builders;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Registry;
using ContainerOpt.Images.Reporting;

namespace ContainerOpt.Cli.Commands;

/// <summary>
/// <c>containeropt layers IMAGE|ARCHIVE.tar|OCI-DIR|HOST[:PORT]/REPO:TAG [--dockerfile F] [--target STAGE] [--format text|json|html]
/// [--builder auto|docker|podman] [--platform OS/ARCH] [--source auto|archive|engine|registry] [--insecure-registry HOST[:PORT]]...
/// [--max-size S] [--max-wasted S] [--min-efficiency E] [--max-user-wasted R] [--ci-config FILE] [--compare OTHER [--top N]]</c>:
/// every layer's size, the Dockerfile line that made it and the bytes it wastes, the credential files the layers carry, with
/// the gates' verdict (flags first, then a .dive-ci file); or, with --compare, what changed between two images (LayersCommand.Compare.cs).
/// </summary>
internal static partial class LayersCommand
{
    public const string Description = "Report every layer of an image: its size, compressed size, the Dockerfile line that made it, the bytes it wastes "
        + "(overwritten, deleted or left in caches), its largest files and the credential files it carries; gates from flags or a .dive-ci file. "
        + "With --compare, what changed between two images, by layer and by file. "
        + "Exit 0: within the gates; 1: a gate failed or a credential file the Dockerfile added; 2: a usage, engine, registry, archive or .dive-ci problem.";

    private static readonly string[] Formats = { "text", "json", "html" };

    private static readonly string[] Sources = { "auto", "archive", "engine", "registry" };

    /// <summary>The layers command's values, as given.</summary>
    private sealed record LayersRequest(string Image, string Format, string? Dockerfile, string? Target, string? Builder, string? Platform,
        string? MaxSize, string? MaxWasted, string? MinEfficiency, bool NoCompressedSize,
        string Source, IReadOnlyList<string> InsecureRegistries,
        string? MaxUserWasted = null, string? CiConfig = null, string? Compare = null, string? Top = null);

    public static Command Create(CliHost host)
    {
        var image = new Argument<string>("IMAGE") { Description = "A local image (read with docker save), a 'docker save' archive (.tar), an OCI layout folder, or HOST[:PORT]/REPO:TAG (or @sha256:DIGEST) read from that registry." };
        var dockerfile = CliOptions.Value("--dockerfile", "FILE", "The Dockerfile the image was built from: each layer is attributed to its line.");
        var target = CliOptions.Value("--target", "STAGE", "The stage the image was built to (default: the last).");
        var format = CliOptions.Choice("--format", Formats, "text", "text: a table; json: the report as JSON; html: a self-contained page with bars per layer (not with --compare).", "-f");
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
        var maxUserWasted = CliOptions.Value("--max-user-wasted", "RATIO", "Fail when the layers above the base image waste a larger share of the bytes they add (0.1 or 10%; dive's highestUserWastedPercent).");
        var ciConfig = CliOptions.Value("--ci-config", "FILE", "Gates from this dive CI file (default: .dive-ci in the working folder, when there is one); flags keep priority.");
        var compare = CliOptions.Value("--compare", "OTHER", "Show what changed from IMAGE (A, before) to OTHER (B, after), by layer and by file; OTHER is read as IMAGE is (local image, registry, archive or OCI folder).");
        var top = CliOptions.Value("--top", "N", $"With --compare: how many of the largest file changes to list (default {Images.Comparison.ImageComparer.DefaultLargestFileChanges}).");
        var command = new Command("layers", Description)
        {
            image, dockerfile, target, format, builder, platform, source, insecureRegistry, maxSize, maxWasted, minEfficiency, maxUserWasted, ciConfig, compare, top, noCompressedSize,
        };
        CliApp.RequiredMessage(image, "layers takes one image: a local image reference, a 'docker save' archive or an OCI layout folder.");
        command.SetAction(result => Run(new LayersRequest(result.GetValue(image)!, CliOptions.Canonical(Formats, result.GetValue(format)) ?? "text",
            result.GetValue(dockerfile), result.GetValue(target), result.GetValue(builder), result.GetValue(platform),
            result.GetValue(maxSize), result.GetValue(maxWasted), result.GetValue(minEfficiency), result.GetValue(noCompressedSize),
            CliOptions.Canonical(Sources, result.GetValue(source)) ?? "auto", result.GetValue(insecureRegistry) ?? Array.Empty<string>(),
            result.GetValue(maxUserWasted), result.GetValue(ciConfig), result.GetValue(compare), result.GetValue(top)), host));
        return command;
    }

    private static int Run(LayersRequest line, CliHost host)
    {
        if (line.Compare is not null)
        {
            if (line.Format == "html")
            {
                throw new UsageException("--format html draws one image's layers: give it without --compare (text or json compare two images).");
            }
            return RunCompare(line, host);
        }
        if (line.Top is not null)
        {
            throw new UsageException("--top counts the file changes of --compare: give --compare OTHER too.");
        }
        TextWriter stdout = host.Stdout, stderr = host.Stderr;
        string format = line.Format;
        ImageGateOptions gates;
        try
        {
            gates = ImageGateOptions.FromProperties(line.MaxSize, line.MaxWasted, line.MinEfficiency, line.MaxUserWasted);
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
        gates.MaxImageSizeSetting = "--max-size";
        gates.MaxWastedBytesSetting = "--max-wasted";
        gates.MinEfficiencySetting = "--min-efficiency";
        gates.MaxUserWastedPercentSetting = "--max-user-wasted";
        // dive's CI file: --ci-config, else .dive-ci in the working folder. Flags keep priority over its rules.
        string? diveCiPath = line.CiConfig ?? DiveCiConfig.Find(host.CurrentDirectory());
        if (diveCiPath is not null)
        {
            DiveCiConfig diveCi = DiveCiConfig.Read(diveCiPath);
            foreach (var problem in diveCi.Problems)
            {
                stderr.WriteLine(problem.ToCanonicalString());
            }
            if (diveCi.HasErrors)
            {
                return ExitCodes.UsageOrIo;
            }
            gates.FillFrom(diveCi);
            stderr.WriteLine($"containeropt: gates from {diveCi.Path}: {diveCi.Summary()}");
        }

        if (!DockerfileExists(line, stderr))
        {
            return ExitCodes.UsageOrIo;
        }
        if (Read(line.Image, line, host) is not { } report)
        {
            return ExitCodes.UsageOrIo;
        }

        if (format == "json")
        {
            ImageReportJson.Write(report, stdout);
            stdout.WriteLine();
        }
        else if (format == "html")
        {
            stdout.Write(ImageReportHtml.Render(report, ImageGates.Results(report, gates)));
        }
        else
        {
            stdout.Write(ImageReportTable.Format(report));
        }
        // The credential files the layers carry, then the gates: each at its Dockerfile line.
        var findings = ImageSecrets.Evaluate(report).Concat(ImageGates.Evaluate(report, gates)).ToList();
        foreach (var finding in findings)
        {
            stderr.WriteLine(finding.ToCanonicalString());
        }
        return findings.Any(f => f.Severity == DiagnosticSeverity.Error) ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static bool DockerfileExists(LayersRequest line, TextWriter stderr)
    {
        string? dockerfile = line.Dockerfile;
        if (dockerfile is not null && !File.Exists(dockerfile))
        {
            stderr.WriteLine($"{dockerfile}(1,1): error {DiagnosticCatalog.FileNotFound.Id}: {DiagnosticCatalog.FileNotFound.FormatMessage(dockerfile)}");
            return false;
        }
        return true;
    }

    /// <summary>
    /// Reads and analyses one image from where --source (or its name) says (attributed to --dockerfile when given); null,
    /// with the coded error written, when it cannot be read.
    /// </summary>
    private static ImageReport? Read(string image, LayersRequest line, CliHost host)
    {
        TextWriter stderr = host.Stderr;
        string? dockerfile = line.Dockerfile;
        ImageReport report;
        // Reading a large image takes a while: a terminal sees how far it has come; redirected output gets nothing.
        // The line is cleared before anything else is written.
        ImageReadProgressLine? progress = ImageReadProgressLine.ForTerminal(stderr, image);
        try
        {
            var options = new ImageReadOptions
            {
                Platform = line.Platform,
                MeasureCompressedSize = !line.NoCompressedSize,
                Progress = progress,
                // The estimates of layers read before (the user's cache): a rebuilt image's unchanged base layers are not
                // estimated again, most of a read's CPU time.
                CompressedSizeCache = line.NoCompressedSize ? null : CompressedSizeCache.ForUser(host.Environment, OperatingSystem.IsWindows()),
            };
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
            // Only saves time: a cache that cannot be written is not the user's problem.
            options.CompressedSizeCache?.Save();
            if (dockerfile is not null)
            {
                report = ImageLayers.Attribute(report, Path.GetFullPath(dockerfile), line.Target);
            }
        }
        catch (ImageBuilderException e)
        {
            progress?.Dispose();
            stderr.WriteLine($"{image}: error {e.Code}: {e.Message}");
            return null;
        }
        catch (RegistryException e)
        {
            progress?.Dispose();
            stderr.WriteLine($"{image}: error {e.Code}: {e.Message}");
            return null;
        }
        catch (ImageReadException e)
        {
            progress?.Dispose();
            stderr.WriteLine($"{image}: error {DiagnosticCatalog.ImageUnreadable.Id}: {DiagnosticCatalog.ImageUnreadable.FormatMessage(image, e.Message)}");
            return null;
        }
        finally
        {
            progress?.Dispose();
        }
        return report;
    }
}
