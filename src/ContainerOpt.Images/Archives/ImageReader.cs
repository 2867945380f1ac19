namespace ContainerOpt.Images.Archives;

/// <summary>
/// Reads an image from <c>docker save</c> output (classic and OCI-inside-tar), podman's docker- and
/// oci-archives, or an OCI image layout folder. Archives are read in one forward pass: a pipe from
/// <c>docker save</c> works, nothing is extracted to disk and no file content is kept in memory.
/// Every problem is an <see cref="ImageReadException"/> saying what and where (the tar/gzip/JSON error, with its offset, as inner exception).
/// </summary>
public static class ImageReader
{
    /// <summary>A folder (OCI layout, or an unpacked docker save) or an archive file (tar, optionally gzip/zstd as a whole).</summary>
    public static ImageContent Read(string path, ImageReadOptions? options = null)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        options ??= new ImageReadOptions();
        if (Directory.Exists(path))
        {
            var counter = new ReadProgressCounter(options.Progress, totalBytes: null);
            ImageContent image = ImageSelector.Select(new FolderSource(path, options.MeasureCompressedSize, counter, options.CompressedSizeCache), options, isFolder: true);
            counter.Finish();
            return image;
        }
        if (!File.Exists(path)) throw new ImageReadException($"'{path}' does not exist: give an image archive (docker save) or an OCI layout folder.");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Read(stream, path, options);
    }

    /// <summary>A forward-only archive stream (e.g. <c>docker save</c>'s stdout); it is read to its end, not closed.</summary>
    public static ImageContent Read(Stream archive, string displayName, ImageReadOptions? options = null)
    {
        if (archive is null) throw new ArgumentNullException(nameof(archive));
        options ??= new ImageReadOptions();
        var counter = new ReadProgressCounter(options.Progress, archive.CanSeek ? archive.Length - archive.Position : null);
        StreamedArchive collected;
        try
        {
            // Tar headers come 512 bytes at a time: buffer so a pipe is not read in tiny pieces.
            using var buffered = new BufferedStream(counter.Count(archive), 1 << 16);
            collected = StreamedArchive.Collect(buffered, displayName, options.MeasureCompressedSize, counter, options.CompressedSizeCache);
        }
        catch (ImageReadException)
        {
            throw;
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or EndOfStreamException)
        {
            throw new ImageReadException($"'{displayName}': {e.Message}", e);
        }
        ImageContent selected = ImageSelector.Select(collected, options, isFolder: false);
        counter.Finish();
        return selected;
    }
}
