using ContainerOpt.Dockerfile.Text;

namespace ContainerOpt.Dockerfile.Tests.Syntax;

[TestClass]
public sealed class SourceTextTests
{
    [TestMethod]
    [DataRow("")]
    [DataRow("FROM a")]
    [DataRow("\n")]
    [DataRow("\n\n\n")]
    [DataRow("FROM a\nRUN b\r\n\nUSER c\n")]
    [DataRow("FROM a\nRUN b\nUSER c")]
    public void Every_offset_is_placed_on_the_line_that_holds_it(string text)
    {
        var source = SourceText.From(text);
        for (int offset = -1; offset <= text.Length + 1; offset++)
        {
            // Counted the slow way: lines before the offset are the '\n's before it.
            int at = Math.Max(0, Math.Min(offset, text.Length));
            int line = 1 + text.Take(at).Count(c => c == '\n');
            int lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
            int column = at - lineStart + 1;
            Assert.AreEqual(new LinePosition(line, column), source.GetLinePosition(offset), "offset " + offset);
        }
    }

    [TestMethod]
    public void Bytes_decode_from_a_prefix_of_the_buffer_without_the_byte_order_mark()
    {
        var buffer = new byte[] { 0xEF, 0xBB, 0xBF, (byte)'F', (byte)'R', (byte)'O', (byte)'M', (byte)'\n', (byte)'x', (byte)'y' };
        var source = SourceText.From(buffer, 8, "Dockerfile");
        Assert.AreEqual("FROM\n", source.Text);
        Assert.IsTrue(SourceText.StartsWithByteOrderMark(buffer, 8));
        Assert.IsFalse(SourceText.StartsWithByteOrderMark(buffer, 2));
        Assert.AreEqual("", SourceText.From(buffer, 0).Text);
        Assert.AreEqual("", SourceText.From(buffer, 3).Text);
    }

    [TestMethod]
    public void Decoding_tells_whether_the_bytes_were_valid_utf8()
    {
        var valid = SourceText.From(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', 0xC3, 0xA9, 0xEF, 0xBF, 0xBD }, 9, null, out bool wasValid);
        Assert.AreEqual("a\u00e9\uFFFD", valid.Text);
        Assert.IsTrue(wasValid);
        var invalid = SourceText.From(new byte[] { (byte)'a', 0xC3, 0x28, 0xFF, (byte)'b' }, 5, null, out wasValid);
        Assert.AreEqual("a\uFFFD(\uFFFDb", invalid.Text);
        Assert.IsFalse(wasValid);
        // A sequence cut off at the end of the bytes counted is invalid, whatever follows in the buffer.
        SourceText.From(new byte[] { (byte)'a', 0xC3, 0xA9 }, 2, null, out wasValid);
        Assert.IsFalse(wasValid);
    }
}
