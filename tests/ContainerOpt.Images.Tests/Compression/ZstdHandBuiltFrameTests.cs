using System.Text;
using static ContainerOpt.Images.Tests.Compression.ZstdTestSupport;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>
/// Frames built byte by byte for what the CLI never writes (skippable frames, dictionary ids, reserved bits,
/// window mantissas) and for exact sequence semantics (repeat offsets), each with its exact outcome: the
/// managed (netstandard2.0) decoder's exact result or message, and the same bytes, or an
/// InvalidDataException, from the net8.0 build's ZstdSharp stream.
/// </summary>
[TestClass]
public sealed class ZstdHandBuiltFrameTests
{
    private static readonly byte[] Magic = { 0x28, 0xB5, 0x2F, 0xFD };

    /// <summary>Magic, descriptor (single segment with a 1-byte content size, unless told), then the rest.</summary>
    private static byte[] Frame(byte descriptor, byte[] header, params byte[][] blocks) =>
        Magic.Concat(new[] { descriptor }).Concat(header).Concat(blocks.SelectMany(b => b)).ToArray();

    private static byte[] BlockHeader(int type, int size, bool last)
    {
        int value = (size << 3) | (type << 1) | (last ? 1 : 0);
        return new[] { (byte)value, (byte)(value >> 8), (byte)(value >> 16) };
    }

    private static byte[] Raw(string text, bool last = true) => BlockHeader(0, text.Length, last).Concat(Encoding.ASCII.GetBytes(text)).ToArray();
    private static byte[] Rle(char value, int count, bool last = true) => BlockHeader(1, count, last).Append((byte)value).ToArray();
    private static byte[] Compressed(bool last, params byte[] content) => BlockHeader(2, content.Length, last).Concat(content).ToArray();

    /// <summary>No content size, no checksum, a 1 KiB window (descriptor byte 0).</summary>
    private static byte[] StreamFrame(params byte[][] blocks) => Frame(0x00, new byte[] { 0x00 }, blocks);

    private static string DecodeText(byte[] compressed)
    {
        string managed = Encoding.ASCII.GetString(ManagedZstd.Decode(compressed));
        Assert.AreEqual(managed, Encoding.ASCII.GetString(Decode(compressed)), "ZstdSharp decodes the frame like the managed decoder");
        return managed;
    }

    private static string Error(byte[] compressed)
    {
        var zstdSharp = Assert.ThrowsExactly<InvalidDataException>(() => Decode(compressed), "ZstdSharp refuses the frame too");
        StringAssert.StartsWith(zstdSharp.Message, "zstd: ");
        StringAssert.Contains(zstdSharp.Message, " at compressed offset ");
        return Assert.ThrowsExactly<InvalidDataException>(() => ManagedZstd.Decode(compressed)).Message;
    }

    [TestMethod]
    public void RawAndRleBlocks()
    {
        Assert.AreEqual("abcxxxx", DecodeText(StreamFrame(Raw("abc", last: false), Rle('x', 4))));
    }

    [TestMethod]
    public void ASkippableFrameBetweenTwoFramesIsSkipped()
    {
        byte[] skippable = { 0x53, 0x2A, 0x4D, 0x18, 5, 0, 0, 0, 1, 2, 3, 4, 5 };
        byte[] input = StreamFrame(Raw("abc")).Concat(skippable).Concat(StreamFrame(Rle('x', 4))).ToArray();

        byte[] decoded = Decode(input, out ZstdStatistics stats);

        Assert.AreEqual("abcxxxx", Encoding.ASCII.GetString(decoded));
        Assert.AreEqual(2, stats.Frames);
        Assert.AreEqual(1, stats.SkippableFrames);
    }

    [TestMethod]
    public void EverySkippableMagicIsSkippedEvenAlone()
    {
        for (int nibble = 0; nibble < 16; nibble++)
            Assert.AreEqual(0, Decode(new byte[] { (byte)(0x50 | nibble), 0x2A, 0x4D, 0x18, 0, 0, 0, 0 }).Length);
    }

    [TestMethod]
    public void ATruncatedSkippableFrameIsAnError()
    {
        Assert.AreEqual("zstd: truncated input: skippable frame content needs 9 bytes but only 2 remain at compressed offset 8",
            Error(new byte[] { 0x50, 0x2A, 0x4D, 0x18, 9, 0, 0, 0, 1, 2 }));
    }

    [TestMethod]
    public void ANonZeroDictionaryIdIsRefused()
    {
        // Descriptor: dictionary id flag 1 (1 byte), single segment; then id 7 and content size 3.
        byte[] frame = Frame(0x21, new byte[] { 7, 3 }, Raw("abc"));
        Assert.AreEqual("zstd: frame needs dictionary 7, and dictionaries are not supported at compressed offset 5", Error(frame));
    }

    [TestMethod]
    public void AZeroDictionaryIdMeansNone()
    {
        // Dictionary id flag 3 (4 bytes), all zero.
        Assert.AreEqual("abc", DecodeText(Frame(0x23, new byte[] { 0, 0, 0, 0, 3 }, Raw("abc"))));
    }

    [TestMethod]
    public void TheReservedBitIsRefusedButTheUnusedBitIgnored()
    {
        Assert.AreEqual("zstd: reserved bit set in the frame header descriptor at compressed offset 4",
            Error(Frame(0x28, new byte[] { 3 }, Raw("abc"))));
        Assert.AreEqual("abc", DecodeText(Frame(0x30, new byte[] { 3 }, Raw("abc"))));
    }

    [TestMethod]
    public void TheReservedBlockTypeIsRefused()
    {
        Assert.AreEqual("zstd: reserved block type at compressed offset 6", Error(StreamFrame(BlockHeader(3, 0, true))));
    }

    [TestMethod]
    public void TheWindowMantissaSetsTheBlockMaximum()
    {
        // Exponent 0, mantissa 7: 1024 + 7 * 128 = 1920 bytes, so blocks may not exceed 1920.
        string fits = new('a', 1920);
        Assert.AreEqual(fits, DecodeText(Frame(0x00, new byte[] { 0x07 }, Raw(fits))));
        Assert.AreEqual("zstd: block size 1921 exceeds the frame's maximum block size 1920 at compressed offset 6",
            Error(Frame(0x00, new byte[] { 0x07 }, Raw(fits + "a"))));
    }

    [TestMethod]
    public void AWindowAboveTheLimitIsRefusedUnlessTheLimitIsRaised()
    {
        // Exponent 18: 2^28 = 256 MiB.
        byte[] frame = Frame(0x00, new byte[] { 18 << 3 }, Raw("abc"));
        Assert.AreEqual("zstd: window size 268435456 exceeds the decoder limit 134217728 at compressed offset 5", Error(frame));
        Assert.AreEqual("abc", Encoding.ASCII.GetString(Decode(frame, maxWindowSize: 1L << 28)));
    }

    [TestMethod]
    public void ASingleSegmentFrameLargerThanTheLimitIsRefused()
    {
        // Content size flag 2 (4 bytes): 200,000,000 declared, above the 128 MiB limit.
        byte[] frame = Frame(0xA0, BitConverter.GetBytes(200_000_000), Raw("abc"));
        Assert.AreEqual("zstd: window size 200000000 exceeds the decoder limit 134217728 at compressed offset 5", Error(frame));
    }

    [TestMethod]
    public void TheTwoByteContentSizeIsOffsetBy256()
    {
        // Content size flag 1: value 0 means 256.
        string text = new('q', 256);
        Assert.AreEqual(text, DecodeText(Frame(0x60, new byte[] { 0, 0 }, Raw(text))));
    }

    [TestMethod]
    public void TheDeclaredContentSizeIsEnforced()
    {
        Assert.AreEqual("zstd: frame content is 3 bytes but its header declares 4 at compressed offset 0",
            Error(Frame(0x20, new byte[] { 4 }, Raw("abc"))));
        // In a single-segment frame the declared size is also the window, which caps the block size.
        Assert.AreEqual("zstd: block size 3 exceeds the frame's maximum block size 2 at compressed offset 6",
            Error(Frame(0x20, new byte[] { 2 }, Raw("abc"))));
        // With a 1 KiB window and 256 bytes declared (2-byte field, +256), a 300-byte block overshoots.
        Assert.AreEqual("zstd: block decodes past the frame's declared content size 256 at compressed offset 8",
            Error(Frame(0x40, new byte[] { 0, 0, 0 }, Raw(new string('a', 300)))));
    }

    [TestMethod]
    public void TheContentChecksumIsVerified()
    {
        // XXH64("abc") = 0x44BC2CF5AD770999: the frame stores its low 32 bits.
        byte[] good = Frame(0x24, new byte[] { 3 }, Raw("abc"), new byte[] { 0x99, 0x09, 0x77, 0xAD });
        Assert.AreEqual("abc", DecodeText(good));

        byte[] bad = (byte[])good.Clone();
        bad[^1] ^= 0x01;
        Assert.AreEqual("zstd: content checksum mismatch (frame says 0xAC770999, content hashes to 0xAD770999) at compressed offset 12", Error(bad));
    }

    [TestMethod]
    public void InputThatIsNotZstdIsRefusedWithItsOffset()
    {
        Assert.AreEqual("zstd: unknown frame magic number 0x04034B50 (not zstd data) at compressed offset 0",
            Error(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0, 0 }));
        byte[] trailing = StreamFrame(Raw("abc")).Concat(new byte[] { 1, 2, 3, 4 }).ToArray();
        Assert.AreEqual("zstd: unknown frame magic number 0x04030201 (not zstd data) at compressed offset 12", Error(trailing));
        Assert.AreEqual("zstd: no frame in the input (it is empty) at compressed offset 0", Error(Array.Empty<byte>()));
    }

    [TestMethod]
    public void TruncationIsReportedWhereTheMissingPartStarts()
    {
        byte[] frame = StreamFrame(Raw("abcdef"));
        Assert.AreEqual("zstd: truncated input: raw block needs 6 bytes but only 2 remain at compressed offset 9", Error(frame[..11]));
        Assert.AreEqual("zstd: truncated input: block header needs 3 bytes but only 1 remain at compressed offset 6", Error(frame[..7]));
        Assert.AreEqual("zstd: truncated input: frame magic number needs 4 bytes but only 2 remain at compressed offset 15",
            Error(frame.Concat(Magic[..2]).ToArray()));
    }

    [TestMethod]
    public void RawAndRleLiteralsWithoutSequences()
    {
        // Literals header: raw, 5-bit size 3 -> 0x18; then "abc"; then 0 sequences.
        Assert.AreEqual("abc", DecodeText(StreamFrame(Compressed(true, 0x18, (byte)'a', (byte)'b', (byte)'c', 0x00))));
        // RLE, size 5 -> 0x29; the byte; 0 sequences.
        Assert.AreEqual("zzzzz", DecodeText(StreamFrame(Compressed(true, 0x29, (byte)'z', 0x00))));
    }

    [TestMethod]
    public void OneSequenceWithRleTables()
    {
        // Literals "ab"; one sequence: literal length 2 (code 2), offset value 5 = new offset 2 (code 2, one
        // extra bit pair = 01), match length 6 (code 3). All three tables RLE (modes 0x54). The bitstream
        // holds only the offset's 2 extra bits under the end marker: 0b1_01.
        byte[] block = Compressed(true, 0x10, (byte)'a', (byte)'b', 0x01, 0x54, 2, 2, 3, 0x05);
        Assert.AreEqual("abababab", DecodeText(StreamFrame(block)));
    }

    [TestMethod]
    public void RepeatOffsetsShiftWhenTheLiteralLengthIsZero()
    {
        // After "abcd", two sequences with literal length 0 and offset value 1: the shift makes the first
        // use repeat offset 2 (= 4, copying "abcd") and the second the former first (= 1, copying "dddd").
        byte[] block = Compressed(true, 0x00, 0x02, 0x54, 0, 0, 1, 0x01);
        Assert.AreEqual("abcdabcddddd", DecodeText(StreamFrame(Raw("abcd", last: false), block)));
    }

    [TestMethod]
    public void OffsetValueThreeWithLiteralLengthZeroIsTheFirstRepeatMinusOne()
    {
        // Block 1: new offset 4 (offset value 7 = code 2 + extra bits 11) copies "efg"; repeat offsets 4, 1, 4.
        byte[] first = Compressed(false, 0x00, 0x01, 0x54, 0, 2, 0, 0x07);
        // Block 2: offset value 3 (code 1 + extra bit 1) with literal length 0 means 4 - 1 = 3: copies "efg" again.
        byte[] second = Compressed(true, 0x00, 0x01, 0x54, 0, 1, 0, 0x03);
        Assert.AreEqual("abcdefghefgefg", DecodeText(StreamFrame(Raw("abcdefgh", last: false), first, second)));
    }

    [TestMethod]
    public void AnOffsetOfZeroFromTheFirstRepeatIsRefused()
    {
        // Offset value 3 with literal length 0 while repeat offset 1 is still 1: offset 0.
        byte[] block = Compressed(true, 0x00, 0x01, 0x54, 0, 1, 0, 0x03);
        Assert.AreEqual("zstd: sequence 1 of 1 has match offset 0 beyond the 4 bytes of history at compressed offset 22",
            Error(StreamFrame(Raw("abcd", last: false), block)));
    }

    [TestMethod]
    public void AMatchBeyondTheHistoryIsRefused()
    {
        // Offset value 7 = offset 4 with only "ab" decoded.
        byte[] block = Compressed(true, 0x00, 0x01, 0x54, 0, 2, 0, 0x07);
        Assert.AreEqual("zstd: sequence 1 of 1 has match offset 4 beyond the 2 bytes of history at compressed offset 20",
            Error(StreamFrame(Raw("ab", last: false), block)));
    }

    [TestMethod]
    public void RepeatModeAndTreelessLiteralsNeedAnEarlierBlockInTheFrame()
    {
        Assert.AreEqual("zstd: literals lengths repeat mode without a previous table in the frame at compressed offset 12",
            Error(StreamFrame(Compressed(true, 0x00, 0x01, 0xFC, 0x01))));
        // Treeless literals (type 3), 1 stream, sizes 1 and 1.
        Assert.AreEqual("zstd: treeless literals without a previous Huffman table in the frame at compressed offset 9",
            Error(StreamFrame(Compressed(true, 0x13, 0x40, 0x00, 0x80, 0x00))));
    }

    [TestMethod]
    public void ReservedSequenceModeBitsAreRefused()
    {
        Assert.AreEqual("zstd: reserved bits set in the sequences compression modes at compressed offset 11",
            Error(StreamFrame(Compressed(true, 0x00, 0x01, 0x01, 0x01))));
    }

    [TestMethod]
    public void BytesAfterAnEmptySequencesSectionAreRefused()
    {
        Assert.AreEqual("zstd: 1 bytes follow a sequences section without sequences at compressed offset 11",
            Error(StreamFrame(Compressed(true, 0x00, 0x00, 0x42))));
    }

    [TestMethod]
    public void XxHash64MatchesTheReferenceVectors()
    {
        (string input, ulong hash)[] vectors =
        {
            ("", 0xEF46DB3751D8E999), ("a", 0xD24EC4F1A98C6E5B), ("as", 0x1C330FB2D66BE179), ("asd", 0x631C37CE72A97393),
            ("asdf", 0x415872F599CEA71E), ("abc", 0x44BC2CF5AD770999),
            ("Nobody inspects the spammish repetition", 0xFBCEA83C8A378BF1),
        };
        foreach (var (input, expected) in vectors)
        {
            var hash = new XxHash64();
            byte[] bytes = Encoding.ASCII.GetBytes(input);
            // Fed one byte at a time, so the stripe buffering is exercised as well.
            for (int i = 0; i < bytes.Length; i++) hash.Update(bytes, i, 1);
            Assert.AreEqual(expected, hash.Digest(), input);
        }
    }
}
