using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ContainerOpt.TestSupport;

/// <summary>
/// A classic `docker save` archive of any size produced on the fly (nothing on disk, O(1) memory):
/// layers of incompressible files, the config with the real diff_ids (hashed while the layers stream
/// out) and manifest.json last, as docker writes them. The last layer deletes the first layer's
/// directory, so the image has known waste: <see cref="ExpectedWaste"/>.
/// </summary>
public sealed class SyntheticImageStream : Stream
{
    private readonly IEnumerator<ReadOnlyMemory<byte>> _chunks;
    private ReadOnlyMemory<byte> _current;
    private readonly int _layers;
    private readonly int _filesPerLayer;
    private readonly int _fileSize;
    private readonly int _smallFiles;

    /// <param name="layers">Big-file layers.</param>
    /// <param name="filesPerLayer">Files per big layer.</param>
    /// <param name="fileSize">Bytes per big file.</param>
    /// <param name="smallFiles">1 KiB files in one more layer (metadata load).</param>
    public SyntheticImageStream(int layers, int filesPerLayer, int fileSize, int smallFiles)
    {
        _layers = layers;
        _filesPerLayer = filesPerLayer;
        _fileSize = fileSize;
        _smallFiles = smallFiles;
        _chunks = Generate().GetEnumerator();
    }

    /// <summary>1 GiB: 4 layers of 63 files of 4 MiB, 20,000 files of 1 KiB, a deletion layer.</summary>
    public static SyntheticImageStream OneGigabyte() => new(4, 63, 4 << 20, 20000);

    public long FileBytes => (long)_layers * _filesPerLayer * _fileSize + _smallFiles * 1024L;

    /// <summary>The first layer's files, deleted by the last layer.</summary>
    public long ExpectedWaste => (long)_filesPerLayer * _fileSize;

    public int LayerCount => _layers + 2;

    public long BytesProduced { get; private set; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        while (_current.IsEmpty)
        {
            if (!_chunks.MoveNext()) return 0;
            _current = _chunks.Current;
        }
        int n = Math.Min(count, _current.Length);
        _current.Span.Slice(0, n).CopyTo(buffer.AsSpan(offset, n));
        _current = _current.Slice(n);
        BytesProduced += n;
        return n;
    }

    /// <summary>
    /// Where in the random buffer a file's bytes start: FNV-1a of its name, the same in every run (string.GetHashCode is
    /// randomised per process, which made the stream, and the compressed-size estimates tests compare, differ from run to run).
    /// </summary>
    private static int StableOffset(string name)
    {
        uint hash = 2166136261;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 16777619;
        }
        return (int)(hash & 0xFFFF);
    }

    private IEnumerable<ReadOnlyMemory<byte>> Generate()
    {
        var random = new byte[1 << 20];
        new Random(42).NextBytes(random);
        var zeros = new byte[1024];
        var diffIds = new List<string>();
        var layerPaths = new List<string>();

        IEnumerable<ReadOnlyMemory<byte>> Layer(string id, IReadOnlyList<(string Name, long Size)> files)
        {
            long innerSize = files.Sum(f => 512 + Padded(f.Size)) + 1024;
            string path = id + "/layer.tar";
            layerPaths.Add(path);
            yield return Header(path, '0', innerSize);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var (name, size) in files)
            {
                byte[] header = Header(name, '0', size);
                hash.AppendData(header);
                yield return header;
                long left = size;
                int position = StableOffset(name);
                while (left > 0)
                {
                    int n = (int)Math.Min(left, random.Length - position);
                    var slice = new ReadOnlyMemory<byte>(random, position, n);
                    hash.AppendData(random, position, n);
                    yield return slice;
                    left -= n;
                    position = 0;
                }
                int padding = (int)(Padded(size) - size);
                hash.AppendData(zeros, 0, padding);
                yield return new ReadOnlyMemory<byte>(zeros, 0, padding);
            }
            hash.AppendData(zeros);
            yield return zeros;
            diffIds.Add("sha256:" + Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant());
        }

        for (int layer = 0; layer < _layers; layer++)
        {
            var files = Enumerable.Range(0, _filesPerLayer).Select(i => ($"data{layer}/file{i:0000}.bin", (long)_fileSize)).ToArray();
            foreach (var chunk in Layer($"layer{layer:00}", files)) yield return chunk;
        }
        var small = Enumerable.Range(0, _smallFiles).Select(i => ($"usr/share/small/{i / 1000:000}/f{i:00000}.txt", 1024L)).ToArray();
        foreach (var chunk in Layer("layer-small", small)) yield return chunk;
        foreach (var chunk in Layer("layer-delete", new[] { (".wh.data0", 0L) })) yield return chunk;

        var history = string.Join(",", Enumerable.Range(0, diffIds.Count).Select(i => "{\"created_by\":\"/bin/sh -c step " + i + "\"}"));
        byte[] config = Encoding.UTF8.GetBytes("{\"architecture\":\"amd64\",\"os\":\"linux\",\"history\":[" + history
            + "],\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + string.Join(",", diffIds.Select(d => "\"" + d + "\"")) + "]}}");
        foreach (var chunk in SmallFile("config.json", config)) yield return chunk;
        byte[] manifest = Encoding.UTF8.GetBytes("[{\"Config\":\"config.json\",\"RepoTags\":[\"synthetic/big:1\"],\"Layers\":["
            + string.Join(",", layerPaths.Select(p => "\"" + p + "\"")) + "]}]");
        foreach (var chunk in SmallFile("manifest.json", manifest)) yield return chunk;
        yield return zeros;

        IEnumerable<ReadOnlyMemory<byte>> SmallFile(string name, byte[] data)
        {
            yield return Header(name, '0', data.Length);
            yield return data;
            yield return new ReadOnlyMemory<byte>(zeros, 0, (int)(Padded(data.Length) - data.Length));
        }
    }

    private static long Padded(long size) => (size + 511) / 512 * 512;

    private static byte[] Header(string name, char type, long size)
    {
        var header = new byte[512];
        Encoding.ASCII.GetBytes(name).CopyTo(header, 0);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(header, 100);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 108);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(header, 116);
        Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(header, 124);
        Encoding.ASCII.GetBytes("14000000000\0").CopyTo(header, 136);
        header[156] = (byte)type;
        Encoding.ASCII.GetBytes("ustar\0" + "00").CopyTo(header, 257);
        for (int i = 148; i < 156; i++) header[i] = (byte)' ';
        int sum = 0;
        foreach (byte b in header) sum += b;
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(header, 148);
        return header;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesProduced; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public static string Describe(long bytes, TimeSpan elapsed) =>
        string.Format(CultureInfo.InvariantCulture, "{0:F2} s, {1:F0} MB/s", elapsed.TotalSeconds, bytes / 1e6 / elapsed.TotalSeconds);
}
