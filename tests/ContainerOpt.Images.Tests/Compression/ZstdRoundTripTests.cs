using static ContainerOpt.Images.Tests.Compression.ZstdTestSupport;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>
/// Data compressed by the reference CLI at test time, decoded by ours, compared byte for byte: random,
/// text and mixed data from 0 B to 20 MB at levels 1, 3, 9 and 19, plus the CLI's stream, long-distance
/// and multi-frame forms. Not parallel: the CLI at level 19 wants a whole core.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ZstdRoundTripTests
{
    private static readonly int[] Sizes = { 0, 1, 100, 4095, 128 * 1024 + 7, 1_000_000 };
    private static readonly int[] Levels = { 1, 3, 9, 19 };
    private const int LargeSize = 20_000_000;

    private static byte[] Make(string kind, int size, int seed) => kind switch
    {
        "random" => RandomBytes(size, seed),
        "text" => Text(size, seed),
        _ => Mixed(size, seed),
    };

    private static void AssertRoundTrip(byte[] original, bool fromStdin, params string[] options)
    {
        byte[] compressed = ZstdCli.Compress(original, fromStdin, options);
        foreach (var (decoder, decoded) in new[] { ("ZstdSharp", Decode(compressed)), ("managed", ManagedZstd.Decode(compressed)) })
        {
            string what = $"{original.Length} bytes, zstd {string.Join(" ", options)}{(fromStdin ? " (stdin)" : "")}, {decoder} decoder";
            Assert.AreEqual(original.Length, decoded.Length, what);
            // Compare without a per-byte message: the first difference is what matters.
            int mismatch = original.AsSpan().CommonPrefixLength(decoded);
            Assert.AreEqual(original.Length, mismatch, $"{what}: first difference at byte {mismatch}");
        }
    }

    [TestMethod]
    [DataRow("random")]
    [DataRow("text")]
    [DataRow("mixed")]
    public void EverySizeAndLevel(string kind)
    {
        ZstdCli.Require();
        foreach (int size in Sizes)
        {
            byte[] original = Make(kind, size, seed: size);
            foreach (int level in Levels) AssertRoundTrip(original, fromStdin: false, $"-{level}");
        }
    }

    [TestMethod]
    [DataRow("random", 1)]
    [DataRow("text", 3)]
    [DataRow("mixed", 1)]
    [DataRow("mixed", 3)]
    [DataRow("mixed", 9)]
    [DataRow("mixed", 19)]
    public void TwentyMegabytes(string kind, int level)
    {
        ZstdCli.Require();
        AssertRoundTrip(Make(kind, LargeSize, seed: 20), fromStdin: false, $"-{level}", "-T2");
    }

    [TestMethod]
    public void MemoryIsBoundedByTheWindowNotTheOutput()
    {
        ZstdCli.Require();
        // 20 MB through level 3's 2 MiB window: the output buffer holds window + block + slack (about
        // 4.1 MiB), never the whole output.
        byte[] original = Mixed(LargeSize, seed: 5);
        byte[] compressed = ZstdCli.Compress(original, fromStdin: true, "-3", "-T2");
        // The managed decoder's own buffer (ZstdSharp keeps its window in memory it allocates itself).
        using var stream = ManagedZstd.Open(compressed);
        var buffer = new byte[1 << 20];
        long total = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0) total += n;

        Assert.AreEqual(original.Length, total);
        Assert.AreEqual(1L << 21, ManagedZstd.Statistics(stream).LargestWindow);
        Assert.IsTrue(ManagedZstd.OutputBufferLength(stream) <= 8 << 20, $"output buffer {ManagedZstd.OutputBufferLength(stream)} bytes");
    }

    [TestMethod]
    public void StreamedWithoutContentSizeOrChecksum()
    {
        ZstdCli.Require();
        byte[] original = Mixed(3_000_000, seed: 7);
        AssertRoundTrip(original, fromStdin: true, "-3");
        AssertRoundTrip(original, fromStdin: true, "-3", "--no-check");
        AssertRoundTrip(original, fromStdin: true, "--ultra", "-22");
    }

    [TestMethod]
    public void LongDistanceMatchesAcrossA128MiBWindow()
    {
        ZstdCli.Require();
        // 6 MB of random bytes repeated after 6 MB of text: only --long finds a 12 MB-back match (level
        // 3's window is 2 MiB), and the copy costs next to nothing only if the decoder honours it.
        byte[] random = RandomBytes(6_000_000, seed: 27);
        byte[] original = random.Concat(Text(6_000_000, seed: 28)).Concat(random).ToArray();

        byte[] compressed = ZstdCli.Compress(original, fromStdin: true, "-3", "--long=27");
        byte[] decoded = Decode(compressed, out ZstdStatistics stats);
        CollectionAssert.AreEqual(decoded, Decode(compressed), "ZstdSharp decodes it like the managed decoder");

        Assert.AreEqual(1L << 27, stats.LargestWindow);
        Assert.IsTrue(compressed.Length < 6_000_000 + 3_000_000, $"the repeat was found: {compressed.Length} bytes");
        Assert.AreEqual(original.Length, original.AsSpan().CommonPrefixLength(decoded));
        Assert.AreEqual(original.Length, decoded.Length);
    }

    [TestMethod]
    public void FramesCompressedSeparatelyAndConcatenated()
    {
        ZstdCli.Require();
        byte[][] parts = { Text(300_000, 1), RandomBytes(50_000, 2), Array.Empty<byte>(), Mixed(700_000, 3) };
        byte[] compressed = parts.SelectMany((part, i) => ZstdCli.Compress(part, fromStdin: i % 2 == 0, $"-{Levels[i]}")).ToArray();

        byte[] decoded = Decode(compressed, out ZstdStatistics stats);
        CollectionAssert.AreEqual(decoded, Decode(compressed), "ZstdSharp decodes them like the managed decoder");

        Assert.AreEqual(4, stats.Frames);
        CollectionAssert.AreEqual(parts.SelectMany(p => p).ToArray(), decoded);
    }

    [TestMethod]
    public void ChecksumsAgreeWithTheCliForEveryTailLength()
    {
        ZstdCli.Require();
        // XXH64's tail handling differs for every length mod 32; the CLI's checksum is the oracle.
        byte[] data = Text(1000, seed: 64);
        foreach (int length in Enumerable.Range(0, 41).Concat(new[] { 63, 64, 65, 100, 1000 }))
        {
            byte[] compressed = ZstdCli.Compress(data[..length], fromStdin: false, "-1");
            uint stored = BitConverter.ToUInt32(compressed, compressed.Length - 4);
            var hash = new XxHash64();
            hash.Update(data, 0, length);
            Assert.AreEqual(stored, (uint)hash.Digest(), $"length {length}");
        }
    }
}
