using System.Globalization;
using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Layers.Secrets;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// Turns the credential files an image carries (<see cref="ImageReport.Secrets"/>) into findings, each at the Dockerfile
/// line of the layer that adds it: COPT3110 (error) when one of this Dockerfile's instructions added it, COPT3111
/// (warning) when FROM brought it with the base image, COPT3112 (warning) when no line is known, COPT3113 (warning) for
/// a machine key a package generated on install (snakeoil, SSH host keys), wherever it came from. A file a later layer
/// removes is reported all the same: its layer still holds it. Exempt files (test fixtures, package content) make none.
/// </summary>
public static class ImageSecrets
{
    public static IReadOnlyList<Finding> Evaluate(ImageReport report)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        var findings = new List<Finding>();
        foreach (LayerSecret secret in report.Secrets)
        {
            if (!secret.IsReported) continue;
            LayerReport layer = report.Layers[secret.LayerIndex];
            DiagnosticDescriptor descriptor = DescriptorFor(report, secret);
            findings.Add(ImageGates.Create(descriptor, report, layer,
                secret.LayerIndex, secret.File.Description, secret.Path, RemovedLater(report, secret), ImageReportTable.ShortCreatedBy(layer.CreatedBy)));
        }
        return findings;
    }

    /// <summary>The code a reported credential gets: a generated machine key's, else by where its layer came from.</summary>
    public static DiagnosticDescriptor DescriptorFor(ImageReport report, LayerSecret secret) =>
        secret.File.IsMachineKey ? DiagnosticCatalog.GeneratedKeyInLayer : report.OriginOf(report.Layers[secret.LayerIndex]) switch
    {
        LayerOrigin.Instruction => DiagnosticCatalog.SecretInLayer,
        LayerOrigin.BaseImage => DiagnosticCatalog.SecretInBaseImage,
        _ => DiagnosticCatalog.SecretInImage,
    };

    /// <summary>"; layer 5 (line 7) deletes it, but layer 3 still holds it", or "" when the final image still has it.</summary>
    public static string RemovedLater(ImageReport report, LayerSecret secret)
    {
        if (secret.RemovedByLayer is not int by) return "";
        string verb = secret.RemovedAs switch
        {
            WasteKind.Overwritten => "overwrites it",
            WasteKind.HiddenByOpaqueDirectory => "replaces its folder",
            _ => "deletes it",
        };
        LayerReport? remover = by < report.Layers.Count ? report.Layers[by] : null;
        string where = remover is not null && report.OriginOf(remover) == LayerOrigin.BaseImage ? " of the base image"
            : remover?.DockerfileLine is int l ? " (line " + l.ToString(CultureInfo.InvariantCulture) + ")" : "";
        return string.Format(CultureInfo.InvariantCulture, "; layer {0}{1} {2}, but layer {3} still holds it", by, where, verb, secret.LayerIndex);
    }
}
