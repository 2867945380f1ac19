namespace ContainerOpt.Images.Archives;

/// <summary>Which image to take from an archive and how much to measure.</summary>
public sealed class ImageReadOptions
{
    /// <summary>
    /// The image to select when the archive holds several: a reference as tagged (<c>myapp:1.2</c>,
    /// <c>docker.io/library/myapp:1.2</c>) or an OCI <c>org.opencontainers.image.ref.name</c>. Null: the only one.
    /// </summary>
    public string? Image { get; set; }

    /// <summary><c>os/arch[/variant]</c> for a multi-platform index; null: linux/amd64 when present.</summary>
    public string? Platform { get; set; }

    /// <summary>
    /// Estimate the gzip size of layers stored uncompressed (what <c>docker push</c> would upload; a second core
    /// does most of the work, see <see cref="Compression.GzipSizeEstimator"/>); default true.
    /// </summary>
    public bool MeasureCompressedSize { get; set; } = true;

    /// <summary>
    /// Estimates made by an earlier read, reused for the layers that have not changed, and where this read's are kept
    /// (<see cref="Compression.CompressedSizeCache"/>; the caller saves it). Null: every plain layer is estimated.
    /// </summary>
    public Compression.CompressedSizeCache? CompressedSizeCache { get; set; }

    /// <summary>
    /// Told how far the read has come (<see cref="ImageReadProgress"/>), on the reading thread: after each layer and in
    /// between every megabyte or so, then once more when the image is read. Null: nobody asks (nothing is counted).
    /// </summary>
    public IProgress<ImageReadProgress>? Progress { get; set; }
}
