using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.Images.Tests.Archives;
using ContainerOpt.Images.Tests.Layers;

namespace ContainerOpt.Images.Tests.Reporting;

[TestClass]
public sealed class ReportOutputTests
{
    private const string Dockerfile = "FROM base:1\nRUN head -c 5000 /dev/urandom > /big\nRUN rm /big && echo \"done\" > /tmp/x\n";

    private static ImageReport Report(bool measureCompressedSize = false)
    {
        var image = Synthetic.Image(new[]
        {
            new TestTarWriter().File("etc/os", 1000).Finish(),
            new TestTarWriter().File("big", 5000).Finish(),
            new TestTarWriter().File(".wh.big", "").File("tmp/x", 5).Finish(),
        }, new[] { null, "RUN /bin/sh -c head -c 5000 /dev/urandom > /big # buildkit", "RUN /bin/sh -c rm /big && echo \"done\" > /tmp/x # buildkit" }, measureCompressedSize);
        var model = DockerfileModel.Build(DockerfileParser.Parse(Dockerfile, "Dockerfile"));
        return DockerfileAttribution.Attribute(ImageAnalyzer.Analyze(image), model, "Dockerfile");
    }

    [TestMethod]
    public void JsonHasTheContractKeysInOrder()
    {
        string json = ImageReportJson.ToJson(Report());
        string digest0 = Report().Layers[0].Digest;
        string expectedStart =
            "{\n" +
            "  \"image\": \"synthetic:1\",\n" +
            "  \"size\": 6005,\n" +
            "  \"wastedBytes\": 5005,\n" +
            "  \"efficiency\": 0.166528,\n" +
            "  \"layers\": [\n" +
            "    {\n" +
            "      \"index\": 0,\n" +
            "      \"digest\": \"" + digest0 + "\",\n" +
            "      \"size\": 1000,\n" +
            "      \"compressedSize\": null,\n" +
            "      \"createdBy\": null,\n" +
            "      \"dockerfile\": \"Dockerfile\",\n" +
            "      \"dockerfileLine\": 1,\n" +
            "      \"wastedBytes\": 0,\n" +
            "      \"largestFiles\": [\n" +
            "        {\n" +
            "          \"path\": \"etc/os\",\n" +
            "          \"size\": 1000\n" +
            "        }\n" +
            "      ],\n" +
            "      \"fileCount\": 1,\n" +
            "      \"removedBytes\": 0,\n" +
            "      \"leftoverCacheBytes\": 0,\n" +
            "      \"compressedSizeEstimated\": false\n" +
            "    },\n";
        StringAssert.StartsWith(json, expectedStart);
        StringAssert.Contains(json, "\"createdBy\": \"RUN /bin/sh -c rm /big && echo \\\"done\\\" > /tmp/x # buildkit\",\n      \"dockerfile\": \"Dockerfile\",\n      \"dockerfileLine\": 3,\n      \"wastedBytes\": 5,");
        StringAssert.EndsWith(json,
            "  \"removedBytes\": 5000,\n" +
            "  \"leftoverCacheBytes\": 5,\n" +
            "  \"largestWastedFiles\": [\n" +
            "    {\n      \"path\": \"big\",\n      \"size\": 5000,\n      \"layer\": 1,\n      \"kind\": \"removed\"\n    },\n" +
            "    {\n      \"path\": \"tmp/x\",\n      \"size\": 5,\n      \"layer\": 2,\n      \"kind\": \"leftoverCache\"\n    }\n" +
            "  ],\n" +
            "  \"baseLayerCount\": 1,\n" +
            "  \"baseLayerSource\": \"dockerfile\",\n" +
            "  \"baseSize\": 1000,\n" +
            "  \"userSize\": 5005,\n" +
            "  \"baseWastedBytes\": 0,\n" +
            "  \"userWastedBytes\": 5005,\n" +
            "  \"userWastedPercent\": 1\n" +
            "}\n");
        var parsed = ContainerOpt.Core.Json.JsonReader.Parse(json);
        Assert.AreEqual(2, parsed["layers"]!.Items[1]["dockerfileLine"]!.AsInt64);
        Assert.AreEqual(5000, parsed["layers"]!.Items[1]["wastedBytes"]!.AsInt64);
    }

    [TestMethod]
    public void TableShowsLayersTotalsAndWastedFiles()
    {
        string table = ImageReportTable.Format(Report());
        Assert.AreEqual(
            "#     SIZE  COMPRESSED   WASTED  LINE          CREATED BY\n" +
            "0  1.00 kB           -        -  Dockerfile:1  -\n" +
            "1  5.00 kB           -  5.00 kB  Dockerfile:2  RUN /bin/sh -c head -c 5000 /dev/urandom > /big\n" +
            "2      5 B           -      5 B  Dockerfile:3  RUN /bin/sh -c rm /big && echo \"done\" > /tmp/x\n" +
            "Image synthetic:1: 6.01 kB in 3 layers (not measured compressed); wasted 5.01 kB (5,005 bytes: 5.00 kB removed or overwritten later, 5 B left in caches); efficiency 16.7%\n" +
            "Base image: 1 layer (1.00 kB, the layers of the Dockerfile's FROM); added above it: 5.01 kB, wasting 5.01 kB (user-wasted 100.0%)\n" +
            "Largest wasted files:\n" +
            "  5.00 kB  /big  (layer 1, deleted later)\n" +
            "      5 B  /tmp/x  (layer 2, left in a cache directory)\n",
            table);
    }

    [TestMethod]
    public void EstimatedCompressedSizesAreMarkedAndExplained()
    {
        ImageReport report = Report(measureCompressedSize: true);
        string table = ImageReportTable.Format(report);
        string[] lines = table.Split('\n');
        // Each layer is one block, so gzip's size is exact here; the report still says how it is known in general.
        Assert.AreEqual("#     SIZE  COMPRESSED   WASTED  LINE          CREATED BY", lines[0]);
        StringAssert.StartsWith(lines[1], "0  1.00 kB      ≈ 97 B        -");
        StringAssert.Contains(lines[4], "(≈ " + ByteSize.Format(report.CompressedSize!.Value) + " compressed)");
        Assert.AreEqual(ImageReportTable.EstimatedLegend, lines[5] + "\n");
        StringAssert.Contains(ImageReportJson.ToJson(report), "\"compressedSizeEstimated\": true\n");
    }

    [TestMethod]
    public void GatesPointAtTheResponsibleLines()
    {
        var findings = ImageGates.Evaluate(Report(), new ImageGateOptions { MaxImageSize = 6000, MaxWastedBytes = 5000, MinEfficiency = 0.5 });
        Assert.AreEqual(3, findings.Count);

        Finding size = findings[0];
        Assert.AreEqual("COPT3101", size.Code);
        Assert.AreEqual(DiagnosticSeverity.Error, size.Severity);
        Assert.AreEqual("Dockerfile", size.FilePath);
        Assert.AreEqual("(2,1,2,37)", size.Location.ToString());
        Assert.AreEqual("The image is 6.01 kB (6,005 bytes), above ContainerOptMaxImageSize 6.00 kB (6,000 bytes); the largest layer (5.00 kB) comes from this line. Use a smaller base image or remove what this step adds.", size.Message);
        Assert.AreEqual(Dockerfile.IndexOf("RUN head", StringComparison.Ordinal), size.Span.Start);

        Finding waste = findings[1];
        Assert.AreEqual("COPT3102", waste.Code);
        Assert.AreEqual(2, waste.Location.Start.Line);
        Assert.AreEqual("The image wastes 5.01 kB (5,005 bytes), above ContainerOptMaxWastedBytes 5.00 kB (5,000 bytes); 5.00 kB of it is made on this line and removed or left unused later. Delete in the same RUN that creates the files, or use a cache mount.", waste.Message);

        Finding efficiency = findings[2];
        Assert.AreEqual("COPT3103", efficiency.Code);
        Assert.AreEqual(2, efficiency.Location.Start.Line);
        Assert.AreEqual("The image efficiency is 16.7%, below ContainerOptMinEfficiency 50.0%; the most wasteful layer comes from this line (5.00 kB wasted). Delete in the same RUN that creates the files, or use a cache mount.", efficiency.Message);

        Assert.AreEqual(0, ImageGates.Evaluate(Report(), new ImageGateOptions { MaxImageSize = 6005, MaxWastedBytes = 5005, MinEfficiency = 0.16 }).Count);
    }

    [TestMethod]
    public void WithoutALineTheGateNamesTheImageAtNoPosition()
    {
        var report = ImageAnalyzer.Analyze(Synthetic.Image(new TestTarWriter().File("a", 10).Finish()));
        Finding finding = ImageGates.Evaluate(report, new ImageGateOptions { MaxImageSize = 1 }).Single();
        Assert.AreEqual("synthetic:1", finding.FilePath);
        Assert.AreEqual(0, finding.Location.Start.Line);
    }
}
