using ContainerOpt.Images.Reporting;

namespace ContainerOpt.Images.Tests.Reporting;

[TestClass]
public sealed class ByteSizeTests
{
    [TestMethod]
    [DataRow("500MB", 500_000_000L)]
    [DataRow("1.5GiB", 1_610_612_736L)]
    [DataRow("200000000", 200_000_000L)]
    [DataRow("200 MB", 200_000_000L)]
    [DataRow(" 2 gb ", 2_000_000_000L)]
    [DataRow("10mib", 10_485_760L)]
    [DataRow("1KiB", 1024L)]
    [DataRow("1kb", 1000L)]
    [DataRow("7B", 7L)]
    [DataRow("0.5B", 1L)]
    [DataRow("1TiB", 1_099_511_627_776L)]
    public void ParsesDecimalAndBinaryUnits(string text, long bytes) => Assert.AreEqual(bytes, ByteSize.Parse(text));

    [TestMethod]
    [DataRow("")]
    [DataRow("MB")]
    [DataRow("-5MB")]
    [DataRow("5 XB")]
    [DataRow("5M")]
    [DataRow("1.2.3MB")]
    [DataRow("99999999999TB")]
    public void RejectsAnythingElseWithAFormatException(string text)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => ByteSize.Parse(text));
        StringAssert.StartsWith(error.Message, $"'{text}' is ");
    }

    [TestMethod]
    [DataRow(0L, "0 B")]
    [DataRow(145L, "145 B")]
    [DataRow(999L, "999 B")]
    [DataRow(1000L, "1.00 kB")]
    [DataRow(5242880L, "5.24 MB")]
    [DataRow(118367088L, "118 MB")]
    [DataRow(999_600L, "1.00 MB")]
    [DataRow(12_345_678_901L, "12.3 GB")]
    public void FormatsLikeDocker(long bytes, string text) => Assert.AreEqual(text, ByteSize.Format(bytes));

    [TestMethod]
    public void EfficiencyReadsFractionsAndPercentages()
    {
        Assert.AreEqual(0.9, ImageGateOptions.ParseEfficiency("0.9"));
        Assert.AreEqual(0.95, ImageGateOptions.ParseEfficiency("95%"), 1e-12);
        Assert.ThrowsExactly<FormatException>(() => ImageGateOptions.ParseEfficiency("1.5"));
        Assert.ThrowsExactly<FormatException>(() => ImageGateOptions.ParseEfficiency("high"));
        var options = ImageGateOptions.FromProperties("1GB", "", "90%");
        Assert.AreEqual(1_000_000_000L, options.MaxImageSize);
        Assert.IsNull(options.MaxWastedBytes);
        Assert.AreEqual(0.9, options.MinEfficiency!.Value, 1e-12);
    }
}
