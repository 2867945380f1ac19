namespace ContainerOpt.Images.Archives;

/// <summary>One entry of a tar stream, with PAX and GNU long-name extensions already applied.</summary>
public sealed class TarEntry
{
    internal TarEntry(string name, TarEntryType type, long size, string linkName, int linkNameByteCount, long headerOffset, Stream data)
    {
        Name = name;
        Type = type;
        Size = size;
        LinkName = linkName;
        LinkNameByteCount = linkNameByteCount;
        HeaderOffset = headerOffset;
        Data = data;
    }

    /// <summary>The path as stored (UTF-8 decoded), e.g. <c>./usr/bin/env</c>.</summary>
    public string Name { get; }

    public TarEntryType Type { get; }

    /// <summary>Bytes of content; 0 for header-only types (directories, links, devices).</summary>
    public long Size { get; }

    /// <summary>Symlink target or hard-link source path; empty otherwise.</summary>
    public string LinkName { get; }

    /// <summary>The link target's length in bytes as stored: what a symlink occupies on disk.</summary>
    public int LinkNameByteCount { get; }

    /// <summary>Offset of the entry's first header (extension headers included) in the tar stream.</summary>
    public long HeaderOffset { get; }

    /// <summary>
    /// The content: a forward-only stream of exactly <see cref="Size"/> bytes, valid until the next
    /// entry is requested; whatever is not read is skipped.
    /// </summary>
    public Stream Data { get; }

    public override string ToString() => $"{Type} {Name} ({Size} bytes)";
}
