using System.Text;
using ContainerOpt.Images.Compression;
using static ContainerOpt.Images.Tests.Compression.ZstdTestSupport;

namespace ContainerOpt.Images.Tests.Compression;

/// <summary>The Stream contract: reads of any size, spans, single bytes, trickling input, position, disposal, arguments.</summary>
[TestClass]
public sealed class ZstdStreamBehaviourTests
{
    private static readonly string[] Fixtures = { "text-l19.zst", "two-frames.zst", "zeros-l3.zst", "random-l3.zst", "records-l9.zst" };

    [TestMethod]
    [DataRow(1)]
    [DataRow(7)]
    [DataRow(64 * 1024)]
    [DataRow(3 * 1024 * 1024)]
    public void ReadsOfAnySizeGiveTheSameBytes(int chunk)
    {
        foreach (string fixture in Fixtures)
        {
            byte[] expected = Decode(Fixture(fixture));
            CollectionAssert.AreEqual(expected, Decode(Fixture(fixture), chunk), $"{fixture}, reads of {chunk}");
        }
    }

    [TestMethod]
    public void SpanReadsAndSingleBytesGiveTheSameBytes()
    {
        byte[] compressed = Fixture("records-l9.zst");
        byte[] expected = Decode(compressed);

        using (var stream = new ZstdDecompressionStream(new MemoryStream(compressed)))
        {
            var output = new MemoryStream();
            Span<byte> buffer = stackalloc byte[1000];
            int n;
            while ((n = stream.Read(buffer)) > 0) output.Write(buffer[..n]);
            CollectionAssert.AreEqual(expected, output.ToArray());
        }

        using (var stream = new ZstdDecompressionStream(new MemoryStream(compressed)))
        {
            var output = new MemoryStream();
            int b;
            while ((b = stream.ReadByte()) >= 0) output.WriteByte((byte)b);
            CollectionAssert.AreEqual(expected, output.ToArray());
            Assert.AreEqual(-1, stream.ReadByte());
        }
    }

    [TestMethod]
    public void InputArrivingOneByteAtATimeDecodesTheSame()
    {
        foreach (string fixture in Fixtures)
        {
            byte[] compressed = Fixture(fixture);
            using var stream = new ZstdDecompressionStream(new TricklingStream(compressed));
            var output = new MemoryStream();
            stream.CopyTo(output);
            CollectionAssert.AreEqual(Decode(compressed), output.ToArray(), fixture);
        }
    }

    [TestMethod]
    public void ZeroLengthReadsReturnZeroWithoutConsuming()
    {
        using var stream = new ZstdDecompressionStream(new MemoryStream(Fixture("hello.zst")));
        Assert.AreEqual(0, stream.Read(Array.Empty<byte>(), 0, 0));
        Assert.AreEqual(0, stream.Read(new byte[5], 5, 0));
        Assert.AreEqual(0, stream.Read(Span<byte>.Empty));
        Assert.AreEqual(0L, stream.Position);

        var buffer = new byte[100];
        Assert.AreEqual(13, stream.Read(buffer, 0, buffer.Length));
        Assert.AreEqual("Hello, zstd!\n", Encoding.ASCII.GetString(buffer, 0, 13));
        Assert.AreEqual(13L, stream.Position);
        Assert.AreEqual(0, stream.Read(buffer, 0, buffer.Length));
        Assert.AreEqual(0, stream.Read(buffer, 0, 0));
        Assert.AreEqual(13L, stream.Position);
    }

    [TestMethod]
    public void AReadFillsTheWholeBufferAcrossBlocksAndFrames()
    {
        using var stream = new ZstdDecompressionStream(new MemoryStream(Fixture("two-frames.zst")));
        var buffer = new byte[1000];
        Assert.AreEqual(413, stream.Read(buffer, 0, buffer.Length));
    }

    [TestMethod]
    public void OnlyReadingIsSupported()
    {
        using var stream = new ZstdDecompressionStream(new MemoryStream(Fixture("hello.zst")));
        Assert.IsTrue(stream.CanRead);
        Assert.IsFalse(stream.CanSeek);
        Assert.IsFalse(stream.CanWrite);
        Assert.ThrowsExactly<NotSupportedException>(() => stream.Length);
        Assert.ThrowsExactly<NotSupportedException>(() => stream.Position = 0);
        Assert.ThrowsExactly<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.ThrowsExactly<NotSupportedException>(() => stream.SetLength(0));
        Assert.ThrowsExactly<NotSupportedException>(() => stream.Write(new byte[1], 0, 1));
        stream.Flush();
    }

    [TestMethod]
    public void DisposingClosesTheInputUnlessLeftOpen()
    {
        var input = new MemoryStream(Fixture("hello.zst"));
        new ZstdDecompressionStream(input, leaveOpen: true).Dispose();
        Assert.IsTrue(input.CanRead);

        var stream = new ZstdDecompressionStream(input);
        stream.Dispose();
        Assert.IsFalse(input.CanRead);
        Assert.IsFalse(stream.CanRead);
        Assert.ThrowsExactly<ObjectDisposedException>(() => stream.Read(new byte[1], 0, 1));
        stream.Dispose();
    }

    [TestMethod]
    public void BadArgumentsAreRejected()
    {
        Assert.ThrowsExactly<ArgumentNullException>(() => new ZstdDecompressionStream(null!));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ZstdDecompressionStream(new MemoryStream(), maxWindowSize: 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new ZstdDecompressionStream(new MemoryStream(), maxWindowSize: (1L << 30) + 1));
        var unreadable = new MemoryStream();
        unreadable.Dispose();
        Assert.ThrowsExactly<ArgumentException>(() => new ZstdDecompressionStream(unreadable));

        using var stream = new ZstdDecompressionStream(new MemoryStream(Fixture("hello.zst")));
        Assert.ThrowsExactly<ArgumentNullException>(() => stream.Read(null!, 0, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => stream.Read(new byte[4], -1, 1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => stream.Read(new byte[4], 2, 3));
    }

    [TestMethod]
    public void AfterAnErrorEveryReadFailsTheSameWay()
    {
        byte[] corrupt = Fixture("hello.zst");
        corrupt[^1] ^= 0xFF; // checksum
        using var stream = new ZstdDecompressionStream(new MemoryStream(corrupt));
        var buffer = new byte[100];
        var first = Assert.ThrowsExactly<InvalidDataException>(() => stream.Read(buffer, 0, buffer.Length));
        var second = Assert.ThrowsExactly<InvalidDataException>(() => stream.Read(buffer, 0, buffer.Length));
        Assert.AreSame(first, second);
        StringAssert.StartsWith(first.Message, "zstd: content checksum mismatch");
    }

    /// <summary>Hands out one byte per read, like a slow pipe.</summary>
    private sealed class TricklingStream(byte[] data) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count == 0 || _position == data.Length) return 0;
            buffer[offset] = data[_position++];
            return 1;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
