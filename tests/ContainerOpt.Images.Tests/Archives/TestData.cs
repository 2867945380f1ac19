using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace ContainerOpt.Images.Tests.Archives;

/// <summary>Digests, compression and forward-only streams for archive tests.</summary>
internal static class TestData
{
    public static string Sha256(byte[] bytes) => "sha256:" + Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public static string Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    public static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Optimal)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true)) gzip.Write(data, 0, data.Length);
        return output.ToArray();
    }

    /// <summary>Compresses with the zstd CLI (the format real registries serve).</summary>
    public static byte[] Zstd(byte[] data)
    {
        var start = new ProcessStartInfo("zstd") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-q", "-c", "-3" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        process.StandardInput.BaseStream.Write(data, 0, data.Length);
        process.StandardInput.Close();
        copy.Wait();
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, "zstd failed");
        return output.ToArray();
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Runs a real `zstd`-layer test only when the managed decoder is in the build (it lands at merge).</summary>
    public static void RequireZstdDecoder()
    {
        try
        {
            using var probe = new ContainerOpt.Images.Compression.ZstdDecompressionStream(new MemoryStream(Zstd(Array.Empty<byte>())));
            probe.ReadByte();
        }
        catch (NotSupportedException e)
        {
            Assert.Inconclusive("Needs the managed zstd decoder (ZstdDecompressionStream placeholder in this branch): " + e.Message);
        }
    }
}

/// <summary>A read-only, non-seekable view (a pipe): proves readers never seek or ask for the length.</summary>
internal sealed class ForwardOnlyStream : Stream
{
    private readonly Stream _inner;
    private readonly int _maxChunk;

    public ForwardOnlyStream(Stream inner, int maxChunk = int.MaxValue)
    {
        _inner = inner;
        _maxChunk = maxChunk;
    }

    public ForwardOnlyStream(byte[] bytes, int maxChunk = int.MaxValue) : this(new MemoryStream(bytes), maxChunk) { }

    public long BytesRead { get; private set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = _inner.Read(buffer, offset, Math.Min(count, _maxChunk));
        BytesRead += read;
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
