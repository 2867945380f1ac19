namespace ContainerOpt.Images.Builders;

/// <summary>What the engine knows about a local image: id, size, platform, creation time.</summary>
public sealed class ImageInspection
{
    public ImageInspection(string reference, string id, long size, string os, string architecture, string? variant, string createdText)
    {
        Reference = reference;
        Id = id;
        Size = size;
        Os = os;
        Architecture = architecture;
        Variant = string.IsNullOrEmpty(variant) ? null : variant;
        CreatedText = createdText;
        Created = DateTimeOffset.TryParse(createdText, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset created) ? created : null;
    }

    public string Reference { get; }

    /// <summary>sha256:… (docker); podman prints the bare hex.</summary>
    public string Id { get; }

    /// <summary>The engine's size of the image in bytes (uncompressed, all layers).</summary>
    public long Size { get; }

    public string Os { get; }

    public string Architecture { get; }

    public string? Variant { get; }

    /// <summary>os/arch[/variant], normalized.</summary>
    public string Platform => PlatformName.Format(Os, Architecture, Variant);

    public DateTimeOffset? Created { get; }

    /// <summary>The creation time as the engine printed it.</summary>
    public string CreatedText { get; }

    public override string ToString() => $"{Reference} {Id} {Platform} {Size} bytes";
}
