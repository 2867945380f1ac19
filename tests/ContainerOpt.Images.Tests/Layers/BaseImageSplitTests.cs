using ContainerOpt.Core.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.Images.Tests.Archives;

namespace ContainerOpt.Images.Tests.Layers;

/// <summary>
/// dive's user-wasted share: the waste the added layers make over the bytes they add. The base image is the FROM
/// line's layers once attributed (else dive's first layer); what the base wastes by itself does not count.
/// </summary>
[TestClass]
public sealed class BaseImageSplitTests
{
    private const string Dockerfile = "FROM base:1\nRUN rm /a && echo app > /app\n";

    /// <summary>
    /// Base layer 0: a (100), b (30), var/cache/apt/pkg (50, a cache the base leaves); base layer 1 rewrites b (40).
    /// Added layer 2 deletes a, adds app (200) and tmp/t (10, left in /tmp).
    /// </summary>
    private static ImageReport Image() => ImageAnalyzer.Analyze(Synthetic.Image(new[]
    {
        new TestTarWriter().File("a", 100).File("b", 30).File("var/cache/apt/pkg", 50).Finish(),
        new TestTarWriter().File("b", 40).Finish(),
        new TestTarWriter().File(".wh.a", "").File("app", 200).File("tmp/t", 10).Finish(),
    }, new[] { null, "/bin/sh -c make-base", "RUN /bin/sh -c rm /a && echo app > /app # buildkit" }));

    private static ImageReport Attributed() =>
        DockerfileAttribution.Attribute(Image(), DockerfileModel.Build(DockerfileParser.Parse(Dockerfile, "Dockerfile")), "Dockerfile");

    [TestMethod]
    public void The_FROM_lines_layers_are_the_base_and_its_own_waste_does_not_count()
    {
        ImageReport report = Attributed();
        // Image waste: b's first copy 30 + a 100 (deleted by the added layer) removed; 50 + 10 left in caches.
        Assert.AreEqual(190, report.WastedBytes);
        BaseImageSplit split = report.BaseSplit;
        Assert.AreEqual(2, report.BaseLayerCount);
        Assert.AreEqual(2, split.BaseLayerCount);
        Assert.AreEqual(BaseImageBoundary.Dockerfile, split.Boundary);
        Assert.AreEqual(220, split.BaseSize);
        Assert.AreEqual(210, split.UserSize);
        Assert.AreEqual(80, split.BaseWastedBytes, "the base alone: b overwritten (30) and its apt cache (50)");
        Assert.AreEqual(110, split.UserWastedBytes, "a deleted by the added layer (100) and its /tmp leftover (10)");
        Assert.AreEqual(110.0 / 210, split.UserWastedPercent, 1e-12);
        Assert.AreEqual("Base image: 2 layers (220 B, the layers of the Dockerfile's FROM); added above it: 210 B, wasting 110 B (user-wasted 52.4%)\n",
            ImageReportTable.BaseSplitLine(split));
        StringAssert.EndsWith(ImageReportJson.ToJson(report),
            "  \"baseLayerCount\": 2,\n  \"baseLayerSource\": \"dockerfile\",\n  \"baseSize\": 220,\n  \"userSize\": 210,\n" +
            "  \"baseWastedBytes\": 80,\n  \"userWastedBytes\": 110,\n  \"userWastedPercent\": 0.52381\n}\n");
    }

    [TestMethod]
    public void Without_a_dockerfile_the_first_layer_is_the_base_as_dive_counts_it()
    {
        BaseImageSplit split = Image().BaseSplit;
        Assert.AreEqual(1, split.BaseLayerCount);
        Assert.AreEqual(BaseImageBoundary.FirstLayer, split.Boundary);
        Assert.AreEqual(180, split.BaseSize);
        Assert.AreEqual(250, split.UserSize);
        Assert.AreEqual(50, split.BaseWastedBytes, "one layer alone wastes only the cache it leaves");
        Assert.AreEqual(140, split.UserWastedBytes);
        Assert.AreEqual(0.56, split.UserWastedPercent, 1e-12);
        Assert.AreEqual("Base image: 1 layer (180 B, the first layer, as dive counts it); added above it: 250 B, wasting 140 B (user-wasted 56.0%)\n",
            ImageReportTable.BaseSplitLine(split));
    }

    [TestMethod]
    public void From_scratch_nothing_is_base_and_an_image_of_base_layers_only_adds_nothing()
    {
        var scratch = DockerfileAttribution.Attribute(
            ImageAnalyzer.Analyze(Synthetic.Image(new[] { new TestTarWriter().File("app", 10).File("tmp/x", 5).Finish() }, new[] { "COPY app /app # buildkit" })),
            DockerfileModel.Build(DockerfileParser.Parse("FROM scratch\nCOPY app /app\n", "Dockerfile")), "Dockerfile");
        Assert.AreEqual(0, scratch.BaseSplit.BaseLayerCount);
        Assert.AreEqual(15, scratch.BaseSplit.UserSize);
        Assert.AreEqual(5.0 / 15, scratch.BaseSplit.UserWastedPercent, 1e-12);

        var onlyBase = ImageAnalyzer.Analyze(Synthetic.Image(new TestTarWriter().File("tmp/x", 5).Finish()));
        Assert.AreEqual(0, onlyBase.BaseSplit.UserSize);
        Assert.AreEqual(0, onlyBase.BaseSplit.UserWastedPercent);
    }

    [TestMethod]
    public void The_user_waste_gate_fails_strictly_above_its_limit_at_the_added_layer_that_wastes_most()
    {
        ImageReport report = Attributed();
        Assert.AreEqual(0, ImageGates.Evaluate(report, new ImageGateOptions { MaxUserWastedPercent = 110.0 / 210 }).Count, "at the limit passes, as dive's '>'");
        var options = new ImageGateOptions { MaxUserWastedPercent = 0.5 };
        Finding finding = ImageGates.Evaluate(report, options).Single();
        Assert.AreEqual("COPT3104", finding.Code);
        Assert.AreEqual(DiagnosticSeverity.Error, finding.Severity);
        Assert.AreEqual("Dockerfile(2,1): error COPT3104: The layers above the base image waste 52.4% of the 210 B they add (110 B wasted), above ContainerOptMaxUserWastedPercent 50.0%; 10 B of it is made on this line. Delete in the same RUN that creates the files, or use a cache mount.",
            finding.ToCanonicalString());

        options.MaxUserWastedPercentSetting = "highestUserWastedPercent (.dive-ci)";
        StringAssert.Contains(ImageGates.Evaluate(report, options).Single().Message, "above highestUserWastedPercent (.dive-ci) 50.0%;");
    }

    [TestMethod]
    public void Each_gate_names_the_setting_that_set_it()
    {
        var options = new ImageGateOptions
        {
            MaxImageSize = 1, MaxImageSizeSetting = "--max-size",
            MaxWastedBytes = 1, MaxWastedBytesSetting = "highestWastedBytes (.dive-ci)",
            MinEfficiency = 0.9, MinEfficiencySetting = "lowestEfficiency (dive's default: .dive-ci does not set it)",
        };
        var messages = ImageGates.Evaluate(Attributed(), options).Select(f => f.Message).ToArray();
        Assert.AreEqual(3, messages.Length);
        StringAssert.StartsWith(messages[0], "The image is 430 B (430 bytes), above --max-size 1 B (1 bytes);");
        StringAssert.StartsWith(messages[1], "The image wastes 190 B (190 bytes), above highestWastedBytes (.dive-ci) 1 B (1 bytes);");
        StringAssert.StartsWith(messages[2], "The image efficiency is 55.8%, below lowestEfficiency (dive's default: .dive-ci does not set it) 90.0%;");
    }
}
