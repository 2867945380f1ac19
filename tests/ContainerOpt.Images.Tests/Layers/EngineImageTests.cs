using System.Diagnostics;
using ContainerOpt.Dockerfile.Semantics;
using ContainerOpt.Dockerfile.Syntax;
using ContainerOpt.Images.Archives;
using ContainerOpt.Core.Json;
using ContainerOpt.Images.Layers;
using ContainerOpt.Images.Reporting;
using ContainerOpt.TestSupport;

namespace ContainerOpt.Images.Tests.Layers;

/// <summary>
/// Crafted Dockerfiles with known waste, built by the real engine with BuildKit and with the legacy
/// builder, saved with `docker save` (piped, and to a file) and compared with docker's own numbers.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class EngineImageTests
{
    private const string BaseImage = "containeropt/bookworm-base:1";

    private const string Dockerfile =
        "FROM " + BaseImage + "\n" +
        "RUN head -c 5242880 /dev/urandom > /big.bin\n" +
        "RUN mkdir -p /data/sub && head -c 1000 /dev/urandom > /data/a && head -c 2000 /dev/urandom > /data/sub/b \\\n" +
        "    && head -c 3000 /dev/urandom > /data/sub/c && ln -s a /data/link\n" +
        "ENV MARK=1\n" +
        "RUN mkdir -p /var/lib/apt/lists/partial /var/cache/apt/archives \\\n" +
        "    && head -c 4096 /dev/urandom > /var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease \\\n" +
        "    && head -c 8192 /dev/urandom > /var/cache/apt/containeropt-test.bin\n" +
        "RUN rm /big.bin && rm -rf /data\n";

    [TestMethod]
    public void BuildKitImageHasExactWasteLinesAndDockerSizes() => BuildAndCheck(buildKit: true);

    [TestMethod]
    public void LegacyBuilderImageHasExactWasteLinesAndDockerSizes() => BuildAndCheck(buildKit: false);

    private static void BuildAndCheck(bool buildKit)
    {
        DockerEngine.Require();
        string tag = "containeropt-test/archives-" + Guid.NewGuid().ToString("N") + ":1";
        string context = Path.Combine(Path.GetTempPath(), "copt-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(context);
        string dockerfilePath = Path.Combine(context, "Dockerfile");
        File.WriteAllText(dockerfilePath, Dockerfile);
        string archivePath = Path.Combine(context, "image.tar");
        try
        {
            var build = DockerEngine.Run(new[] { "build", "--network=none", "-t", tag, context }, TimeSpan.FromMinutes(5),
                environment: new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = buildKit ? "1" : "0" });
            Assert.AreEqual(0, build.ExitCode, build.Output);

            ImageContent streamed = ReadFromDockerSavePipe(tag);
            DockerEngine.RunChecked("save", "-o", archivePath, tag);
            ImageContent saved = ImageReader.Read(archivePath);
            CollectionAssert.AreEqual(streamed.Layers.Select(l => l.Digest).ToArray(), saved.Layers.Select(l => l.Digest).ToArray());
            Assert.AreEqual(tag, streamed.Name);

            var model = DockerfileModel.Build(DockerfileParser.Parse(Dockerfile, dockerfilePath));
            ImageReport report = DockerfileAttribution.Attribute(ImageAnalyzer.Analyze(streamed), model, dockerfilePath);
            int baseLayers = report.Layers.Count - 4;
            Assert.IsTrue(baseLayers >= 1);
            var own = report.Layers.Skip(baseLayers).ToArray();

            // Lines: the base layers to FROM, each RUN to its first line.
            CollectionAssert.AreEqual(Enumerable.Repeat<int?>(1, baseLayers).Concat(new int?[] { 2, 3, 6, 9 }).ToArray(),
                report.Layers.Select(l => l.DockerfileLine).ToArray(), ImageReportTable.Format(report));

            // (1) the 5 MiB file deleted later; (2) the directory deleted later: its files and the 1-byte symlink;
            // (3) apt lists and cache left in the final image.
            Assert.AreEqual(5242880, own[0].Size);
            Assert.AreEqual(5242880, own[0].RemovedBytes);
            Assert.AreEqual(0, own[0].LeftoverCacheBytes);
            // The 1-byte symlink counts in docker's size for the legacy builder's layers, not for BuildKit's.
            long directoryBytes = buildKit ? 6000 : 6001;
            Assert.AreEqual(directoryBytes, own[1].Size);
            Assert.AreEqual(directoryBytes, own[1].RemovedBytes);
            Assert.AreEqual(0, own[2].RemovedBytes);
            Assert.AreEqual(4096 + 8192, own[2].LeftoverCacheBytes);
            Assert.AreEqual(0, own[3].Size);
            Assert.AreEqual(0, own[3].WastedBytes);
            Assert.AreEqual(new WastedFile("big.bin", 5242880, baseLayers, WasteKind.Removed), report.LargestWastedFiles[0]);

            // Gates land on the line that made the bytes.
            var waste = ImageGates.Evaluate(report, new ImageGateOptions { MaxWastedBytes = 1_000_000 }).Single();
            Assert.AreEqual(2, waste.Location.Start.Line);
            Assert.AreEqual(dockerfilePath, waste.FilePath);

            // Sizes agree with docker's, exactly: the image, the base, and each layer's history entry.
            long imageSize = long.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", tag).StandardOutput.Trim());
            long baseSize = long.Parse(DockerEngine.RunChecked("image", "inspect", "--format", "{{.Size}}", BaseImage).StandardOutput.Trim());
            Assert.AreEqual(imageSize, report.Size);
            Assert.AreEqual(imageSize - baseSize, own.Sum(l => l.Size));
            Assert.AreEqual(baseSize, report.Layers.Take(baseLayers).Sum(l => l.Size));
            var historySizes = DockerHistorySizes(tag);
            Assert.AreEqual(streamed.Config.History.Count, historySizes.Count);
            var madeLayer = historySizes.Where((_, i) => !streamed.Config.History[i].EmptyLayer).ToArray();
            CollectionAssert.AreEqual(madeLayer, report.Layers.Select(l => l.Size).ToArray());
        }
        finally
        {
            DockerEngine.RemoveImage(tag);
            Directory.Delete(context, recursive: true);
        }
    }

    /// <summary>`docker save` stdout handed straight to the reader: no temp file.</summary>
    private static ImageContent ReadFromDockerSavePipe(string tag)
    {
        var start = new ProcessStartInfo(DockerEngine.Client) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("save");
        start.ArgumentList.Add(tag);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        ImageContent image = ImageReader.Read(process.StandardOutput.BaseStream, "docker save " + tag);
        process.WaitForExit();
        Assert.AreEqual(0, process.ExitCode, stderr.Result);
        return image;
    }

    /// <summary>Each history entry's size in bytes, oldest first, from `docker history --human=false`.</summary>
    private static List<long> DockerHistorySizes(string tag)
    {
        string output = DockerEngine.RunChecked("history", "--no-trunc", "--human=false", "--format", "{{json .}}", tag).StandardOutput;
        var sizes = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonReader.Parse(line)["Size"]!)
            .Select(size => size.AsInt64 ?? long.Parse(size.AsString!))
            .ToList();
        sizes.Reverse();
        return sizes;
    }
}
