using ContainerOpt.Core.Json;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Layers.Secrets;

namespace ContainerOpt.Images.Reporting;

/// <summary>
/// The JSON layer report of contract.md: <c>{"image","size","wastedBytes","efficiency","layers":[{"index",
/// "digest","size","compressedSize","createdBy","dockerfile","dockerfileLine","wastedBytes","largestFiles":
/// [{"path","size"}]}]}</c>, keys in that order, indented. Sizes are uncompressed file bytes. After the
/// contract's keys each object carries the detail behind them: per layer <c>fileCount</c>,
/// <c>removedBytes</c> and <c>leftoverCacheBytes</c> (wastedBytes is their sum) and
/// <c>compressedSizeEstimated</c> (compressedSize is gzip's size estimated, not a stored blob's); for the
/// image the same two parts and <c>largestWastedFiles</c>, then the split between the base image and the layers
/// added above it (<see cref="BaseImageSplit"/>): <c>baseLayerCount</c>, <c>baseLayerSource</c> (<c>dockerfile</c>:
/// the FROM line's layers; <c>containerBaseImage</c>: the .NET SDK's base image; <c>firstLayer</c>: dive's assumption),
/// <c>baseSize</c>, <c>userSize</c>, <c>baseWastedBytes</c>, <c>userWastedBytes</c> and <c>userWastedPercent</c> (a
/// fraction, as dive's highestUserWastedPercent). A layer of an image the .NET SDK built also has <c>origin</c>
/// (<c>base image …</c> or <c>app: …</c>); its <c>dockerfile</c>/<c>dockerfileLine</c> then name the project file that chose
/// it (the line of <c>ContainerBaseImage</c> for the base image's layers). Then <c>secrets</c>: every credential file a layer carries
/// (<c>{"path","kind","description","size","layer","dockerfileLine","addedBy","removedByLayer","removedAs","exemption","code"}</c>;
/// <c>addedBy</c> is <c>build</c> (a Dockerfile instruction, or the .NET SDK's app layers), <c>baseImage</c> or <c>unknown</c>; <c>code</c> is the finding's, null for an exempt
/// file) — where and what, never content.
/// </summary>
public static class ImageReportJson
{
    public static void Write(ImageReport report, TextWriter output)
    {
        if (report is null) throw new ArgumentNullException(nameof(report));
        var json = new JsonWriter(output ?? throw new ArgumentNullException(nameof(output)));
        json.StartObject();
        json.Property("image", report.Image);
        json.Property("size", report.Size);
        json.Property("wastedBytes", report.WastedBytes);
        json.Name("efficiency");
        json.Number(Math.Round(report.Efficiency, 6));
        json.Name("layers");
        json.StartArray();
        foreach (LayerReport layer in report.Layers) WriteLayer(json, layer);
        json.EndArray();
        json.Property("removedBytes", report.RemovedBytes);
        json.Property("leftoverCacheBytes", report.LeftoverCacheBytes);
        json.Name("largestWastedFiles");
        json.StartArray();
        foreach (WastedFile file in report.LargestWastedFiles)
        {
            json.StartObject();
            json.Property("path", file.Path);
            json.Property("size", file.Size);
            json.Property("layer", file.LayerIndex);
            json.Property("kind", char.ToLowerInvariant(file.Kind.ToString()[0]) + file.Kind.ToString().Substring(1));
            json.EndObject();
        }
        json.EndArray();
        WriteBaseSplit(json, report.BaseSplit);
        WriteSecrets(json, report);
        json.EndObject();
        output.Write('\n');
    }

    private static void WriteSecrets(JsonWriter json, ImageReport report)
    {
        json.Name("secrets");
        json.StartArray();
        foreach (LayerSecret secret in report.Secrets)
        {
            LayerReport layer = report.Layers[secret.LayerIndex];
            json.StartObject();
            json.Property("path", secret.Path);
            json.Property("kind", Camel(secret.Kind.ToString()));
            json.Property("description", secret.File.Description);
            json.Property("size", secret.File.Size);
            json.Property("layer", secret.LayerIndex);
            json.Name("dockerfileLine");
            json.Number(layer.DockerfileLine);
            json.Property("addedBy", AddedBy(report.OriginOf(layer)));
            json.Name("removedByLayer");
            json.Number(secret.RemovedByLayer);
            json.Property("removedAs", secret.RemovedAs is { } how ? Camel(how.ToString()) : null);
            json.Property("exemption", secret.IsReported ? null : Camel(secret.File.Exemption.ToString()));
            json.Property("code", secret.IsReported ? ImageSecrets.DescriptorFor(report, secret).Id : null);
            json.EndObject();
        }
        json.EndArray();
    }

    private static string AddedBy(LayerOrigin origin) => origin switch
    {
        LayerOrigin.Instruction => "build",
        LayerOrigin.BaseImage => "baseImage",
        _ => "unknown",
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name.Substring(1);

    public static string ToJson(ImageReport report)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(report, writer);
        return writer.ToString();
    }

    private static void WriteBaseSplit(JsonWriter json, BaseImageSplit split)
    {
        json.Property("baseLayerCount", (long)split.BaseLayerCount);
        json.Property("baseLayerSource", split.Boundary switch
        {
            BaseImageBoundary.Dockerfile => "dockerfile",
            BaseImageBoundary.ContainerBaseImage => "containerBaseImage",
            _ => "firstLayer",
        });
        json.Property("baseSize", split.BaseSize);
        json.Property("userSize", split.UserSize);
        json.Property("baseWastedBytes", split.BaseWastedBytes);
        json.Property("userWastedBytes", split.UserWastedBytes);
        json.Name("userWastedPercent");
        json.Number(Math.Round(split.UserWastedPercent, 6));
    }

    private static void WriteLayer(JsonWriter json, LayerReport layer)
    {
        json.StartObject();
        json.Property("index", layer.Index);
        json.Property("digest", layer.Digest);
        json.Property("size", layer.Size);
        json.Name("compressedSize");
        if (layer.CompressedSize is { } compressed) json.Number(compressed);
        else json.Null();
        json.Property("createdBy", layer.CreatedBy);
        json.Property("dockerfile", layer.Dockerfile);
        json.Name("dockerfileLine");
        json.Number(layer.DockerfileLine);
        json.Property("wastedBytes", layer.WastedBytes);
        json.Name("largestFiles");
        json.StartArray();
        foreach (FileSize file in layer.LargestFiles)
        {
            json.StartObject();
            json.Property("path", file.Path);
            json.Property("size", file.Size);
            json.EndObject();
        }
        json.EndArray();
        json.Property("fileCount", layer.FileCount);
        json.Property("removedBytes", layer.RemovedBytes);
        json.Property("leftoverCacheBytes", layer.LeftoverCacheBytes);
        json.Name("compressedSizeEstimated");
        json.Boolean(layer.CompressedSizeEstimated);
        // What made a layer no Dockerfile made (an image the .NET SDK built): the base image or the app.
        if (layer.Origin is not null) json.Property("origin", layer.Origin);
        json.EndObject();
    }
}
