using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using ContainerOpt.Images.Layers;

namespace ContainerOpt.Images.Compression;

/// <summary>
/// The gzip size estimates of plain layer blobs already read, kept in a small file (the build keeps it in obj/), so a
/// publish after a source edit does not estimate the unchanged base image's layers again: the estimate is most of an
/// image read's CPU time (≈ 1 s of 1.2 s for a 230 MB ASP.NET image here; hashing and the tar walk are the rest).
/// <para>
/// A blob is looked up before it is read, by its name in the archive and its length: <c>docker save</c> names a layer
/// by an id derived from its chain of diff ids (classic layout) or by its digest (OCI layout), so an unchanged layer
/// keeps its name. The name is only a prediction: the layer is still hashed, and the recorded estimate is used only
/// when the diff id it was recorded with is the one the bytes hash to (<see cref="LayerScanner"/>); otherwise the layer
/// has no compressed size this time (never a wrong one) and is measured on the next read.
/// </para>
/// <para>
/// The build's file holds the layers of the last read only, so it does not grow; the user's file (the CLI's
/// <c>layers</c>, <see cref="ForUser"/>) keeps the last read's first, then earlier ones, up to <see cref="UserEntries"/>
/// layers, since one user reads several images in turn. A missing, unreadable, corrupt or foreign file
/// (another format or runtime, whose deflate may size samples differently) is an empty cache, never an error.
/// </para>
/// </summary>
public sealed class CompressedSizeCache
{
    /// <summary>The first line: the format, and the runtime whose deflate made the estimates.</summary>
    private static readonly string Header = "containeropt compressed sizes 1 " + RuntimeInformation.FrameworkDescription;

    /// <summary>How many layers the user's file keeps (about 150 bytes each).</summary>
    public const int UserEntries = 2000;

    private readonly string _path;
    private readonly Dictionary<(string Name, long Length), KnownCompressedSize> _previous;
    private readonly Dictionary<(string Name, long Length), KnownCompressedSize> _current = new();

    /// <summary>The previous file's layers in its order (most recent first), kept after this read's up to this many in all; 0: none.</summary>
    private readonly List<(string Name, long Length)> _previousOrder;
    private readonly int _keep;

    private CompressedSizeCache(string path, Dictionary<(string Name, long Length), KnownCompressedSize> previous, List<(string, long)> previousOrder, int keep)
    {
        _path = path;
        _previous = previous;
        _previousOrder = previousOrder;
        _keep = keep;
    }

    /// <summary>
    /// The user's cache for the CLI: <c>$XDG_CACHE_HOME/containeropt/compressed-sizes.cache</c> (else
    /// <c>~/.cache/…</c>), or <c>%LOCALAPPDATA%\containeropt\…</c> on Windows; null when none of those is an absolute path.
    /// </summary>
    public static CompressedSizeCache? ForUser(Func<string, string?> environment, bool windows)
    {
        static string? Absolute(string? path) => string.IsNullOrWhiteSpace(path) || !Path.IsPathRooted(path) ? null : path;
        string? folder = windows
            ? Absolute(environment("LOCALAPPDATA"))
            : Absolute(environment("XDG_CACHE_HOME")) ?? (Absolute(environment("HOME")) is { } home ? Path.Combine(home, ".cache") : null);
        return folder is null ? null : Open(Path.Combine(folder, "containeropt", "compressed-sizes.cache"), UserEntries);
    }

    /// <summary>Layers whose recorded estimate was used by this read.</summary>
    public int Reused { get; private set; }

    /// <summary>Plain layers estimated by this read (not recorded, or recorded for other bytes).</summary>
    public int Estimated { get; private set; }

    /// <summary>The cache kept in this file; an empty one when the file is missing or cannot be used.</summary>
    public static CompressedSizeCache Open(string path) => Open(path, 0);

    private static CompressedSizeCache Open(string path, int keep)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var previous = new Dictionary<(string, long), KnownCompressedSize>();
        var order = new List<(string, long)>();
        try
        {
            if (File.Exists(path))
            {
                string[] lines = File.ReadAllLines(path, Encoding.UTF8);
                if (lines.Length > 0 && lines[0] == Header)
                {
                    for (int i = 1; i < lines.Length; i++)
                    {
                        if (!TryParse(lines[i], out string name, out long length, out KnownCompressedSize? recorded))
                        {
                            previous.Clear(); // a damaged file is not trusted in part
                            order.Clear();
                            break;
                        }
                        if (previous.ContainsKey((name, length))) continue;
                        previous[(name, length)] = recorded;
                        if (keep > 0) order.Add((name, length));
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            previous.Clear();
            order.Clear();
        }
        return new CompressedSizeCache(path, previous, order, keep);
    }

    /// <summary>The estimate recorded for the blob with this name and length in its archive, or null.</summary>
    internal KnownCompressedSize? Find(string blobName, long blobLength) =>
        _previous.TryGetValue((blobName, blobLength), out KnownCompressedSize? recorded) ? recorded : null;

    /// <summary>Notes what reading the blob gave: an estimate to keep (counted as reused when it was the known one).</summary>
    internal void Record(string blobName, long blobLength, LayerScan scan, KnownCompressedSize? known)
    {
        if (scan.Compression != LayerCompressionKind.None || !scan.CompressedSizeEstimated || scan.CompressedSize is not { } size) return;
        if (known is not null && known.DiffId == scan.DiffId) Reused++;
        else Estimated++;
        _current[(blobName, blobLength)] = new KnownCompressedSize(scan.DiffId, size);
    }

    /// <summary>
    /// Writes the estimates of this read (atomically; the folder is created). Returns null, or why it could not: the
    /// cache only saves time, so a caller reports that as a note and goes on.
    /// </summary>
    public string? Save()
    {
        var text = new StringBuilder(Header).Append('\n');
        void Line((string Name, long Length) key, KnownCompressedSize value) =>
            text.Append(key.Name).Append('\t')
                .Append(key.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(value.DiffId).Append('\t')
                .Append(value.Size.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (KeyValuePair<(string Name, long Length), KnownCompressedSize> pair in _current.OrderBy(p => p.Key.Name, StringComparer.Ordinal))
        {
            Line(pair.Key, pair.Value);
        }
        // The user's file: the earlier reads' layers after this one's, the oldest dropped first.
        int written = _current.Count;
        foreach (var key in _previousOrder)
        {
            if (written >= _keep) break;
            if (_current.ContainsKey(key)) continue;
            Line(key, _previous[key]);
            written++;
        }
        try
        {
            Core.IO.AtomicFile.WriteAllText(_path, text.ToString());
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            return e.Message;
        }
    }

    private static bool TryParse(string line, out string name, out long length, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out KnownCompressedSize? recorded)
    {
        name = "";
        length = 0;
        recorded = null;
        string[] fields = line.Split('\t');
        if (fields.Length != 4 || fields[0].Length == 0 || !Sha256Digest.IsDigest(fields[2])) return false;
        if (!long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out length)) return false;
        if (!long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out long size)) return false;
        name = fields[0];
        recorded = new KnownCompressedSize(fields[2], size);
        return true;
    }
}

/// <summary>A compressed size estimated before for the layer whose uncompressed tar has this diff id.</summary>
internal sealed record KnownCompressedSize(string DiffId, long Size);
