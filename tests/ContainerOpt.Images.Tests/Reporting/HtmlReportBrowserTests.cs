using System.Text.RegularExpressions;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Reporting;

/// <summary>
/// The HTML page opened in a real browser (Debian's chromium, headless): the DOM it builds has the expected layer rows,
/// labels and bars, the markup in a Dockerfile line stays text, and the screenshot shows each bar at its exact width.
/// </summary>
[TestClass]
public sealed class HtmlReportBrowserTests
{
    private const int WindowWidth = 1400;
    private const int WindowHeight = 1600;

    private static string WritePage(out ImageReport report)
    {
        report = ImageReportHtmlTests.Report();
        string html = ImageReportHtml.Render(report, ImageGates.Results(report, new ImageGateOptions { MaxWastedBytes = 1000 }));
        string path = Path.Combine(Path.GetTempPath(), "copt-report-" + Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(path, html);
        return path;
    }

    [TestMethod]
    public void The_browsers_DOM_has_every_layer_row_with_its_label_and_bars()
    {
        Chromium.Require();
        string page = WritePage(out var report);
        try
        {
            string dom = Chromium.DumpDom(page);
            // Parsed, not just echoed: chromium's serialisation of the DOM it built.
            StringAssert.StartsWith(dom, "<!DOCTYPE html>");
            Assert.IsFalse(Regex.IsMatch(dom, "<script", RegexOptions.IgnoreCase), "the markup in the Dockerfile line made no element");
            var rows = Regex.Matches(dom, "<div class=\"layer\" id=\"layer-(\\d)\"[^>]*>\\s*<div class=\"label\"[^>]*><span class=\"index\">#\\d</span><span class=\"line\">([^<]*)</span><code class=\"instruction\">([^<]*)</code></div>\\s*"
                + "<div class=\"track\"><div class=\"bar size\" style=\"width: ?(\\d+)px;?\"></div>(?:<div class=\"bar waste\" style=\"width: ?(\\d+)px;?\"></div>)?</div>");
            CollectionAssert.AreEqual(new[]
            {
                "0|Dockerfile:1|FROM base:1 (base image)|300|",
                "1|Dockerfile:2|RUN echo \"&lt;script&gt;alert('x')&lt;/script&gt;\" &gt; /big.bin &amp;&amp; head -c 6000 /dev/zero &gt;&gt; /big.bin|600|600",
                $"2|Dockerfile:3|COPY --chown=app:app app/ /app/|{ImageReportHtml.BarPixels(report.Layers[2].Size, 6000)}|",
                "3|Dockerfile:4|RUN rm /big.bin &amp;&amp; …|1|1",
            }, rows.Select(m => string.Join("|", m.Groups.Cast<Group>().Skip(1).Select(g => g.Value))).ToArray(), dom);
            StringAssert.Contains(dom, "<tr class=\"gate fail\"><td>Wasted bytes</td><td><code>ContainerOptMaxWastedBytes</code></td><td>at most 1.00 kB</td><td>6.01 kB</td><td class=\"verdict\">fail</td>");
            StringAssert.Contains(dom, "<td><code>/app/certs/server.key</code></td><td>a private key (PKCS#8)</td>");
        }
        finally
        {
            File.Delete(page);
        }
    }

    [TestMethod]
    public void The_screenshot_shows_each_bar_at_its_width_in_the_report_colours()
    {
        Chromium.Require();
        string page = WritePage(out var report);
        try
        {
            var png = PngImage.Decode(Chromium.Screenshot(page, WindowWidth, WindowHeight));
            Assert.AreEqual((WindowWidth, WindowHeight), (png.Width, png.Height));
            var histogram = png.Histogram();
            Assert.IsTrue(histogram.Count > 20, $"a rendered page has text and shades, not {histogram.Count} colours");
            Assert.AreEqual("#ffffff", png.ColorAt(2, 2), "the page background");

            // Every run of the two bar colours, row by row; rows with the same runs form one band.
            string size = ImageReportHtml.SizeColor, waste = ImageReportHtml.WasteColor;
            var bands = new List<(string Runs, int Height)>();
            for (int y = 0; y < png.Height; y++)
            {
                var runs = new List<string>();
                for (int x = 0; x < png.Width;)
                {
                    string color = png.ColorAt(x, y);
                    if (color != size && color != waste) { x++; continue; }
                    int start = x;
                    while (x < png.Width && png.ColorAt(x, y) == color) x++;
                    runs.Add($"{(color == size ? "size" : "waste")}@{start}+{x - start}");
                }
                string key = string.Join(" ", runs);
                if (key.Length == 0) continue;
                if (bands.Count > 0 && bands[^1].Runs == key && y > 0 && RowHasBarColour(png, y - 1, size, waste)) bands[^1] = (key, bands[^1].Height + 1);
                else bands.Add((key, 1));
            }
            int left = int.Parse(Regex.Match(bands[0].Runs, "@(\\d+)\\+").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            int keyBar = ImageReportHtml.BarPixels(report.Layers[2].Size, 6000);
            var expected = new List<string>
            {
                $"size@{left}+300 ×16",
                $"waste@{left}+600 ×16",
                $"size@{left}+{keyBar} ×16",
                $"waste@{left}+1 ×16",
            };
            var actual = bands.Select(b => $"{b.Runs} ×{b.Height}").ToList();
            CollectionAssert.AreEqual(expected, actual.Take(4).ToList(), string.Join("\n", actual));
            // Then the legend's two 12×12 swatches on one line.
            StringAssert.Matches(actual[4], new Regex("^size@\\d+\\+12 waste@\\d+\\+12 ×12$"), string.Join("\n", actual));
            Assert.AreEqual(5, actual.Count, string.Join("\n", actual));
        }
        finally
        {
            File.Delete(page);
        }
    }

    private static bool RowHasBarColour(PngImage png, int y, string size, string waste)
    {
        for (int x = 0; x < png.Width; x++)
        {
            string c = png.ColorAt(x, y);
            if (c == size || c == waste) return true;
        }
        return false;
    }
}
