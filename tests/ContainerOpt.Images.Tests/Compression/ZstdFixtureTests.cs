using ContainerOpt.Images.Compression;
using static ContainerOpt.Images.Tests.Compression.ZstdTestSupport;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>
/// Frames made by the reference CLI (Fixtures/README.md): each decodes to the size and SHA-256 recorded in
/// expected.txt (the net8.0 build's ZstdSharp stream; ZstdNetStandardBuildTests does the same for the managed
/// decoder), and takes the format path it is there for in the managed decoder (its statistics).
/// </summary>
[TestClass]
public sealed class ZstdFixtureTests
{
    public static IEnumerable<object[]> Fixtures() =>
        File.ReadAllLines(FixturePath("expected.txt"))
            .Where(line => !line.StartsWith('#') && !line.EndsWith(" error"))
            .Select(line => line.Split(' '))
            .Select(fields => new object[] { fields[0], long.Parse(fields[1]), fields[2] });

    [TestMethod]
    [DynamicData(nameof(Fixtures))]
    public void DecodesToTheRecordedBytes(string fixture, long size, string sha256)
    {
        byte[] decoded = Decode(Fixture(fixture));

        Assert.AreEqual(size, decoded.LongLength, fixture);
        Assert.AreEqual(sha256, Sha256(decoded), fixture);
    }

    [TestMethod]
    public void ExpectedListCoversEveryFixture()
    {
        var listed = File.ReadAllLines(FixturePath("expected.txt")).Where(l => !l.StartsWith('#')).Select(l => l.Split(' ')[0]).ToHashSet();
        var present = Directory.GetFiles(FixturePath(""), "*.zst").Select(Path.GetFileName).ToHashSet();

        CollectionAssert.AreEquivalent(present.ToList(), listed.ToList());
        Assert.AreEqual(21, listed.Count);
    }

    [TestMethod]
    public void EmptyContentIsOneEmptyRawBlockWithAChecksum()
    {
        Assert.AreEqual(0, Decode(Fixture("empty.zst"), out ZstdStatistics stats).Length);
        Assert.AreEqual(1, stats.Frames);
        Assert.AreEqual(1, stats.SingleSegmentFrames);
        Assert.AreEqual(1, stats.RawBlocks);
        Assert.AreEqual(1, stats.ChecksumsVerified);
    }

    [TestMethod]
    public void FramesFromStdinDeclareNoContentSize()
    {
        Decode(Fixture("text-stdin-nocheck.zst"), out ZstdStatistics stats);
        Assert.AreEqual(1, stats.FramesWithoutContentSize);
        Assert.AreEqual(0, stats.SingleSegmentFrames);
        Assert.AreEqual(0, stats.ChecksumsVerified, "--no-check frames carry no checksum");
        Assert.AreEqual(1L << 21, stats.LargestWindow, "level 3 without a size hint uses a 2 MiB window");
    }

    [TestMethod]
    [DataRow("text-long27-stdin.zst")]
    [DataRow("text-ultra22-stdin.zst")]
    public void A128MiBWindowIsWithinTheDefaultLimit(string fixture)
    {
        Decode(Fixture(fixture), out ZstdStatistics stats);
        Assert.AreEqual(1L << 27, stats.LargestWindow);
        Assert.AreEqual(1, stats.ChecksumsVerified);
    }

    [TestMethod]
    public void AWindowAboveTheLimitIsRefusedWithItsSize()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ManagedZstd.Decode(Fixture("text-long27-stdin.zst"), maxWindowSize: 1L << 26));
        Assert.AreEqual("zstd: window size 134217728 exceeds the decoder limit 67108864 at compressed offset 5", error.Message);
    }

    [TestMethod]
    public void RawBlocksCarryIncompressibleData()
    {
        Decode(Fixture("random-l3.zst"), out ZstdStatistics stats);
        Assert.AreEqual(2, stats.RawBlocks, "150,000 bytes: a 128 KiB block and the rest");
        Assert.AreEqual(0, stats.CompressedBlocks);
    }

    [TestMethod]
    public void RleBlocksCarryRunsOfOneByte()
    {
        Decode(Fixture("zeros-l3.zst"), out ZstdStatistics stats);
        Assert.IsTrue(stats.RleBlocks >= 6, stats.ToString());
    }

    [TestMethod]
    public void HuffmanLiteralsInOneAndFourStreamsWithFseWeights()
    {
        Decode(Fixture("small-text-l3.zst"), out ZstdStatistics small);
        Assert.AreEqual(1, small.SingleStreamLiterals, small.ToString());
        Assert.AreEqual(1, small.FseHuffmanWeights, small.ToString());

        Decode(Fixture("text-l3.zst"), out ZstdStatistics text);
        Assert.AreEqual(2, text.FourStreamLiterals, text.ToString());
        Assert.AreEqual(1, text.TreelessLiterals, "the second block reuses the first block's Huffman table");
        Assert.IsTrue(text.ShiftedRepeatOffsets > 0, "repeat offsets with literal length 0 occur in text");
    }

    [TestMethod]
    public void HuffmanWeightsStoredDirectly()
    {
        Decode(Fixture("alphabet-l19.zst"), out ZstdStatistics stats);
        Assert.AreEqual(1, stats.DirectHuffmanWeights, stats.ToString());
        Assert.AreEqual(0, stats.FseHuffmanWeights, stats.ToString());
    }

    [TestMethod]
    public void RawAndRleLiteralsInsideCompressedBlocks()
    {
        Decode(Fixture("atsign-l19.zst"), out ZstdStatistics stats);
        Assert.IsTrue(stats.RleLiterals > 0, stats.ToString());
        Assert.IsTrue(stats.RawLiterals > 0, stats.ToString());
    }

    [TestMethod]
    public void ACompressedBlockWithoutSequences()
    {
        Decode(Fixture("letters-l1.zst"), out ZstdStatistics stats);
        Assert.AreEqual(1, stats.BlocksWithoutSequences, stats.ToString());
        Assert.AreEqual(0, stats.Sequences);
    }

    [TestMethod]
    public void EverySequenceTableModeOccurs()
    {
        // [type, mode]: types literal lengths, offsets, match lengths; modes predefined, RLE, FSE, repeat.
        var seen = new int[3, 4];
        foreach (string fixture in new[] { "small-text-l3.zst", "text-l3.zst", "records-l9.zst", "periodic-l1.zst", "periodic-l19.zst", "atsign-l19.zst" })
        {
            Decode(Fixture(fixture), out ZstdStatistics stats);
            for (int type = 0; type < 3; type++)
                for (int mode = 0; mode < 4; mode++)
                    seen[type, mode] += stats.SequenceModes[type, mode];
        }
        string[] types = { "literal lengths", "offsets", "match lengths" };
        string[] modes = { "predefined", "RLE", "FSE", "repeat" };
        for (int type = 0; type < 3; type++)
            for (int mode = 0; mode < 4; mode++)
            {
                // The CLI never picks RLE for match lengths in these inputs; hand-built frames cover it.
                if (type == 2 && mode == 1) continue;
                Assert.IsTrue(seen[type, mode] > 0, $"{types[type]} in {modes[mode]} mode");
            }
    }

    [TestMethod]
    public void TwoConcatenatedFrames()
    {
        byte[] decoded = Decode(Fixture("two-frames.zst"), out ZstdStatistics stats);
        Assert.AreEqual(2, stats.Frames);
        Assert.AreEqual(2, stats.ChecksumsVerified);
        Assert.AreEqual("Hello, zstd!\n", System.Text.Encoding.ASCII.GetString(decoded, 400, 13));
    }

    [TestMethod]
    public void AFrameThatNeedsADictionaryIsRefused()
    {
        var error = Assert.ThrowsExactly<InvalidDataException>(() => ManagedZstd.Decode(Fixture("dictionary.zst")));
        StringAssert.StartsWith(error.Message, "zstd: frame needs dictionary ");
        StringAssert.EndsWith(error.Message, ", and dictionaries are not supported at compressed offset 5");
    }
}
