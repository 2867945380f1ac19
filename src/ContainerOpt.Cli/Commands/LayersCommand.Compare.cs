using System.Globalization;
using ContainerOpt.Images;
using ContainerOpt.Images.Comparison;

namespace ContainerOpt.Cli.Commands;

/// <summary>
/// <c>containeropt layers A --compare B [--dockerfile F] [--format text|json] [--top N]</c>: what changed from image A
/// (before) to image B (after), by layer and by file. Both are read as <c>layers</c> reads one image (--source,
/// --platform and --insecure-registry apply to both; with --source auto each is placed by its own name); --dockerfile
/// attributes the layers of both (each pairing verified against that image's history, so a Dockerfile that built only
/// one of them leaves the other's lines empty). No gates: exit 0 when both images were read, 2 otherwise.
/// </summary>
internal static partial class LayersCommand
{
    private static int RunCompare(LayersRequest line, CliHost host)
    {
        if (line.MaxSize is not null || line.MaxWasted is not null || line.MinEfficiency is not null || line.MaxUserWasted is not null || line.CiConfig is not null)
        {
            throw new UsageException("--compare shows what changed between two images; the gates (--max-size, --max-wasted, --min-efficiency, "
                + "--max-user-wasted, --ci-config) judge one image: run layers on it without --compare.");
        }
        int top = ImageComparer.DefaultLargestFileChanges;
        if (line.Top is not null && (!int.TryParse(line.Top, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top > 10_000))
        {
            throw new UsageException($"--top takes a number of file changes from 0 to 10000 (got '{line.Top}').");
        }
        if (!DockerfileExists(line, host.Stderr))
        {
            return ExitCodes.UsageOrIo;
        }
        if (Read(line.Image, line, host) is not { } before || Read(line.Compare!, line, host) is not { } after)
        {
            return ExitCodes.UsageOrIo;
        }
        ImageComparison comparison = ImageLayers.Compare(before, after, top);
        if (line.Format == "json")
        {
            ImageComparisonJson.Write(comparison, host.Stdout);
        }
        else
        {
            host.Stdout.Write(ImageComparisonTable.Format(comparison));
        }
        return ExitCodes.Success;
    }
}
