using ContainerOpt.Core.Json;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Comparison;

/// <summary>
/// <c>containeropt layers A --compare B --format json</c>: <c>{"before":{"image","size","wastedBytes","layerCount"},
/// "after":{…}, "sizeDelta", "wastedBytesDelta", "layers":[{"change":"unchanged|added|removed|changed","sizeDelta",
/// "before":{"index","diffId","size","createdBy","dockerfile","dockerfileLine"}|null,"after":{…}|null}],
/// "files":{"added":{"count","bytes"},"removed":{…},"grown":{…},"shrunk":{…},"rewritten":{"count"},
/// "unchanged":{"count"},"netBytes","largestChanges":[{"path","change","sizeBefore","sizeAfter","sizeDelta",
/// "layerBefore","layerAfter"}]}}</c>, keys in that order, indented. Sizes are uncompressed bytes; deltas are after
/// less before; shrunk and removed bytes are positive amounts lost.
/// </summary>
public static class ImageComparisonJson
{
    public static void Write(ImageComparison comparison, TextWriter output)
    {
        if (comparison is null) throw new ArgumentNullException(nameof(comparison));
        var json = new JsonWriter(output ?? throw new ArgumentNullException(nameof(output)));
        json.StartObject();
        json.Name("before");
        Image(json, comparison.Before);
        json.Name("after");
        Image(json, comparison.After);
        json.Property("sizeDelta", comparison.SizeDelta);
        json.Property("wastedBytesDelta", comparison.WastedBytesDelta);
        json.Name("layers");
        json.StartArray();
        foreach (LayerChange change in comparison.Layers)
        {
            json.StartObject();
            json.Property("change", Name(change.Kind));
            json.Property("sizeDelta", change.SizeDelta);
            json.Name("before");
            Layer(json, change.Before);
            json.Name("after");
            Layer(json, change.After);
            json.EndObject();
        }
        json.EndArray();
        json.Name("files");
        Files(json, comparison);
        json.EndObject();
        output.Write('\n');
    }

    public static string ToJson(ImageComparison comparison)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Write(comparison, writer);
        return writer.ToString();
    }

    private static void Image(JsonWriter json, ImageReport report)
    {
        json.StartObject();
        json.Property("image", report.Image);
        json.Property("size", report.Size);
        json.Property("wastedBytes", report.WastedBytes);
        json.Property("layerCount", (long)report.Layers.Count);
        json.EndObject();
    }

    private static void Layer(JsonWriter json, LayerReport? layer)
    {
        if (layer is null)
        {
            json.Null();
            return;
        }
        json.StartObject();
        json.Property("index", (long)layer.Index);
        json.Property("diffId", layer.Scan.DiffId);
        json.Property("size", layer.Size);
        json.Property("createdBy", layer.CreatedBy);
        json.Property("dockerfile", layer.Dockerfile);
        json.Name("dockerfileLine");
        json.Number(layer.DockerfileLine);
        json.EndObject();
    }

    private static void Files(JsonWriter json, ImageComparison comparison)
    {
        FileChangeTotals files = comparison.Files;
        json.StartObject();
        Total(json, "added", files.Added, files.AddedBytes);
        Total(json, "removed", files.Removed, files.RemovedBytes);
        Total(json, "grown", files.Grown, files.GrownBytes);
        Total(json, "shrunk", files.Shrunk, files.ShrunkBytes);
        Total(json, "rewritten", files.Rewritten, null);
        Total(json, "unchanged", files.Unchanged, null);
        json.Property("netBytes", files.NetBytes);
        json.Name("largestChanges");
        json.StartArray();
        foreach (FileChange change in comparison.LargestFileChanges)
        {
            json.StartObject();
            json.Property("path", change.Path);
            json.Property("change", Name(change.Kind));
            Nullable(json, "sizeBefore", change.SizeBefore);
            Nullable(json, "sizeAfter", change.SizeAfter);
            json.Property("sizeDelta", change.SizeDelta);
            json.Name("layerBefore");
            json.Number(change.LayerBefore);
            json.Name("layerAfter");
            json.Number(change.LayerAfter);
            json.EndObject();
        }
        json.EndArray();
        json.EndObject();
    }

    private static void Total(JsonWriter json, string name, int count, long? bytes)
    {
        json.Name(name);
        json.StartObject();
        json.Property("count", (long)count);
        if (bytes is { } value) json.Property("bytes", value);
        json.EndObject();
    }

    private static void Nullable(JsonWriter json, string name, long? value)
    {
        json.Name(name);
        if (value is { } number) json.Number(number);
        else json.Null();
    }

    internal static string Name(LayerChangeKind kind) => kind.ToString().ToLowerInvariant();

    internal static string Name(FileChangeKind kind) => kind.ToString().ToLowerInvariant();
}
