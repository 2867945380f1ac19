using ContainerOpt.Core.Json;

namespace ContainerOpt.Images.Archives;

/// <summary>The parts of an image config (OCI / docker) the report needs.</summary>
public sealed class ImageConfig
{
    public ImageConfig(string? os, string? architecture, string? variant, IReadOnlyList<ImageHistoryEntry> history,
        IReadOnlyList<string> diffIds, IReadOnlyDictionary<string, string> labels)
    {
        Os = os;
        Architecture = architecture;
        Variant = variant;
        History = history;
        DiffIds = diffIds;
        Labels = labels;
    }

    public string? Os { get; }
    public string? Architecture { get; }
    public string? Variant { get; }

    /// <summary>All history entries, empty-layer ones included, oldest first.</summary>
    public IReadOnlyList<ImageHistoryEntry> History { get; }

    /// <summary>rootfs.diff_ids: the sha256 of each uncompressed layer, bottom first.</summary>
    public IReadOnlyList<string> DiffIds { get; }

    /// <summary>config.Labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Reads a config document; what is absent stays empty, a wrong shape is an error.</summary>
    public static ImageConfig Parse(JsonValue json)
    {
        if (json.Kind != JsonKind.Object) throw new ImageReadException("The image config is not a JSON object.");
        var history = new List<ImageHistoryEntry>();
        foreach (JsonValue item in json["history"]?.Items ?? Array.Empty<JsonValue>())
        {
            history.Add(new ImageHistoryEntry(item["created_by"]?.AsString, item["empty_layer"]?.IsTrue == true,
                item["created"]?.AsString, item["comment"]?.AsString));
        }
        var diffIds = new List<string>();
        foreach (JsonValue item in json["rootfs"]?["diff_ids"]?.Items ?? Array.Empty<JsonValue>())
        {
            diffIds.Add(item.AsString ?? throw new ImageReadException("The image config's rootfs.diff_ids holds a non-string."));
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in json["config"]?["Labels"]?.Members ?? Array.Empty<KeyValuePair<string, JsonValue>>())
        {
            if (member.Value.AsString is { } value) labels[member.Key] = value;
        }
        return new ImageConfig(json["os"]?.AsString, json["architecture"]?.AsString, json["variant"]?.AsString, history, diffIds, labels);
    }

    public string Platform => Os + "/" + Architecture + (string.IsNullOrEmpty(Variant) ? "" : "/" + Variant);
}
