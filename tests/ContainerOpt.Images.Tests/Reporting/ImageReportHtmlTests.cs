using System.Text.RegularExpressions;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.Images.Tests.Archives;
using ContainerOpt.Images.Tests.Layers;
using ContainerOpt.Images.Tests.Layers.Secrets;

namespace ContainerOpt.Images.Tests.Reporting;

/// <summary>The HTML page as text: self-contained, every layer a row with its label and bars, everything escaped.</summary>
[TestClass]
public sealed class ImageReportHtmlTests
{
    /// <summary>A Dockerfile whose RUN line holds markup: it must show as text.</summary>
    public const string Dockerfile =
        "FROM base:1\n" +
        "RUN echo \"<script>alert('x')</script>\" > /big.bin && head -c 6000 /dev/zero >> /big.bin\n" +
        "COPY --chown=app:app app/ /app/\n" +
        "RUN rm /big.bin && \\\n" +
        "    echo done > /tmp/done\n";

    /// <summary>
    /// Layers of 3000, 6000, 1500 + a key, and 5 bytes (deleting the 6000-byte file, leaving 5 in /tmp): 6005 bytes are wasted.
    /// </summary>
    public static ImageReport Report()
    {
        var image = Synthetic.Image(new[]
        {
            new TestTarWriter().File("etc/os-release", 3000).Finish(),
            new TestTarWriter().File("big.bin", 6000).Finish(),
            new TestTarWriter().File("app/<b>index</b>.html", 1500).File("app/certs/server.key", FakeCredentials.Content("rsa-pkcs8")).Finish(),
            new TestTarWriter().File(".wh.big.bin", "").File("tmp/done", 5).Finish(),
        }, new[]
        {
            null!,
            "RUN /bin/sh -c echo \"<script>alert('x')</script>\" > /big.bin && head -c 6000 /dev/zero >> /big.bin # buildkit",
            "COPY app/ /app/ # buildkit",
            "RUN /bin/sh -c rm /big.bin &&     echo done > /tmp/done # buildkit",
        });
        var model = DockerfileModel.Build(DockerfileParser.Parse(Dockerfile, "/src/Dockerfile"));
        return DockerfileAttribution.Attribute(ImageAnalyzer.Analyze(image), model, "/src/Dockerfile");
    }

    [TestMethod]
    public void Markup_from_the_Dockerfile_and_the_image_renders_as_text()
    {
        string html = ImageReportHtml.Render(Report());
        Assert.IsFalse(html.Contains("<script", StringComparison.OrdinalIgnoreCase), "no script element, and no unescaped '<script'");
        StringAssert.Contains(html, "<code class=\"instruction\">RUN echo &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; &gt; /big.bin &amp;&amp; head -c 6000 /dev/zero &gt;&gt; /big.bin</code>");
        StringAssert.Contains(html, "<code>/app/&lt;b&gt;index&lt;/b&gt;.html</code>");
        Assert.IsFalse(html.Contains("<b>", StringComparison.Ordinal));
        Assert.AreEqual("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39; e", ImageReportHtml.Escape("a <b> & \"c\" 'd'\te"));
    }

    [TestMethod]
    public void The_page_is_self_contained()
    {
        string html = ImageReportHtml.Render(Report(), ImageGates.Results(Report(), new ImageGateOptions { MaxImageSize = 1000 }));
        StringAssert.StartsWith(html, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        foreach (string external in new[] { "http:", "https:", "//", "src=", "href=", "@import", "url(", "<link", "<img", "<iframe", "<object" })
        {
            // '//' would start a protocol-relative URL; the page has none (comments in CSS neither).
            Assert.IsFalse(html.Contains(external, StringComparison.OrdinalIgnoreCase), $"the page holds '{external}'");
        }
        StringAssert.EndsWith(html, "</body>\n</html>\n");
    }

    [TestMethod]
    public void Each_layer_is_a_row_labelled_with_its_line_and_bars_to_scale()
    {
        var report = Report();
        string html = ImageReportHtml.Render(report);
        long keySize = report.Layers[2].Size;
        var rows = Regex.Matches(html, "<div class=\"layer\" id=\"layer-(\\d)\" data-index=\"\\d\" data-size=\"(\\d+)\" data-wasted=\"(\\d+)\">\\n"
            + "<div class=\"label\" title=\"[^\"]*\"><span class=\"index\">#\\d</span>(?:<span class=\"line\">([^<]*)</span>)?<code class=\"instruction\">([^<]*)</code></div>\\n"
            + "<div class=\"track\"><div class=\"bar size\" style=\"width:(\\d+)px\"></div>(?:<div class=\"bar waste\" style=\"width:(\\d+)px\"></div>)?</div>\\n");
        Assert.AreEqual(4, rows.Count, html);
        string Row(Match m) => string.Join("|", m.Groups.Cast<Group>().Skip(1).Select(g => g.Value));
        Assert.AreEqual("0|3000|0|Dockerfile:1|FROM base:1 (base image)|300|", Row(rows[0]));
        Assert.AreEqual("1|6000|6000|Dockerfile:2|RUN echo &quot;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot; &gt; /big.bin &amp;&amp; head -c 6000 /dev/zero &gt;&gt; /big.bin|600|600", Row(rows[1]));
        Assert.AreEqual($"2|{keySize}|0|Dockerfile:3|COPY --chown=app:app app/ /app/|{ImageReportHtml.BarPixels(keySize, 6000)}|", Row(rows[2]));
        Assert.AreEqual("3|5|5|Dockerfile:4|RUN rm /big.bin &amp;&amp; …|1|1", Row(rows[3]));
    }

    [TestMethod]
    public void Bar_widths_are_pixels_of_the_largest_layers_600()
    {
        Assert.AreEqual(600, ImageReportHtml.BarPixels(6000, 6000));
        Assert.AreEqual(300, ImageReportHtml.BarPixels(3000, 6000));
        Assert.AreEqual(1, ImageReportHtml.BarPixels(5, 6000), "any byte shows");
        Assert.AreEqual(0, ImageReportHtml.BarPixels(0, 6000));
        Assert.AreEqual(0, ImageReportHtml.BarPixels(0, 0));
        Assert.AreEqual(3, ImageReportHtml.BarPixels(25, 6000), "rounded half away from zero (2.5)");
    }

    [TestMethod]
    public void Summary_gates_secrets_and_largest_files_are_on_the_page()
    {
        var report = Report();
        var gates = ImageGates.Results(report, new ImageGateOptions
        {
            MaxImageSize = 1000, MaxWastedBytes = 10_000, MinEfficiency = 0.6, MaxUserWastedPercent = 0.5, MaxUserWastedPercentSetting = "--max-user-wasted",
        });
        string html = ImageReportHtml.Render(report, gates);
        string size = ByteSize.Format(report.Size);
        StringAssert.Contains(html, $"<div id=\"size\"><dt>Size</dt><dd data-bytes=\"{report.Size}\">{size}</dd></div>");
        StringAssert.Contains(html, "<div id=\"wasted\"><dt>Wasted</dt><dd data-bytes=\"6005\">6.01 kB</dd></div>");
        StringAssert.Contains(html, $"<div id=\"efficiency\"><dt>Efficiency</dt><dd>{ByteSize.Percent(report.Efficiency)}</dd></div>");
        StringAssert.Contains(html, "<div id=\"compressed\"><dt>Compressed</dt><dd>not measured</dd></div>");
        // Above the base image (the FROM's layer, 3000 bytes) 6005 of the added bytes are wasted.
        Assert.AreEqual((double)6005 / (report.Size - 3000), report.BaseSplit.UserWastedPercent, 1e-12);
        StringAssert.Contains(html, $"<div id=\"user-wasted\"><dt>User-wasted</dt><dd>{ByteSize.Percent(report.BaseSplit.UserWastedPercent)}</dd></div>");
        StringAssert.Contains(html, "<div id=\"secret-count\"><dt>Credential files</dt><dd>1</dd></div>");

        var gateRows = Regex.Matches(html, "<tr class=\"gate (pass|fail)\"><td>([^<]*)</td><td><code>([^<]*)</code></td><td>([^<]*)</td><td>([^<]*)</td><td class=\"verdict\">(pass|fail)</td><td>(?:<code>(COPT\\d+)</code>)?");
        CollectionAssert.AreEqual(new[]
        {
            $"fail|Image size|ContainerOptMaxImageSize|at most 1.00 kB|{size}|fail|COPT3101",
            "pass|Wasted bytes|ContainerOptMaxWastedBytes|at most 10.0 kB|6.01 kB|pass|",
            $"fail|Efficiency|ContainerOptMinEfficiency|at least 60.0%|{ByteSize.Percent(report.Efficiency)}|fail|COPT3103",
            $"fail|User-wasted share|--max-user-wasted|at most 50.0%|{ByteSize.Percent(report.BaseSplit.UserWastedPercent)}|fail|COPT3104",
        }, gateRows.Select(m => string.Join("|", m.Groups.Cast<Group>().Skip(1).Select(g => g.Value))).ToArray());

        StringAssert.Contains(html, "<tr class=\"secret\" data-layer=\"2\"><td class=\"severity-error\">error</td><td><code>COPT3110</code></td><td><code>/app/certs/server.key</code></td><td>a private key (PKCS#8)</td><td class=\"num\">2</td><td>Dockerfile:3</td><td></td></tr>");
        StringAssert.Contains(html, "<tr class=\"file\"><td class=\"num\">6.00 kB</td><td><code>/big.bin</code></td><td class=\"num\">1</td></tr>");
        StringAssert.Contains(html, "<tr class=\"wasted-file\"><td class=\"num\">6.00 kB</td><td><code>/big.bin</code></td><td class=\"num\">1</td><td>deleted later</td></tr>");
        Assert.IsFalse(html.Contains(FakeCredentials.Marker, StringComparison.Ordinal));
        Assert.IsFalse(html.Contains("PRIVATE KEY", StringComparison.Ordinal), "the key's content is never on the page");

        StringAssert.Contains(ImageReportHtml.Render(report), "<p class=\"note\">No gate is set");
    }

    [TestMethod]
    public void The_largest_files_are_the_images_largest_never_more_than_each_layer_keeps()
    {
        var big = new TestTarWriter();
        for (int i = 0; i < 12; i++) big.File($"big/{i:00}", 1000 + i);
        var report = ImageAnalyzer.Analyze(Synthetic.Image(big.Finish(), new TestTarWriter().File("small/a", 10).File("small/b", 20).Finish()));
        var rows = Regex.Matches(ImageReportHtml.Render(report), "<tr class=\"file\"><td class=\"num\">[^<]*</td><td><code>/([^<]*)</code></td><td class=\"num\">(\\d+)</td></tr>")
            .Select(m => m.Groups[1].Value + "@" + m.Groups[2].Value).ToArray();
        // Each layer keeps its 10 largest (ImageAnalysisOptions.LargestFileCount): the page lists the image's 10 largest.
        CollectionAssert.AreEqual(Enumerable.Range(2, 10).Reverse().Select(i => $"big/{i:00}@0").ToArray(), rows);
    }
}
