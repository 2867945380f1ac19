namespace ContainerOpt.Images.Archives;

/// <summary>One entry of the image config's history: the instruction that made (or did not make) a layer.</summary>
public sealed class ImageHistoryEntry
{
    public ImageHistoryEntry(string? createdBy, bool emptyLayer, string? created, string? comment)
    {
        CreatedBy = createdBy;
        EmptyLayer = emptyLayer;
        Created = created;
        Comment = comment;
    }

    /// <summary>e.g. <c>RUN /bin/sh -c apt-get update # buildkit</c> or <c>/bin/sh -c #(nop) COPY file:… in /app</c>.</summary>
    public string? CreatedBy { get; }

    /// <summary>True when the step changed only the config (ENV, LABEL, CMD …) and made no layer.</summary>
    public bool EmptyLayer { get; }

    /// <summary>RFC 3339 time as stored.</summary>
    public string? Created { get; }

    public string? Comment { get; }

    public override string ToString() => (EmptyLayer ? "(empty) " : "") + CreatedBy;
}
