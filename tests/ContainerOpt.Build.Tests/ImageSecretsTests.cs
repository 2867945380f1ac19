using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ContainerOpt.Build.Tests.Infrastructure;
using ContainerOpt.TestSupport;
using Microsoft.Build.Logging.StructuredLogger;

namespace ContainerOpt.Build.Tests;

/// <summary>
/// Issue 15 items 4 and 5 through a real `dotnet publish -p:ContainerOptBuildImage=true`: a Dockerfile that COPYs a key
/// and a .env and deletes the key in a later RUN fails the build with errors at the COPY lines (the deleted key too,
/// naming the RUN that deleted it); the JSON report lists both, image-report.html sits beside it; and neither the
/// console, the reports nor the binlog hold anything of the files' content.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ImageSecretsTests : BuildTestBase
{
    private const string Marker = "S3CRETMARKER7f3a";

    private const string Dockerfile =
        "FROM containeropt/bookworm-base:1\n" +
        "COPY deploy_key /root/.ssh/id_rsa\n" +
        "COPY app.env /app/.env\n" +
        "RUN rm /root/.ssh/id_rsa\n" +
        "CMD [\"true\"]\n";

    [TestMethod]
    public void Publish_fails_at_the_lines_that_copied_credentials_and_never_shows_their_content()
    {
        DockerEngine.Require();
        var scratch = new Scratch("image-secrets");
        var project = scratch.ConsoleApp("app", Dockerfile);
        using var rsa = RSA.Create(2048);
        string key = rsa.ExportRSAPrivateKeyPem() + "\n";
        string keySlice = key.Split('\n')[2];
        scratch.Write("app/deploy_key", key);
        scratch.Write("app/app.env", $"ASPNETCORE_URLS=http://+:8080\nDB_PASSWORD={Marker}Kx2\n");
        string dockerfile = scratch.PathOf("app/Dockerfile");
        string binlog = scratch.PathOf("publish.binlog");
        string image = $"containeropt-test/secrets:{RunFixture.RunId.ToLowerInvariant()}";
        try
        {
            var publish = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"), "-bl:" + binlog,
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}");
            Assert.AreNotEqual(0, publish.ExitCode, publish.Describe());

            // The base image is one layer (0): COPY deploy_key makes layer 1, COPY app.env layer 2, the RUN layer 3.
            var secrets = publish.ContainerOptDiagnostics.Where(d => d.Code.StartsWith("COPT311", StringComparison.Ordinal)).ToList();
            const string Advice = ": anyone who pulls the image can read it. Keep it out of the image (.dockerignore, no COPY of it), give the build what it needs as a build secret (RUN --mount=type=secret), and rotate it.";
            CollectionAssert.AreEqual(new[]
            {
                $"{dockerfile}|(2,1,2,34)|error|COPT3110|Layer 1 adds a private key (RSA) at /root/.ssh/id_rsa; layer 3 (line 4) deletes it, but layer 1 still holds it{Advice}",
                $"{dockerfile}|(3,1,3,23)|error|COPT3110|Layer 2 adds a .env file with secrets (1 secret variable) at /app/.env{Advice}",
            }, secrets.Select(d => $"{d.Origin}|{d.Span}|{d.Kind}|{d.Code}|{d.Message}").ToArray(), publish.Describe());

            string reports = scratch.PathOf("app/obj/Release/net10.0/containeropt");
            string json = File.ReadAllText(Path.Combine(reports, "image-report.json"));
            using (var report = JsonDocument.Parse(json))
            {
                var listed = report.RootElement.GetProperty("secrets").EnumerateArray()
                    .Select(s => $"{s.GetProperty("path").GetString()}|{s.GetProperty("layer").GetInt32()}|{s.GetProperty("dockerfileLine").GetInt32()}|{s.GetProperty("removedByLayer")}|{s.GetProperty("code").GetString()}")
                    .ToArray();
                CollectionAssert.AreEqual(new[] { "root/.ssh/id_rsa|1|2|3|COPT3110", "app/.env|2|3||COPT3110" }, listed);
            }
            string html = File.ReadAllText(Path.Combine(reports, "image-report.html"));
            StringAssert.StartsWith(html, "<!DOCTYPE html>\n");
            Assert.AreEqual(2, Regex.Matches(html, "<tr class=\"secret\"").Count, html);
            Assert.AreEqual(4, Regex.Matches(html, "<div class=\"layer\" id=\"layer-\\d\"").Count, html);
            StringAssert.Contains(publish.Stdout, $"ContainerOpt: layer report page written to {Path.Combine(reports, "image-report.html")}");

            // Nothing of the content anywhere: console, reports, and the binlog (its records and the files it embeds).
            var binlogText = BinlogText(binlog);
            foreach (var (name, text) in new[] { ("stdout", publish.Stdout), ("stderr", publish.Stderr), ("json", json), ("html", html), ("binlog", binlogText) })
            {
                Assert.IsFalse(text.Contains(Marker, StringComparison.Ordinal), $"{name} holds the .env's secret");
                Assert.IsFalse(text.Contains(keySlice, StringComparison.Ordinal), $"{name} holds the key");
                Assert.IsFalse(text.Contains("BEGIN RSA PRIVATE KEY", StringComparison.Ordinal), $"{name} holds the key's header");
            }
            StringAssert.Contains(binlogText, "COPT3110", "the binlog has the errors");

            // ContainerOptImageHtmlReport=false: no page (the JSON report still).
            File.Delete(Path.Combine(reports, "image-report.html"));
            var noPage = scratch.Dotnet("publish", project, "-nologo", "-tl:off", "-o", scratch.PathOf("out"),
                "-p:ContainerOptBuildImage=true", "-p:ContainerOptBuildNetwork=none", $"-p:ContainerOptImageName={image}", "-p:ContainerOptImageHtmlReport=false");
            Assert.AreEqual(2, noPage.ContainerOptDiagnostics.Count(d => d.Code == "COPT3110"), noPage.Describe());
            Assert.IsFalse(File.Exists(Path.Combine(reports, "image-report.html")), noPage.Describe());
            Assert.IsTrue(File.Exists(Path.Combine(reports, "image-report.json")));
        }
        finally
        {
            DockerEngine.RemoveImage(image);
        }
    }

    /// <summary>Everything the binlog holds as text: its decompressed record stream and every file it embeds.</summary>
    private static string BinlogText(string binlog)
    {
        var text = new StringBuilder();
        using (var gzip = new GZipStream(File.OpenRead(binlog), CompressionMode.Decompress))
        using (var raw = new MemoryStream())
        {
            gzip.CopyTo(raw);
            text.Append(Encoding.UTF8.GetString(raw.ToArray())).Append('\n').Append(Encoding.Unicode.GetString(raw.ToArray()));
        }
        var build = BinaryLog.ReadBuild(binlog);
        foreach (var file in build.SourceFiles ?? new List<ArchiveFile>()) text.Append('\n').Append(file.Text);
        build.VisitAllChildren<BaseNode>(node => text.Append('\n').Append(node.ToString()));
        return text.ToString();
    }
}
