using ContainerOpt.Images.Compression;
using static ContainerOpt.Images.Tests.Compression.ZstdTestSupport;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>
/// What the net8.0 build's stream adds around ZstdSharp: errors that say what and where (the compressed
/// offset where decoding stopped), the window limit, and no managed buffer that grows with the output.
/// </summary>
[TestClass]
public sealed class ZstdSharpStreamTests
{
    private static string Error(byte[] compressed, long maxWindowSize = ZstdDecompressionStream.DefaultMaxWindowSize) =>
        Assert.ThrowsExactly<InvalidDataException>(() => Decode(compressed, maxWindowSize: maxWindowSize)).Message;

    [TestMethod]
    public void AWindowAboveTheLimitIsRefusedWithTheLimit()
    {
        StringAssert.StartsWith(Error(Fixture("text-long27-stdin.zst"), maxWindowSize: 1L << 26),
            "zstd: the frame's window exceeds the decoder limit 67108864 (");
    }

    [TestMethod]
    public void ALimitBetweenPowersOfTwoCountsAsThePowerBelow()
    {
        // text-long27-stdin.zst declares a 128 MiB window.
        Assert.AreEqual(200_000, Decode(Fixture("text-long27-stdin.zst"), maxWindowSize: (1L << 27) + 12345).Length);
        StringAssert.StartsWith(Error(Fixture("text-long27-stdin.zst"), maxWindowSize: (1L << 27) - 1), "zstd: the frame's window exceeds");
    }

    [TestMethod]
    public void AFrameThatNeedsADictionaryIsRefused()
    {
        StringAssert.StartsWith(Error(Fixture("dictionary.zst")), "zstd: the frame needs a dictionary, and dictionaries are not supported (");
    }

    [TestMethod]
    public void InputThatIsNotZstdIsRefusedWithItsOffset()
    {
        StringAssert.StartsWith(Error(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0 }), "zstd: unknown frame magic number (not zstd data) (");
        byte[] hello = Fixture("hello.zst");
        string trailing = Error(hello.Concat(new byte[] { 1, 2, 3, 4 }).ToArray());
        StringAssert.StartsWith(trailing, "zstd: unknown frame magic number");
        StringAssert.EndsWith(trailing, $" at compressed offset {hello.Length}");
        Assert.AreEqual("zstd: no frame in the input (it is empty) at compressed offset 0", Error(Array.Empty<byte>()));
    }

    [TestMethod]
    public void TruncationAndChecksumsAreReported()
    {
        byte[] text = Fixture("text-l3.zst");
        Assert.AreEqual($"zstd: truncated input: the data ends inside a frame at compressed offset {text.Length - 10}", Error(text[..^10]));
        byte[] corrupt = Fixture("hello.zst");
        corrupt[^1] ^= 0xFF;
        StringAssert.StartsWith(Error(corrupt), "zstd: content checksum mismatch (");
    }

    [TestMethod]
    public void ManagedMemoryDoesNotGrowWithTheOutput()
    {
        // zeros-l3.zst decodes to 1,000,000 bytes; the stream writes into the caller's buffer and keeps one
        // pooled input buffer, so what it allocates on the managed heap stays small whatever the output.
        byte[] compressed = Fixture("zeros-l3.zst");
        var buffer = new byte[4096];
        using (var warmup = new ZstdDecompressionStream(new MemoryStream(compressed)))
        {
            while (warmup.Read(buffer, 0, buffer.Length) > 0) { }
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        using var stream = new ZstdDecompressionStream(new MemoryStream(compressed));
        long total = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) total += n;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.AreEqual(1_000_000, total);
        Assert.IsTrue(allocated < 64 * 1024, $"{allocated} bytes allocated");
    }
}
