using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerOpt.TestSupport;
using ContainerOpt.TestSupport.Registry;

namespace ContainerOpt.Cli.Tests;

/// <summary>
/// `containeropt layers` on an image that carries credentials (one deleted in a later layer) and a Dockerfile line with
/// markup: errors at the lines with --dockerfile, warnings without; the table, JSON and HTML list them; the HTML page
/// opens in chromium with a row per layer and the markup as text; no output ever holds the credentials' content.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class LayersSecretsAndHtmlTests
{
    private const string Marker = "S3CRETMARKER7f3a";

    private const string Dockerfile = """
        FROM containeropt/bookworm-base:1
        COPY id_rsa /root/.ssh/id_rsa
        RUN echo "<script>alert(1)</script>" > /page.html && rm /root/.ssh/id_rsa
        COPY .env /app/.env

        """;

    private static string? _image;
    private static string? _directory;
    private static string _keySlice = "";

    [ClassInitialize]
    public static void BuildImage(TestContext _)
    {
        if (DockerEngine.UnavailableReason is not null)
        {
            return;
        }
        _directory = Path.Combine(Path.GetTempPath(), "containeropt-tests", "layers-secrets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "Dockerfile"), Dockerfile);
        using var rsa = RSA.Create(2048);
        string key = rsa.ExportRSAPrivateKeyPem() + "\n";
        _keySlice = key.Split('\n')[2];
        File.WriteAllText(Path.Combine(_directory, "id_rsa"), key);
        File.WriteAllText(Path.Combine(_directory, ".env"), $"PORT=8080\nAPI_TOKEN={Marker}Zq81\n");
        _image = "containeropt-test/cli-secrets:" + Guid.NewGuid().ToString("N").Substring(0, 12);
        DockerEngine.Run(new[] { "build", "--network=none", "-t", _image, _directory }, environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "1" });
    }

    [ClassCleanup]
    public static void RemoveImage()
    {
        if (_image is not null)
        {
            DockerEngine.RemoveImage(_image);
        }
        if (_directory is not null && Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static string DockerfilePath => Path.Combine(_directory!, "Dockerfile");

    private static void AssertNoContent(params string[] outputs)
    {
        foreach (string output in outputs)
        {
            Assert.IsFalse(output.Contains(Marker, StringComparison.Ordinal), output);
            Assert.IsFalse(output.Contains(_keySlice, StringComparison.Ordinal), output);
            Assert.IsFalse(output.Contains("PRIVATE KEY-----", StringComparison.Ordinal), output);
        }
    }

    [TestMethod]
    public void With_the_Dockerfile_each_credential_is_an_error_at_its_line_and_the_exit_code_is_1()
    {
        DockerEngine.Require();
        var (code, stdout, stderr) = CliRunner.Run("layers", _image!, "--dockerfile", DockerfilePath, "--no-compressed-size");
        Assert.AreEqual(1, code, stdout + stderr);
        string[] errors = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        // The base image is one layer (0); COPY id_rsa is layer 1, the RUN layer 2, COPY .env layer 3.
        const string Advice = ": anyone who pulls the image can read it. Keep it out of the image (.dockerignore, no COPY of it), give the build what it needs as a build secret (RUN --mount=type=secret), and rotate it.";
        CollectionAssert.AreEqual(new[]
        {
            $"{DockerfilePath}(2,1): error COPT3110: Layer 1 adds a private key (RSA) at /root/.ssh/id_rsa; layer 2 (line 3) deletes it, but layer 1 still holds it{Advice}",
            $"{DockerfilePath}(4,1): error COPT3110: Layer 3 adds a .env file with secrets (1 secret variable) at /app/.env{Advice}",
        }, errors);
        StringAssert.EndsWith(stdout,
            "Credential files (still readable from their layer):\n" +
            "  /root/.ssh/id_rsa  a private key (RSA)  (layer 1, Dockerfile:2, removed by layer 2, Dockerfile:3)\n" +
            "  /app/.env  a .env file with secrets (1 secret variable)  (layer 3, Dockerfile:4)\n");
        AssertNoContent(stdout, stderr);

        var json = CliRunner.Run("layers", _image!, "--dockerfile", DockerfilePath, "--no-compressed-size", "--format", "json");
        Assert.AreEqual(1, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        var secrets = document.RootElement.GetProperty("secrets").EnumerateArray()
            .Select(s => $"{s.GetProperty("path").GetString()} {s.GetProperty("layer").GetInt32()} {s.GetProperty("dockerfileLine").GetInt32()} {s.GetProperty("removedByLayer")} {s.GetProperty("code").GetString()}")
            .ToArray();
        CollectionAssert.AreEqual(new[] { "root/.ssh/id_rsa 1 2 2 COPT3110", "app/.env 3 4  COPT3110" }, secrets);
        AssertNoContent(json.Stdout, json.Stderr);
    }

    [TestMethod]
    public void Without_the_Dockerfile_credentials_are_warnings_that_name_the_step()
    {
        DockerEngine.Require();
        var (code, stdout, stderr) = CliRunner.Run("layers", _image!, "--no-compressed-size");
        Assert.AreEqual(0, code, stdout + stderr);
        string[] warnings = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.HasCount(2, warnings);
        StringAssert.StartsWith(warnings[0], $"{_image}(0,0): warning COPT3112: Layer 1 (COPY id_rsa /root/.ssh/id_rsa) carries a private key (RSA) at /root/.ssh/id_rsa; layer 2 deletes it, but layer 1 still holds it: anyone who pulls the image can read it. Which Dockerfile line added it is not known");
        StringAssert.StartsWith(warnings[1], $"{_image}(0,0): warning COPT3112: Layer 3 (COPY .env /app/.env) carries a .env file with secrets (1 secret variable) at /app/.env: ");
        AssertNoContent(stdout, stderr);
    }

    [TestMethod]
    public void The_html_page_opens_in_chromium_with_a_row_per_layer_and_the_markup_as_text()
    {
        DockerEngine.Require();
        Chromium.Require();
        var (code, html, stderr) = CliRunner.Run("layers", _image!, "--dockerfile", DockerfilePath, "--no-compressed-size", "--format", "html", "--max-wasted", "1GB");
        Assert.AreEqual(1, code, stderr);
        StringAssert.StartsWith(html, "<!DOCTYPE html>\n");
        Assert.IsFalse(html.Contains("<script", StringComparison.Ordinal), "the Dockerfile's markup is escaped");
        AssertNoContent(html, stderr);
        string page = Path.Combine(_directory!, "report.html");
        File.WriteAllText(page, html);

        string dom = Chromium.DumpDom(page);
        Assert.IsFalse(Regex.IsMatch(dom, "<script", RegexOptions.IgnoreCase), "no script element in the browser's DOM");
        var rows = Regex.Matches(dom, "<div class=\"layer\" id=\"layer-(\\d)\"[^>]*>\\s*<div class=\"label\"[^>]*><span class=\"index\">#\\d</span><span class=\"line\">([^<]*)</span><code class=\"instruction\">([^<]*)</code></div>")
            .Select(m => $"{m.Groups[1].Value}|{m.Groups[2].Value}|{m.Groups[3].Value}").ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "0|Dockerfile:1|FROM containeropt/bookworm-base:1 (base image)",
            "1|Dockerfile:2|COPY id_rsa /root/.ssh/id_rsa",
            "2|Dockerfile:3|RUN echo \"&lt;script&gt;alert(1)&lt;/script&gt;\" &gt; /page.html &amp;&amp; rm /root/.ssh/id_rsa",
            "3|Dockerfile:4|COPY .env /app/.env",
        }, rows, dom);
        StringAssert.Contains(dom, "<tr class=\"gate pass\"><td>Wasted bytes</td><td><code>--max-wasted</code></td><td>at most 1.00 GB</td>");
        Assert.AreEqual(2, Regex.Matches(dom, "<tr class=\"secret\"").Count, dom);

        var png = PngImage.Decode(Chromium.Screenshot(page, 1400, 1200));
        Assert.AreEqual((1400, 1200), (png.Width, png.Height));
        // The base layer is the largest: its bar is the full 600 pixels, 16 high; the RUN's and the .env's layers hold a few
        // bytes: 1 pixel each; the key's layer is all waste (deleted later): 1 pixel in the waste colour. And each legend swatch.
        Assert.AreEqual(600 * 16 + 2 * 16 + 12 * 12, png.Count("#3b6fd8"), "the size colour");
        Assert.AreEqual(1 * 16 + 12 * 12, png.Count("#d9412b"), "the waste colour");
    }

    [TestMethod]
    public void A_registry_image_is_checked_the_same_way_as_it_streams()
    {
        DockerEngine.Require();
        RegistryTestImages.RequireLocalRegistry();
        string pushed = $"{RegistryTestImages.LocalRegistry}/containeropt-tests/secrets-html/cli:{_image!.Split(':')[1]}";
        try
        {
            DockerEngine.RunChecked("tag", _image!, pushed);
            DockerEngine.RunChecked("push", pushed);
            var (code, stdout, stderr) = CliRunner.Run("layers", pushed, "--dockerfile", DockerfilePath);
            Assert.AreEqual(1, code, stdout + stderr);
            CollectionAssert.AreEqual(new[] { "(2,1): error COPT3110", "(4,1): error COPT3110" },
                stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Regex.Match(l, "\\(\\d+,\\d+\\): error COPT\\d+").Value).ToArray(), stderr);
            StringAssert.Contains(stderr, "Layer 1 adds a private key (RSA) at /root/.ssh/id_rsa; layer 2 (line 3) deletes it, but layer 1 still holds it");
            AssertNoContent(stdout, stderr);
        }
        finally
        {
            DockerEngine.RemoveImage(pushed);
        }
    }

    [TestMethod]
    public void Html_compares_no_two_images()
    {
        var (code, _, stderr) = CliRunner.Run("layers", "a.tar", "--compare", "b.tar", "--format", "html");
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr, "--format html draws one image's layers: give it without --compare (text or json compare two images).");
    }
}
